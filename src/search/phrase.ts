import { fold } from '../text/fold';
import { removePinyinAnnotations } from '../text/pinyin';

/** Longest phrase a user may search for, in characters: longer input is refused, not truncated. */
export const MAX_PHRASE_LENGTH = 100;

export type PhraseCheck = { ok: true; folded: string } | { ok: false; reason: 'empty' | 'too-long' };

/**
 * Folds a user's phrase as an article's text is folded, and says why it cannot be searched, if it
 * cannot. Articles lose the source's pinyin annotations when they are loaded, so a phrase pasted from
 * the source (學(xué)習, 劉洋河(hé)) loses them too; they do not count towards its length.
 */
export function checkPhrase(phrase: string): PhraseCheck {
  const cleaned = removePinyinAnnotations(phrase);
  if ([...cleaned].length > MAX_PHRASE_LENGTH) return { ok: false, reason: 'too-long' };
  const folded = fold(cleaned);
  // Punctuation alone would match every article: a phrase must hold a letter or a digit.
  if (!/[\p{L}\p{N}]/u.test(folded)) return { ok: false, reason: 'empty' };
  return { ok: true, folded };
}

/** Start positions of the non-overlapping occurrences of needle in haystack, left to right. */
export function occurrences(haystack: string, needle: string): number[] {
  const positions: number[] = [];
  if (needle === '') return positions;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length)) positions.push(at);
  return positions;
}
