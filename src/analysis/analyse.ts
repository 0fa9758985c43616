import type { Article } from '../corpus/article';
import { summarizeArticle, type ArticleSummary, type SummaryScope } from '../meetings/summarize';
import { titleBodies } from '../meetings/organizations';
import { findParticipants, type Participants } from '../people/participants';

/**
 * What /participants and /summary answer about one article: plain data (no maps, no classes), so that it
 * crosses from a worker thread whole; a participant named in a meeting is the same object as in the list.
 */
export interface ArticleAnalysis {
  readonly participants: Participants;
  readonly summary: ArticleSummary;
  /** How many characters of the article's text were analysed: all of them, or an opening. */
  readonly analysed: number;
  /** The article's length in characters. */
  readonly length: number;
  /**
   * Analysed for the people index (scope 'meetings'): the specific bodies each participant's title
   * names, in the order of `participants.people`, found here in the worker, which has the segmenter's
   * dictionaries loaded, rather than on the main thread.
   */
  readonly titleBodies?: readonly (readonly string[])[];
}

/** Whether only an opening of the article was analysed, because the whole took longer than allowed. */
export function isPartial(analysis: ArticleAnalysis): boolean {
  return analysis.analysed < analysis.length;
}

/**
 * The analysis of the article's first `upTo` characters (all of it by default). An opening is a prefix
 * of the text, so every range in the answer is a range of the whole article too. With the scope
 * 'meetings', the summary holds only the meetings (see SummaryScope).
 */
export function analyseArticle(article: Article, upTo = article.text.length, scope: SummaryScope = 'whole'): ArticleAnalysis {
  const part = upTo >= article.text.length ? article : { ...article, text: article.text.slice(0, Math.max(0, upTo)) };
  const participants = findParticipants(part);
  const analysis = { participants, summary: summarizeArticle(part, participants, scope), analysed: part.text.length, length: article.text.length };
  return scope === 'meetings' ? { ...analysis, titleBodies: participants.people.map(person => titleBodies(person.title)) } : analysis;
}

/** An analysis that found nothing, of no characters: what is left when not even an opening fits. */
export function emptyAnalysis(article: Article): ArticleAnalysis {
  return { participants: { people: [], groups: [] }, summary: { meetings: [], summary: '', keywords: [] }, analysed: 0, length: article.text.length };
}

const SENTENCE_END = /[。！？!?；;\n]/u;

/**
 * Where an opening of about `length` characters ends: after the last full stop or line break in its
 * final quarter, so that no sentence is cut; else at `length`, never inside a surrogate pair.
 */
export function openingEnd(text: string, length: number): number {
  if (length >= text.length) return text.length;
  for (let index = length - 1; index >= length * 0.75; index--) if (SENTENCE_END.test(text[index]!)) return index + 1;
  const code = text.charCodeAt(length - 1);
  return code >= 0xd800 && code <= 0xdbff ? length - 1 : length;
}
