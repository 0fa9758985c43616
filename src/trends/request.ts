import { parseDateBound, type DayNumber } from '../search/options';
import { checkPhrase } from '../search/phrase';
import { parsePeriod, type TrendPeriod } from './periods';

/** What a trend shows for each phrase and period. */
export type TrendMeasure = 'articles' | 'mentions' | 'share';

export const TREND_MEASURES: readonly TrendMeasure[] = ['articles', 'mentions', 'share'];

/** At most this many phrases in one trend: four lines stay apart on a chart read on a phone. */
export const MAX_TREND_PHRASES = 4;

/** Phrases are separated as people list them in either language: a comma, a full-width comma, an enumeration comma. */
const PHRASE_SEPARATORS = /[,，、]/u;

/** A trend as the user asked for it, every value as typed. */
export interface TrendRequest {
  /** Each holds one phrase or several separated by commas (`新質生產力, 高質量發展`, `鄉村振興、碳達峰`). */
  readonly phrases: readonly string[];
  readonly by: string | null;
  /** The first and last day, written YYYY, YYYY-MM or YYYY-MM-DD, as for /search. */
  readonly from: string | null;
  readonly to: string | null;
  readonly measure: string | null;
}

/** One phrase of a trend: as typed (for the legend) and folded (for the index). */
export interface TrendPhrase {
  readonly typed: string;
  readonly folded: string;
}

/** A request checked and ready to count. */
export interface TrendQuery {
  readonly phrases: readonly TrendPhrase[];
  /** null: the span of the dated articles in range decides. */
  readonly by: TrendPeriod | null;
  readonly from: DayNumber | null;
  readonly to: DayNumber | null;
  readonly measure: TrendMeasure;
}

/** Why a trend is not counted. */
export type TrendRefusal =
  | { readonly reason: 'empty' | 'too-long' | 'too-many' | 'reversed-range' }
  | { readonly reason: 'bad-date'; readonly value: string }
  | { readonly reason: 'bad-period' | 'bad-measure'; readonly value: string };

/** The measure a word names, articles when none is given, undefined for any other word. */
export function parseMeasure(text: string | null | undefined): TrendMeasure | undefined {
  if (text === null || text === undefined || text.trim() === '') return 'articles';
  const wanted = text.trim().toLowerCase();
  return TREND_MEASURES.find(measure => measure === wanted);
}

/** The phrases of a request, split at their separators, blanks dropped. */
export function splitPhrases(texts: readonly string[]): string[] {
  return texts.flatMap(text => text.split(PHRASE_SEPARATORS)).map(phrase => phrase.trim()).filter(phrase => phrase !== '');
}

/**
 * A request checked as /search checks its own: each phrase folded and refused when it has nothing to
 * search for or is too long, the dates as /search reads them. A phrase given twice, in either script,
 * is counted once.
 */
export function parseTrendRequest(request: TrendRequest): TrendQuery | TrendRefusal {
  const typed = splitPhrases(request.phrases);
  if (typed.length === 0) return { reason: 'empty' };
  const phrases: TrendPhrase[] = [];
  for (const phrase of typed) {
    const checked = checkPhrase(phrase);
    if (!checked.ok) return { reason: checked.reason };
    if (!phrases.some(kept => kept.folded === checked.folded)) phrases.push({ typed: phrase, folded: checked.folded });
  }
  if (phrases.length > MAX_TREND_PHRASES) return { reason: 'too-many' };

  const by = parsePeriod(request.by);
  if (by === undefined) return { reason: 'bad-period', value: request.by ?? '' };
  const measure = parseMeasure(request.measure);
  if (measure === undefined) return { reason: 'bad-measure', value: request.measure ?? '' };
  const from = request.from === null ? null : parseDateBound(request.from, 'from');
  if (request.from !== null && from === null) return { reason: 'bad-date', value: request.from };
  const to = request.to === null ? null : parseDateBound(request.to, 'to');
  if (request.to !== null && to === null) return { reason: 'bad-date', value: request.to };
  if (from !== null && to !== null && from > to) return { reason: 'reversed-range' };
  return { phrases, by, from, to, measure };
}
