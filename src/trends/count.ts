import type { DayNumber } from '../search/options';
import { periodForSpan, periodLabel, periodOf, type TrendPeriod } from './periods';
import type { TrendMeasure, TrendQuery } from './request';

/**
 * Where a trend's counts come from: the phrase index's matches (articles by position, with the
 * mentions in each) and each article's day number, 0 when it has no full date. No text is read.
 */
export interface TrendSource {
  findPhrase(folded: string): { readonly documents: ArrayLike<number>; readonly counts: ArrayLike<number> };
  dayNumbers(): Int32Array;
}

/** One phrase over the periods of a trend. */
export interface PhraseTrend {
  readonly phrase: string;
  /** By period: the articles that mention the phrase, its mentions in them, and those articles per 1,000 of the period (null for a period without articles). */
  readonly articles: readonly number[];
  readonly mentions: readonly number[];
  readonly share: readonly (number | null)[];
  readonly totalArticles: number;
  readonly totalMentions: number;
  /** Articles that mention the phrase but state no full date: they belong to no period, and are left out. */
  readonly undated: number;
  /** The first period with an article that mentions the phrase, and the period where the measure is highest (the first of equals): indexes into the periods, null when no article in range mentions it. */
  readonly first: number | null;
  readonly peak: number | null;
}

export interface Trend {
  readonly by: TrendPeriod;
  readonly measure: TrendMeasure;
  /** Every period from the first to the last that holds a dated article in range, none missing: empty when there is none. */
  readonly periods: readonly string[];
  /** Every dated article of each period, mentioning a phrase or not: what `share` is a share of. */
  readonly articlesInPeriod: readonly number[];
  readonly phrases: readonly PhraseTrend[];
  /** Articles that mention any of the phrases but state no full date, each counted once. */
  readonly undated: number;
}

/** Shares are per this many articles of the period. */
export const SHARE_BASE = 1000;

/** Counts a checked query by period: one pass over the day numbers for the periods, one over each phrase's matches. */
export function countTrend(source: TrendSource, query: TrendQuery): Trend {
  const days = source.dayNumbers();
  const inRange = rangeTest(query);
  const { by, start, length, articlesInPeriod } = corpusPeriods(days, query);

  const undatedDocuments = new Set<number>();
  const phrases = query.phrases.map(({ typed, folded }): PhraseTrend => {
    const { documents, counts } = source.findPhrase(folded);
    const articles = new Array<number>(length).fill(0);
    const mentions = new Array<number>(length).fill(0);
    let undated = 0;
    for (let at = 0; at < documents.length; at++) {
      const day = days[documents[at]!]!;
      if (day === 0) {
        undated++;
        undatedDocuments.add(documents[at]!);
      } else if (inRange(day)) {
        const period = periodOf(day, by) - start;
        articles[period]!++;
        mentions[period]! += counts[at]!;
      }
    }
    const share = articles.map((count, period) => (articlesInPeriod[period] ? (count * SHARE_BASE) / articlesInPeriod[period]! : null));
    const measured = query.measure === 'articles' ? articles : query.measure === 'mentions' ? mentions : share;
    return { phrase: typed, articles, mentions, share, totalArticles: sum(articles), totalMentions: sum(mentions), undated, first: firstIndex(articles), peak: peakIndex(measured) };
  });
  return { by, measure: query.measure, periods: Array.from({ length }, (_, period) => periodLabel(start + period, by)), articlesInPeriod, phrases, undated: undatedDocuments.size };
}

interface CorpusPeriods {
  readonly by: TrendPeriod;
  /** The first period's number (see periodOf) and how many periods there are. */
  readonly start: number;
  readonly length: number;
  readonly articlesInPeriod: readonly number[];
}

/** The last few ranges' periods, per corpus (its day numbers): they depend on the range, not the phrases. */
const periodsByCorpus = new WeakMap<Int32Array, Map<string, CorpusPeriods>>();
const RANGES_KEPT = 16;

/**
 * The periods a range spans and the dated articles in each: two passes over every article's day
 * number, the part of a trend that grows with the corpus whatever the phrases, so kept for the next.
 */
function corpusPeriods(days: Int32Array, query: Pick<TrendQuery, 'from' | 'to' | 'by'>): CorpusPeriods {
  const kept = periodsByCorpus.get(days) ?? new Map<string, CorpusPeriods>();
  periodsByCorpus.set(days, kept);
  const key = `${query.from}:${query.to}:${query.by}`;
  const known = kept.get(key);
  if (known) return known;
  const inRange = rangeTest(query);
  let firstDay = 0;
  let lastDay = 0;
  for (const day of days) {
    if (!inRange(day)) continue;
    if (firstDay === 0 || day < firstDay) firstDay = day;
    if (day > lastDay) lastDay = day;
  }
  const by = query.by ?? (firstDay === 0 ? 'month' : periodForSpan(firstDay, lastDay));
  // With no dated article in range there are no periods, and each phrase has only undated articles.
  const start = firstDay === 0 ? 0 : periodOf(firstDay, by);
  const length = firstDay === 0 ? 0 : periodOf(lastDay, by) - start + 1;
  const articlesInPeriod = new Array<number>(length).fill(0);
  for (const day of days) if (inRange(day)) articlesInPeriod[periodOf(day, by) - start]!++;
  const periods = { by, start, length, articlesInPeriod };
  if (kept.size >= RANGES_KEPT) kept.delete(kept.keys().next().value!);
  kept.set(key, periods);
  return periods;
}

/** Whether a day number falls in a query's range: dated (not 0), and between its ends where it has them. */
function rangeTest(query: Pick<TrendQuery, 'from' | 'to'>): (day: DayNumber) => boolean {
  return day => day !== 0 && (query.from === null || day >= query.from) && (query.to === null || day <= query.to);
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function firstIndex(articles: readonly number[]): number | null {
  const at = articles.findIndex(count => count > 0);
  return at < 0 ? null : at;
}

/** The first period where the values are highest, when any is above zero. */
function peakIndex(values: readonly (number | null)[]): number | null {
  let peak: number | null = null;
  values.forEach((value, at) => {
    if (value !== null && value > 0 && (peak === null || value > values[peak]!)) peak = at;
  });
  return peak;
}
