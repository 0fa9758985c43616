import type { DayNumber } from '../search/options';

/** The length of the periods a trend counts by. */
export type TrendPeriod = 'month' | 'quarter' | 'year';

export const TREND_PERIODS: readonly TrendPeriod[] = ['month', 'quarter', 'year'];

/** Spans up to this many months are counted by month: three years make 36 points, still readable as a line. */
const MONTHS_AT_MOST = 36;
/** Longer spans up to this many quarters (ten years) are counted by quarter, beyond that by year. */
const QUARTERS_AT_MOST = 40;

/**
 * A day's period as one integer, counted from year 0, so that consecutive periods differ by one and a
 * span's periods are every integer between its first and last: 2024-03 is 2024·12 + 2 by month,
 * 2024·4 + 0 by quarter, 2024 by year.
 */
export function periodOf(day: DayNumber, by: TrendPeriod): number {
  const year = Math.floor(day / 10_000);
  const month = Math.floor(day / 100) % 100;
  switch (by) {
    case 'month':
      return year * 12 + month - 1;
    case 'quarter':
      return year * 4 + Math.floor((month - 1) / 3);
    case 'year':
      return year;
  }
}

/** A period as people write it, sorting as it runs: 2024-03, 2024-Q1, 2024. */
export function periodLabel(period: number, by: TrendPeriod): string {
  switch (by) {
    case 'month':
      return `${Math.floor(period / 12)}-${String((period % 12) + 1).padStart(2, '0')}`;
    case 'quarter':
      return `${Math.floor(period / 4)}-Q${(period % 4) + 1}`;
    case 'year':
      return String(period);
  }
}

/** The period that fits a span of days: months up to three years, quarters up to ten, years beyond. */
export function periodForSpan(firstDay: DayNumber, lastDay: DayNumber): TrendPeriod {
  const months = periodOf(lastDay, 'month') - periodOf(firstDay, 'month') + 1;
  if (months <= MONTHS_AT_MOST) return 'month';
  const quarters = periodOf(lastDay, 'quarter') - periodOf(firstDay, 'quarter') + 1;
  return quarters <= QUARTERS_AT_MOST ? 'quarter' : 'year';
}

/** The period a word names (month, quarter, year), null when none is given (the span decides), undefined for any other word. */
export function parsePeriod(text: string | null | undefined): TrendPeriod | null | undefined {
  if (text === null || text === undefined || text.trim() === '') return null;
  const wanted = text.trim().toLowerCase();
  return TREND_PERIODS.find(period => period === wanted);
}
