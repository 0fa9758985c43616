import { findDates, type WrittenDate } from '../text/dates';
import { removePinyinAnnotations } from '../text/pinyin';

/** Line endings made uniform, trailing spaces and blank runs removed: what every later step reads. */
export function cleanArticleText(raw: string): string {
  return removePinyinAnnotations(raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'))
    .split('\n')
    .map(line => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const HEADLINE_MAX = 60;
const TITLE_MAX = 40;
const SENTENCE_END = /[。！？!?；;]$/u;
const MEETING_CLAUSE = /[^,，。；;：:!?！？\n]*?(?:召開|召开|舉行|举行|舉辦|举办|開展|开展)[^,，。；;：:!?！？\n]+/u;

/**
 * The article's headline where it has one (a short first line that is not a sentence), else the clause
 * of its opening that names the meeting held, else its opening words.
 */
export function deriveTitle(text: string): string {
  const lines = text.split('\n').filter(line => line.trim() !== '');
  const first = lines[0]?.trim() ?? '';
  if (lines.length > 1 && first.length <= HEADLINE_MAX && !/[。；;]$/u.test(first)) return first;
  const opening = text.slice(0, 300);
  const clause = MEETING_CLAUSE.exec(opening)?.[0].trim();
  if (clause && clause.length >= 6) return clip(clause.replace(/^(?:[0-9０-９]+年)?[0-9０-９]+月[0-9０-９]+日/u, ''), TITLE_MAX);
  return clip(first.replace(SENTENCE_END, ''), TITLE_MAX);
}

function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : chars.slice(0, max - 1).join('') + '…';
}

/** The first date the opening of the article states, if any. */
export function deriveDate(text: string): WrittenDate | null {
  const first = findDates(text.slice(0, 400))[0];
  if (!first) return null;
  return { text: first.text, year: first.year, month: first.month, day: first.day };
}
