import { renderAsync, type RenderedImage } from '@resvg/resvg-js';
import { CHART_FONT_FAMILY, chartFontFile } from './font';

/**
 * An SVG drawn as a PNG by resvg, with the chart font only (no system font is looked for, so the
 * picture does not depend on the machine), `zoom` times its own size so that it stays sharp on
 * high-density screens. resvg runs on libuv's thread pool: the event loop is free while it draws.
 */
export async function svgToPng(svg: string, zoom: number): Promise<RenderedImage> {
  return renderAsync(svg, {
    font: { fontFiles: [chartFontFile()], loadSystemFonts: false, defaultFontFamily: CHART_FONT_FAMILY, sansSerifFamily: CHART_FONT_FAMILY },
    fitTo: { mode: 'zoom', value: zoom },
    logLevel: 'off',
  });
}
