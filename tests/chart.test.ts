import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHART_FONT_FAMILY, chartFontFile } from '../src/charts/font';
import { lineChartPng, lineChartSvg, type LineChart } from '../src/charts/line-chart';
import { svgToPng } from '../src/charts/png';
import { pngHeader } from './png';

const CHART: LineChart = {
  title: '每月提及各短語的文章數',
  subtitle: '2023-12 至 2024-07 · 共 10 篇有日期的文章',
  categories: ['2023-12', '2024-01', '2024-02', '2024-03'],
  series: [
    { name: '新質生產力', values: [1, 1, 1, 2] },
    { name: '高质量发展', values: [1, null, 1, 2] },
  ],
  valueAxisName: '篇',
  wholeNumbers: true,
};

/** How many pixels of an RGBA image are dark: text drawn on white. */
function darkPixels(rgba: Buffer): number {
  let dark = 0;
  for (let at = 0; at < rgba.length; at += 4) if (rgba[at + 3]! > 0 && rgba[at]! + rgba[at + 1]! + rgba[at + 2]! < 3 * 128) dark++;
  return dark;
}

describe('the chart font', () => {
  it('is an OpenType file installed with the dependencies', () => {
    expect(readFileSync(chartFontFile()).toString('latin1', 0, 4)).toBe('OTTO');
  });

  it('draws Chinese in either script, by its path alone, with no system font', async () => {
    const text = (characters: string) =>
      `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="60"><rect width="240" height="60" fill="#fff"/><text x="8" y="44" font-size="36" font-family="${CHART_FONT_FAMILY}">${characters}</text></svg>`;
    for (const characters of ['新質生產力', '高质量发展']) {
      const image = await svgToPng(text(characters), 1);
      expect(darkPixels(image.pixels)).toBeGreaterThan(500);
    }
    // The same drawing without the text has no dark pixel: what was counted above is the glyphs.
    expect(darkPixels((await svgToPng(text(''), 1)).pixels)).toBe(0);
  });
});

describe('a line chart', () => {
  it('is drawn by ECharts as SVG with its title, legend and periods in its own words', () => {
    const svg = lineChartSvg(CHART);
    for (const words of ['每月提及各短語的文章數', '新質生產力', '高质量发展', '2023-12', '2024-03', '篇']) expect(svg).toContain(`>${words}</text>`);
    expect(svg).toContain(`font-family:${CHART_FONT_FAMILY}`);
  });

  it('cuts a legend entry too long to fit, with dots', () => {
    const svg = lineChartSvg({ ...CHART, series: [{ name: '黨員'.repeat(50), values: [1, 2, 3, 4] }] });
    expect(svg).not.toContain('黨員'.repeat(50));
    expect(svg).toMatch(/>(黨員)+黨?\.\.\.<\/text>/);
  });

  it('is a PNG of at least 800 × 400 pixels', async () => {
    const header = pngHeader(await lineChartPng(CHART));
    expect(header.width).toBeGreaterThanOrEqual(800);
    expect(header.height).toBeGreaterThanOrEqual(400);
    expect(header.width / header.height).toBeCloseTo(16 / 9, 1);
  });
});
