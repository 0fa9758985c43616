import { SHARE_BASE, type Trend } from '../trends/count';
import { csvFile } from './csv';

/**
 * A trend as a CSV file (see csv.ts), one row per period, every period from the first to the last: the
 * dated articles of the period, then for each phrase the articles that mention it, its mentions and
 * those articles per 1,000 of the period (empty for a period without articles). Headers in English,
 * as the search export's; phrases as typed.
 */
export function trendCsv(trend: Trend): string {
  const header = ['period', 'articles in period', ...trend.phrases.flatMap(({ phrase }) => [`${phrase}: articles`, `${phrase}: mentions`, `${phrase}: per ${SHARE_BASE} articles`])];
  const rows = trend.periods.map((period, at) => [
    period,
    String(trend.articlesInPeriod[at]),
    ...trend.phrases.flatMap(phrase => [String(phrase.articles[at]), String(phrase.mentions[at]), shareText(phrase.share[at]!)]),
  ]);
  return csvFile([header, ...rows]);
}

/** A share to two decimals, as the CLI's JSON gives it; empty where the period has no articles. */
function shareText(share: number | null): string {
  return share === null ? '' : String(roundShare(share));
}

export function roundShare(share: number): number {
  return Math.round(share * 100) / 100;
}
