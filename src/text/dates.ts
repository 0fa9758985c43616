/** A date as an article writes it, with the numbers it states: 3月25日 has no year, and none is invented. */
export interface WrittenDate {
  readonly text: string;
  readonly year: number | null;
  readonly month: number | null;
  readonly day: number | null;
}

const DIGITS = '[0-9０-９]';
const FULL_DATE = new RegExp(`(?:(${DIGITS}{4})\\s*年\\s*)?(${DIGITS}{1,2})\\s*月\\s*(${DIGITS}{1,2})\\s*[日號号]`, 'gu');

function toNumber(digits: string | undefined): number | null {
  if (!digits) return null;
  return Number(digits.normalize('NFKC'));
}

function isValid(month: number | null, day: number | null): boolean {
  return month !== null && day !== null && month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/** Every month-and-day date in the text, in order, with the year where it is written beside it. */
export function findDates(text: string): (WrittenDate & { index: number })[] {
  const dates: (WrittenDate & { index: number })[] = [];
  for (const match of text.matchAll(FULL_DATE)) {
    const month = toNumber(match[2]);
    const day = toNumber(match[3]);
    if (!isValid(month, day)) continue;
    dates.push({ text: match[0], year: toNumber(match[1]), month, day, index: match.index! });
  }
  return dates;
}

/** Parses the machine dates of JSONL records: 20220917, 2022-09-17, 2022/9/17. */
export function parseRecordDate(value: unknown): WrittenDate | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const text = String(value).trim();
  const match = /^(\d{4})[-/.]?(\d{1,2})[-/.]?(\d{1,2})$/.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (!isValid(month, day)) return null;
  return { text: `${year}-${pad(month)}-${pad(day)}`, year, month, day };
}

/** ISO form where the date is complete, else what is known (--03-25 for a date without a year). */
export function formatDateNumbers(date: WrittenDate): string {
  if (date.month === null || date.day === null) return date.year === null ? '' : String(date.year);
  return `${date.year === null ? '-' : date.year}-${pad(date.month)}-${pad(date.day)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
