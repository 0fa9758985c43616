/** A date as an article writes it, with the numbers it states: 3月25日 has no year, and none is invented. */
export interface WrittenDate {
  readonly text: string;
  readonly year: number | null;
  readonly month: number | null;
  readonly day: number | null;
}

const DIGITS = '[0-9０-９]';
/** 元月 is January. */
const FULL_DATE = new RegExp(`(?:(${DIGITS}{4})\\s*年\\s*)?(${DIGITS}{1,2}|元)\\s*月\\s*(${DIGITS}{1,2})\\s*[日號号]`, 'gu');
/** 26日主持召开, 昨日(14日): a day without its month, completed from when the article was published. */
const DAY_ONLY = new RegExp(`(?<![0-9０-９月])(${DIGITS}{1,2})\\s*[日號号](?![0-9０-９])`, 'gu');
/** 中国台湾网10月28日济南消息, 新华社北京3月5日电: the date the news was filed, not the meeting's. */
const DATELINE_AFTER = /^\s*\p{Script=Han}{0,6}?(?:消息|訊|讯|電(?![話視力網子影站])|电(?![话视力网子影站]))/u;
/** 发布时间：2011-06-15, 更新時間:2022/6/20 9:29, 2011年09月26 来源: when the page was published. */
const PUBLISHED = /(?:(?:發布|发布|更新|發表|发表|錄入|录入)?(?:時間|时间|日期)\s*[:：]\s*)?(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)/u;

function toNumber(digits: string | undefined): number | null {
  if (!digits) return null;
  if (digits === '元') return 1;
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

/** Whether the date at index is a news dateline (…网10月28日济南消息) rather than a date the text reports. */
export function isDateline(text: string, date: { index: number; text: string }): boolean {
  return DATELINE_AFTER.test(text.slice(date.index + date.text.length, date.index + date.text.length + 12));
}

/** Every day written without its month (26日, 昨日(14日)), in order. */
export function findDaysOnly(text: string): { index: number; text: string; day: number }[] {
  const days: { index: number; text: string; day: number }[] = [];
  for (const match of text.matchAll(DAY_ONLY)) {
    const day = toNumber(match[1])!;
    if (day >= 1 && day <= 31) days.push({ index: match.index!, text: match[0], day });
  }
  return days;
}

/** The day-only date completed from a reference date (when the article was published or recorded). */
export function completeDay(day: { text: string; day: number }, reference: WrittenDate): WrittenDate | null {
  if (reference.month === null || reference.day === null) return null;
  // A day after the reference's day is in the month before it: 28日 in an article of 3 June is 28 May.
  const previous = day.day > reference.day;
  const month = previous ? (reference.month === 1 ? 12 : reference.month - 1) : reference.month;
  const year = reference.year === null ? null : previous && reference.month === 1 ? reference.year - 1 : reference.year;
  return { text: day.text, year, month, day: day.day };
}

/** The date the page says it was published (发布时间：…), if it says so near its top or in a dateline. */
export function findPublicationDate(text: string): WrittenDate | null {
  const opening = text.slice(0, 400);
  const published = PUBLISHED.exec(opening);
  if (published) {
    const [year, month, day] = [Number(published[1]), Number(published[2]), Number(published[3])];
    if (isValid(month, day)) return { text: published[0], year, month, day };
  }
  const dateline = findDates(opening).find(date => isDateline(opening, date));
  return dateline ? { text: dateline.text, year: dateline.year, month: dateline.month, day: dateline.day } : null;
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
