import { lineChartPng } from '../src/charts/line-chart';
import type { Library } from '../src/library/library';
import { trendAnswer } from '../src/replies/trend';
import { countTrend } from '../src/trends/count';
import { parseTrendRequest, type TrendRequest } from '../src/trends/request';

/**
 * The benchmark of /trend, on the library the benchmark has built: four phrases (common to rare)
 * counted by month from the index, against a brute-force scan of every folded text counting the same,
 * measured in the same run; and the chart drawn as a PNG. Any month where the two counts differ is a
 * mismatch, which fails the benchmark.
 */
export const TREND_PHRASES = ['習近平', '高質量發展', '鄉村振興', '新質生產力'];
/** Drawing takes a few hundred milliseconds: fewer rounds than the counts are enough for its spread. */
const PNG_ROUNDS = 20;

const REQUEST: TrendRequest = { phrases: TREND_PHRASES, by: 'month', from: null, to: null, measure: 'articles' };

export interface TrendFigures {
  phrases: number;
  months: number;
  index: { p50Ms: number; p99Ms: number };
  baseline: { p50Ms: number; p99Ms: number };
  png: { p50Ms: number; p99Ms: number; bytes: number };
}

export async function benchTrend(library: Library, foldedTexts: readonly string[], repeats: number): Promise<{ figures: TrendFigures; rows: [string, string][]; mismatches: string[] }> {
  const query = parseTrendRequest(REQUEST);
  if ('reason' in query) throw new Error(`the benchmark's trend is refused: ${query.reason}`);
  const days = library.dayNumbers();
  const trend = countTrend(library, query);
  const scanned = query.phrases.map(({ folded }) => scanByMonth(foldedTexts, days, folded));

  const mismatches: string[] = [];
  trend.phrases.forEach((phrase, at) => {
    const expected = scanned[at]!;
    const found = new Map(trend.periods.flatMap((month, period) => (phrase.articles[period] ? [[month, `${phrase.articles[period]}/${phrase.mentions[period]}`] as const] : [])));
    for (const month of new Set([...found.keys(), ...expected.keys()])) {
      if (found.get(month) !== expected.get(month)) mismatches.push(`trend ${phrase.phrase} ${month}: index ${found.get(month) ?? 'none'}, scan ${expected.get(month) ?? 'none'} (articles/mentions)`);
    }
  });

  // One untimed run of each first, as for the phrase search.
  const index = timed(repeats, () => countTrend(library, query));
  const baseline = timed(repeats, () => query.phrases.map(({ folded }) => scanByMonth(foldedTexts, days, folded)));
  const chart = trendAnswer(library, REQUEST, 'zh-TW').chart!;
  let bytes = (await lineChartPng(chart)).length;
  const png: number[] = [];
  for (let round = 0; round < Math.min(repeats, PNG_ROUNDS); round++) {
    const started = performance.now();
    bytes = (await lineChartPng(chart)).length;
    png.push(performance.now() - started);
  }

  const figures: TrendFigures = {
    phrases: TREND_PHRASES.length,
    months: trend.periods.length,
    index: summary(index),
    baseline: summary(baseline),
    png: { ...summary(png), bytes },
  };
  const rows: [string, string][] = [
    [`trend of ${figures.phrases} phrases by month (${figures.months} months) p50 / p99, index`, `${figures.index.p50Ms} / ${figures.index.p99Ms} ms`],
    ['same trend p50 / p99, brute-force scan', `${figures.baseline.p50Ms} / ${figures.baseline.p99Ms} ms`],
    ['trend chart as PNG p50 / p99', `${figures.png.p50Ms} / ${figures.png.p99Ms} ms (${Math.round(figures.png.bytes / 1024)} KB)`],
  ];
  return { figures, rows, mismatches };
}

/**
 * The baseline: for each folded text, String.prototype.indexOf counts the phrase's mentions as the
 * index does (non-overlapping); each article that has any goes to the month of its day number, as
 * `YYYY-MM` written out. Articles without a full date are left out, as the trend leaves them out.
 */
function scanByMonth(texts: readonly string[], days: Int32Array, needle: string): Map<string, string> {
  const articles = new Map<string, number>();
  const mentions = new Map<string, number>();
  texts.forEach((text, document) => {
    const day = days[document]!;
    if (day === 0) return;
    let count = 0;
    for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) count++;
    if (count === 0) return;
    const month = `${Math.floor(day / 10_000)}-${String(Math.floor(day / 100) % 100).padStart(2, '0')}`;
    articles.set(month, (articles.get(month) ?? 0) + 1);
    mentions.set(month, (mentions.get(month) ?? 0) + count);
  });
  return new Map([...articles].map(([month, count]) => [month, `${count}/${mentions.get(month)}`]));
}

function timed(repeats: number, action: () => unknown): number[] {
  action();
  const samples: number[] = [];
  for (let round = 0; round < repeats; round++) {
    const started = performance.now();
    action();
    samples.push(performance.now() - started);
  }
  return samples;
}

function summary(samples: readonly number[]): { p50Ms: number; p99Ms: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const percentile = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
  return { p50Ms: Math.round(percentile(50) * 1000) / 1000, p99Ms: Math.round(percentile(99) * 1000) / 1000 };
}
