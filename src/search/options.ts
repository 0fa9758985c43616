import type { WrittenDate } from '../text/dates';

/** How the articles that pass a search's conditions are ordered. */
export type SearchSort = 'mentions' | 'newest' | 'oldest' | 'relevance';

export const SEARCH_SORTS: readonly SearchSort[] = ['mentions', 'newest', 'oldest', 'relevance'];

/** At most this many `also` phrases, and as many `without` phrases: enough to narrow, few enough to read back. */
export const MAX_EXTRA_PHRASES = 3;

/** What narrows and orders a search beside its phrase, as the user wrote it. */
export interface SearchOptions {
  /** Phrases an article must also contain. */
  readonly also: readonly string[];
  /** Phrases an article must not contain. */
  readonly without: readonly string[];
  /** The first and last day of the range, written YYYY, YYYY-MM or YYYY-MM-DD; undated articles are left out of a range. */
  readonly from: string | null;
  readonly to: string | null;
  readonly sort: SearchSort;
}

/** The sort a word names (mentions, newest, oldest, relevance); mentions when none is given; null for any other word. */
export function parseSort(text: string | null | undefined): SearchSort | null {
  if (text === null || text === undefined) return 'mentions';
  const wanted = text.trim().toLowerCase();
  return SEARCH_SORTS.find(sort => sort === wanted) ?? null;
}

export const NO_OPTIONS: SearchOptions = { also: [], without: [], from: null, to: null, sort: 'mentions' };

/** A day as one comparable number: 2024-03-05 is 20240305. */
export type DayNumber = number;

const BOUND = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/;

/**
 * The first (`from`) or last (`to`) day a bound written YYYY, YYYY-MM or YYYY-MM-DD stands for, or null
 * when it is not such a date. A month's last day is written 31 whatever the month: only order matters.
 */
export function parseDateBound(text: string, end: 'from' | 'to'): DayNumber | null {
  const match = BOUND.exec(text.trim());
  if (!match) return null;
  const year = Number(match[1]);
  const month = match[2] === undefined ? null : Number(match[2]);
  const day = match[3] === undefined ? null : Number(match[3]);
  if (month !== null && (month < 1 || month > 12)) return null;
  if (day !== null && (day < 1 || day > 31)) return null;
  const first = end === 'from';
  return year * 10_000 + (month ?? (first ? 1 : 12)) * 100 + (day ?? (first ? 1 : 31));
}

/** An article's date as a day number, when it states the year, month and day; otherwise it is undated. */
export function dayNumber(date: WrittenDate | null): DayNumber | null {
  if (!date || date.year === null || date.month === null || date.day === null) return null;
  return date.year * 10_000 + date.month * 100 + date.day;
}
