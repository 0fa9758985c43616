import type { Article } from './corpus/article';
import { checkPhrase, occurrences } from './search/phrase';
import { WordIndex } from './search/word-index';
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

/** The articles in memory with what answers questions about them: the bot's whole state. */
export class Library {
  readonly articles: readonly Article[];
  private readonly byId: Map<string, Article>;
  private readonly foldedTexts: readonly FoldedText[];
  private readonly foldedTitles: readonly string[];
  private wordIndex: WordIndex | null = null;

  constructor(articles: readonly Article[]) {
    this.articles = articles;
    this.byId = new Map(articles.map(article => [article.id, article]));
    this.foldedTexts = articles.map(article => foldWithMap(article.text));
    this.foldedTitles = articles.map(article => foldWithMap(article.title).text);
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

  private closestByWords(foldedQuery: string): Article[] {
    this.wordIndex ??= new WordIndex(this.articles.map((_, position) => ({ title: this.foldedTitles[position]!, text: this.foldedTexts[position]!.text })));
    return this.wordIndex.closest(foldedQuery, CLOSEST_LIMIT).map(position => this.articles[position]!);
  }
}

export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
