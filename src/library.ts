import type { Article } from './corpus/article';
import { summarizeArticle, type ArticleSummary } from './meetings/summarize';
import { findParticipants, type Participants } from './people/participants';
import { checkPhrase, occurrences } from './search/phrase';
import { WordIndex } from './search/word-index';
import { formatDateNumbers } from './text/dates';
import { foldWithMap, sourceRange, type FoldedText } from './text/fold';

/** An article that mentions the phrase, with each mention as a [start, end) range of its text. */
export interface SearchHit {
  readonly article: Article;
  readonly occurrences: number;
  readonly mentions: readonly (readonly [number, number])[];
}

export type SearchOutcome =
  | { readonly kind: 'refused'; readonly query: string; readonly reason: 'empty' | 'too-long' }
  | { readonly kind: 'found'; readonly query: string; readonly hits: readonly SearchHit[] }
  | { readonly kind: 'absent'; readonly query: string; readonly closest: readonly Article[] };

const CLOSEST_LIMIT = 5;
/** How much of an article's opening is searched when suggesting articles: it names the organiser and meeting. */
const OPENING_LENGTH = 200;

/** The articles in memory with what answers questions about them: the bot's whole state. */
export class Library {
  readonly articles: readonly Article[];
  private readonly byId: Map<string, Article>;
  private readonly foldedTexts: readonly FoldedText[];
  private readonly foldedTitles: readonly string[];
  private readonly foldedIds: readonly string[];
  private readonly foldedDates: readonly string[];
  private wordIndex: WordIndex | null = null;
  private readonly participantsCache = new Map<string, Participants>();
  private readonly summaryCache = new Map<string, ArticleSummary>();

  constructor(articles: readonly Article[]) {
    this.articles = articles;
    this.byId = new Map(articles.map(article => [article.id, article]));
    this.foldedTexts = articles.map(article => foldWithMap(article.text));
    this.foldedTitles = articles.map(article => foldWithMap(article.title).text);
    this.foldedIds = articles.map(article => foldWithMap(article.id).text);
    this.foldedDates = articles.map(article => (article.date ? foldWithMap(`${article.date.text} ${formatDateNumbers(article.date)}`).text : ''));
  }

  get(id: string): Article | undefined {
    return this.byId.get(id);
  }

  /**
   * Every article whose folded text contains the folded phrase, most mentions first; ties go to the
   * article that names the phrase in its title, then to the one that mentions it earliest.
   */
  search(query: string): SearchOutcome {
    const checked = checkPhrase(query);
    if (!checked.ok) return { kind: 'refused', query, reason: checked.reason };
    const needle = checked.folded;

    const ranked: { hit: SearchHit; inTitle: boolean; first: number }[] = [];
    this.articles.forEach((article, position) => {
      const folded = this.foldedTexts[position]!;
      const starts = occurrences(folded.text, needle);
      if (starts.length === 0) return;
      const mentions = starts.map(start => sourceRange(article.text, folded, start, start + needle.length));
      ranked.push({
        hit: { article, occurrences: starts.length, mentions },
        inTitle: this.foldedTitles[position]!.includes(needle),
        first: starts[0]!,
      });
    });
    if (ranked.length === 0) return { kind: 'absent', query, closest: this.closestByWords(needle) };

    ranked.sort(
      (a, b) =>
        b.hit.occurrences - a.hit.occurrences ||
        Number(b.inTitle) - Number(a.inTitle) ||
        a.first - b.first ||
        compareIds(a.hit.article.id, b.hit.article.id),
    );
    return { kind: 'found', query, hits: ranked.map(entry => entry.hit) };
  }

  /** Who took part in the meeting the article reports (computed once, then kept). */
  participants(article: Article): Participants {
    let found = this.participantsCache.get(article.id);
    if (!found) {
      found = findParticipants(article);
      this.participantsCache.set(article.id, found);
    }
    return found;
  }

  /** The meetings the article reports, its summary and keywords (computed once, then kept). */
  summary(article: Article): ArticleSummary {
    let found = this.summaryCache.get(article.id);
    if (!found) {
      found = summarizeArticle(article, this.participants(article));
      this.summaryCache.set(article.id, found);
    }
    return found;
  }

  /**
   * Articles for a partly typed id, title, date or organisation, in either script, best first: an exact
   * id, then an id that starts with it, then a title, then a date, then the opening that names the
   * organiser. With nothing typed, the first articles.
   */
  suggest(typed: string, limit: number): Article[] {
    const needle = foldWithMap(typed).text;
    if (needle === '') return this.articles.slice(0, limit);
    const ranked: { position: number; rank: number }[] = [];
    this.articles.forEach((_, position) => {
      const id = this.foldedIds[position]!;
      let rank = -1;
      if (id === needle) rank = 0;
      else if (id.startsWith(needle)) rank = 1;
      else if (this.foldedTitles[position]!.includes(needle)) rank = 2;
      else if (id.includes(needle)) rank = 3;
      else if (this.foldedDates[position]!.includes(needle)) rank = 4;
      else if (this.foldedTexts[position]!.text.slice(0, OPENING_LENGTH).includes(needle)) rank = 5;
      if (rank >= 0) ranked.push({ position, rank });
    });
    ranked.sort((a, b) => a.rank - b.rank || a.position - b.position);
    return ranked.slice(0, limit).map(({ position }) => this.articles[position]!);
  }

  private closestByWords(foldedQuery: string): Article[] {
    this.wordIndex ??= new WordIndex(this.articles.map((_, position) => ({ title: this.foldedTitles[position]!, text: this.foldedTexts[position]!.text })));
    return this.wordIndex.closest(foldedQuery, CLOSEST_LIMIT).map(position => this.articles[position]!);
  }
}

export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
