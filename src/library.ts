import { ArticleAnalyses } from './analysis/analyses';
import type { ArticleAnalysis } from './analysis/analyse';
import type { Article } from './corpus/article';
import { checkPhrase, occurrences } from './search/phrase';
import { PhraseIndex, type PhraseIndexArrays, type PhraseMatches } from './search/phrase-index';
import { segmentWords } from './text/segment';
import { formatDateNumbers } from './text/dates';
import { fold, foldWithMap, sourceRange } from './text/fold';

/** An article that mentions the phrase, and how often. */
export interface SearchHit {
  readonly article: Article;
  readonly occurrences: number;
  /** The folded phrase, to find the mentions again when they are shown. */
  readonly needle: string;
}

export type SearchOutcome =
  | { readonly kind: 'refused'; readonly query: string; readonly reason: 'empty' | 'too-long' }
  | { readonly kind: 'found'; readonly query: string; readonly hits: readonly SearchHit[] }
  | { readonly kind: 'absent'; readonly query: string; readonly closest: readonly Article[] };

const CLOSEST_LIMIT = 5;
/** How much of an article's opening is searched when suggesting or naming articles: it names the organiser and meeting. */
const OPENING_LENGTH = 200;

/** What building a library computes from its articles, kept by the start-up cache. */
export interface PreparedIndex {
  readonly foldedTexts: readonly string[];
  readonly index: PhraseIndexArrays;
}

/** The articles in memory with what answers questions about them: the bot's whole state. */
export class Library {
  readonly articles: readonly Article[];
  private readonly byId: Map<string, Article>;
  private readonly foldedTexts: readonly string[];
  private readonly foldedTitles: readonly string[];
  private readonly foldedIds: readonly string[];
  private readonly foldedDates: readonly string[];
  private readonly index: PhraseIndex;
  /** Who took part and what was decided, per article: handed on to the library a reload builds. */
  readonly analyses: ArticleAnalyses;

  constructor(articles: readonly Article[], prepared?: PreparedIndex, analyses: ArticleAnalyses = new ArticleAnalyses()) {
    this.articles = articles;
    this.analyses = analyses;
    this.byId = new Map(articles.map(article => [article.id, article]));
    // Folded texts only: the way back to the article's words is folded again for the few hits shown.
    this.foldedTexts = prepared?.foldedTexts ?? articles.map(article => fold(article.text));
    this.index = new PhraseIndex(this.foldedTexts, prepared?.index);
    this.foldedTitles = articles.map(article => fold(article.title));
    this.foldedIds = articles.map(article => fold(article.id));
    this.foldedDates = articles.map(article => (article.date ? fold(`${article.date.text} ${formatDateNumbers(article.date)}`) : ''));
  }

  /** The folded texts and index arrays, for the start-up cache. */
  prepared(): PreparedIndex {
    return { foldedTexts: this.foldedTexts, index: this.index.arrays() };
  }

  get(id: string): Article | undefined {
    return this.byId.get(id);
  }

  /**
   * Every article whose folded text contains the folded phrase, most mentions first; ties go to the
   * article that names the phrase in its title, then to the one that mentions it earliest, then to the
   * one that comes first in the corpus.
   */
  search(query: string): SearchOutcome {
    const checked = checkPhrase(query);
    if (!checked.ok) return { kind: 'refused', query, reason: checked.reason };
    const needle = checked.folded;

    const { documents, counts, firstStarts } = this.findPhrase(needle);
    if (documents.length === 0) return { kind: 'absent', query, closest: this.closestByWords(needle) };
    const inTitle = documents.map(document => Number(this.foldedTitles[document]!.includes(needle)));
    const order = Array.from(documents.keys()).sort(
      (a, b) =>
        counts[b]! - counts[a]! ||
        inTitle[b]! - inTitle[a]! ||
        firstStarts[a]! - firstStarts[b]! ||
        documents[a]! - documents[b]!,
    );
    return { kind: 'found', query, hits: order.map(at => ({ article: this.articles[documents[at]!]!, occurrences: counts[at]!, needle })) };
  }

  /** The articles (by position) that contain a folded phrase, with its counts: exact, without ranking. */
  findPhrase(needle: string): PhraseMatches {
    return this.index.find(needle);
  }

  /** Each mention of a hit as a [start, end) range of the article's own text, ascending, never overlapping. */
  mentions(hit: SearchHit): [number, number][] {
    const folded = foldWithMap(hit.article.text);
    const ranges: [number, number][] = [];
    for (const start of occurrences(folded.text, hit.needle)) {
      const [from, to] = sourceRange(hit.article.text, folded, start, start + hit.needle.length);
      const last = ranges[ranges.length - 1];
      // Mentions inside one character that folds to several (1 twice in ⑪) are that character, shown once.
      if (last && from < last[1]) last[1] = Math.max(last[1], to);
      else ranges.push([from, to]);
    }
    return ranges;
  }

  /**
   * Who took part in the meetings the article reports, the meetings, its summary and keywords: computed
   * in a worker thread within a time budget the first time, then kept (see ArticleAnalyses).
   */
  analyse(article: Article): Promise<ArticleAnalysis> {
    return this.analyses.analyse(article);
  }

  /** The article's analysis if it is ready now, or undefined. */
  analysed(article: Article): ArticleAnalysis | undefined {
    return this.analyses.peek(article);
  }

  /**
   * The articles a value typed instead of picked names: the article with that id; else every article
   * whose id starts with it; else every one whose title holds it; else every one whose opening does
   * (the opening names the organiser). The first of these that names any article decides, so one
   * article is the one meant, and several must be told apart by the user.
   */
  articlesNamed(typed: string): Article[] {
    const exact = this.byId.get(typed.trim());
    if (exact) return [exact];
    const needle = fold(typed);
    if (needle === '') return [];
    const ways: ((position: number) => boolean)[] = [
      position => this.foldedIds[position] === needle,
      position => this.foldedIds[position]!.startsWith(needle),
      position => this.foldedTitles[position]!.includes(needle),
      position => this.foldedTexts[position]!.slice(0, OPENING_LENGTH).includes(needle),
    ];
    for (const names of ways) {
      const named = this.articles.filter((_, position) => names(position));
      if (named.length > 0) return named;
    }
    return [];
  }

  /**
   * Articles for a partly typed id, title, date or organisation, in either script, best first: an exact
   * id, then an id that starts with it, then a title, then a date, then the opening that names the
   * organiser. With nothing typed, the first articles.
   */
  suggest(typed: string, limit: number): Article[] {
    const needle = fold(typed);
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
      else if (this.foldedTexts[position]!.slice(0, OPENING_LENGTH).includes(needle)) rank = 5;
      if (rank >= 0) ranked.push({ position, rank });
    });
    ranked.sort((a, b) => a.rank - b.rank || a.position - b.position);
    return ranked.slice(0, limit).map(({ position }) => this.articles[position]!);
  }

  /**
   * The articles that share the most telling words with a phrase no article contains: each word of the
   * phrase (as the segmenter cuts it) found in an article counts by its rarity across the corpus.
   */
  private closestByWords(foldedQuery: string): Article[] {
    const words = new Set(segmentWords(foldedQuery));
    const scores = new Map<number, number>();
    for (const word of words) {
      const { documents } = this.index.find(word);
      if (documents.length === 0) continue;
      const weight = Math.log(1 + this.articles.length / documents.length) * word.length;
      for (const document of documents) scores.set(document, (scores.get(document) ?? 0) + weight);
    }
    return [...scores]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, CLOSEST_LIMIT)
      .map(([document]) => this.articles[document]!);
  }
}
