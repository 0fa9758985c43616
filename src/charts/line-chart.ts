import * as echarts from 'echarts/core';
import { LineChart as EChartsLine } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { CHART_FONT_FAMILY } from './font';
import { svgToPng } from './png';

echarts.use([EChartsLine, GridComponent, LegendComponent, TitleComponent, SVGRenderer]);

/** A line chart of values over ordered categories (periods), with every word it shows already chosen. */
export interface LineChart {
  readonly title: string;
  readonly subtitle: string;
  readonly categories: readonly string[];
  /** One line each, values aligned with the categories; null leaves a gap. */
  readonly series: readonly { readonly name: string; readonly values: readonly (number | null)[] }[];
  readonly valueAxisName: string;
  /** Counts: the value axis is marked at whole numbers only. */
  readonly wholeNumbers: boolean;
}

/**
 * The chart's size in SVG units, drawn at twice that (1,440 × 810 pixels): small units with large type,
 * so that the words stay legible when Discord shrinks the picture to a phone's width.
 */
export const CHART_WIDTH = 720;
export const CHART_HEIGHT = 405;
const ZOOM = 2;

/**
 * Okabe and Ito's colours, told apart with every common colour blindness, each with its own marker
 * shape as well; dark enough to read on the white card that Discord shows on light and dark themes alike.
 */
const COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7'];
const MARKERS = ['circle', 'rect', 'triangle', 'diamond'];
const INK = '#1f2328';
const MUTED = '#57606a';
/** A legend entry longer than this (in SVG units) is cut short: four phrases of 100 characters would not fit. */
const LEGEND_ENTRY_WIDTH = 300;

/** The chart as SVG, drawn by ECharts' server-side renderer (no browser, no canvas). */
export function lineChartSvg(chart: LineChart): string {
  const drawing = echarts.init(null, null, { renderer: 'svg', ssr: true, width: CHART_WIDTH, height: CHART_HEIGHT });
  try {
    drawing.setOption({
      animation: false,
      backgroundColor: '#ffffff',
      color: COLOURS,
      textStyle: { fontFamily: CHART_FONT_FAMILY, color: INK },
      title: {
        text: chart.title,
        subtext: chart.subtitle,
        left: 16,
        top: 10,
        textStyle: { fontSize: 20, fontWeight: 'normal', color: INK },
        subtextStyle: { fontSize: 14, color: MUTED },
      },
      legend: {
        top: 66,
        left: 16,
        right: 16,
        itemGap: 18,
        itemWidth: 26,
        itemHeight: 12,
        textStyle: { fontSize: 17, color: INK, width: LEGEND_ENTRY_WIDTH, overflow: 'truncate' },
      },
      // The margins hold the axes' labels and names too ('same' outer bounds): nothing is cut at the edges.
      grid: { top: 104, left: 16, right: 28, bottom: 12, outerBoundsMode: 'same', outerBoundsContain: 'all' },
      xAxis: {
        type: 'category',
        data: [...chart.categories],
        boundaryGap: false,
        axisLabel: { fontSize: 14, color: MUTED, hideOverlap: true },
        axisLine: { lineStyle: { color: '#8c959f' } },
        axisTick: { alignWithLabel: true },
      },
      yAxis: {
        type: 'value',
        name: chart.valueAxisName,
        nameTextStyle: { fontSize: 14, color: MUTED, align: 'left' },
        nameGap: 12,
        minInterval: chart.wholeNumbers ? 1 : 0,
        axisLabel: { fontSize: 14, color: MUTED },
        splitLine: { lineStyle: { color: '#d0d7de' } },
      },
      series: chart.series.map((series, at) => ({
        type: 'line',
        name: series.name,
        data: series.values.map(value => value ?? '-'),
        symbol: MARKERS[at % MARKERS.length],
        symbolSize: 7,
        // Markers would hide the line where there are hundreds of periods.
        showSymbol: chart.categories.length <= 60,
        lineStyle: { width: 2.5 },
        connectNulls: false,
      })),
    });
    return drawing.renderToSVGString();
  } finally {
    drawing.dispose();
  }
}

/** The chart as a PNG of CHART_WIDTH × CHART_HEIGHT times ZOOM pixels. */
export async function lineChartPng(chart: LineChart): Promise<Buffer> {
  return (await svgToPng(lineChartSvg(chart), ZOOM)).asPng();
}
