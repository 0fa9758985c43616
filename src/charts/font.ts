import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The one font charts are drawn with, loaded by its path so that a chart looks the same on every
 * machine whatever fonts it has: Noto Sans S Chinese Regular (SIL Open Font License 1.1), from the npm
 * package @embedpdf/fonts-sc. It covers every CJK Unified Ideograph of the basic block (20,945),
 * so phrases in Traditional and Simplified script alike, and Latin letters and digits for the axes.
 */
export const CHART_FONT_FAMILY = 'Noto Sans S Chinese';

const FONT_PACKAGE = '@embedpdf/fonts-sc';
const FONT_FILE = 'NotoSansHans-Regular.otf';

/** The font file's path: the package exports only its index (in dist/), and keeps its fonts beside it in fonts/. */
export function chartFontFile(): string {
  const index = createRequire(import.meta.url).resolve(FONT_PACKAGE);
  return join(dirname(index), '..', 'fonts', FONT_FILE);
}
