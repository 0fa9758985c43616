import { ArticleAnalyses } from './analysis/analyses';
import type { ArticleAnalysis } from './analysis/analyse';
import type { Article } from './corpus/article';
import { checkPhrase, occurrences } from './search/phrase';
import { PhraseIndex, type PhraseIndexArrays, type PhraseMatches } from './search/phrase-index';
import { dayNumber, MAX_EXTRA_PHRASES, NO_OPTIONS, parseDateBound, type SearchOptions } from './search/options';
import { bm25 } from './search/relevance';
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

/** Why a search is not run: a phrase (the main one, or an `also` or `without` one) or a date it cannot use. */
export type SearchRefusal =
  | { readonly reason: 'empty' | 'too-long' | 'too-many' }
  | { readonly reason: 'bad-date'; readonly value: string }
  | { readonly reason: 'reversed-range' };

export type SearchOutcome =
  | ({ readonly kind: 'refused'; readonly query: string } & SearchRefusal)
  /** `hits` may be empty when the phrase is found but no article meets the options; `undated` were left out of a date range. */
  | { readonly kind: 'found'; readonly query: string; readonly hits: readonly SearchHit[]; readonly undated: number }
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
  /** Each article's date as a day number, 0 when it states no full date. */
  private readonly days: Int32Array;
  private averageLength = -1;
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
    this.days = Int32Array.from(articles, article => dayNumber(article.date) ?? 0);
  }

  /** The folded texts and index arrays, for the start-up cache. */
  prepared(): PreparedIndex {
    return { foldedTexts: this.foldedTexts, index: this.index.arrays() };
  }

  get(id: string): Article | undefined {
    return this.byId.get(id);
  }

  /**
   * Every article whose folded text contains the folded phrase and meets the options: every `also`
   * phrase, no `without` phrase, a full date within the range. Ordered by `sort`: most mentions first
   * (ties go to the article that names the phrase in its title, then to the one that mentions it
   * earliest, then to the one that comes first in the corpus); newest or oldest first, undated last,
   * ties as for mentions; or by BM25 relevance (see search/relevance).
   */
  search(query: string, options: SearchOptions = NO_OPTIONS): SearchOutcome {
    if (options.also.length > MAX_EXTRA_PHRASES || options.without.length > MAX_EXTRA_PHRASES) return { kind: 'refused', query, reason: 'too-many' };
    const checked = [query, ...options.also, ...options.without].map(checkPhrase);
    const bad = checked.find(check => !check.ok);
    if (bad && !bad.ok) return { kind: 'refused', query, reason: bad.reason };
    const [needle, ...others] = checked.map(check => (check.ok ? check.folded : ''));
    const range = dateRange(options);
    if ('reason' in range) return { kind: 'refused', query, ...range };

    const { documents, counts, firstStarts } = this.findPhrase(needle!);
    if (documents.length === 0) return { kind: 'absent', query, closest: this.closestByWords(needle!) };
    const also = others.slice(0, options.also.length).map(phrase => ({ phrase, ...countsByDocument(this.findPhrase(phrase)) }));
    const without = others.slice(options.also.length).map(phrase => new Set(this.findPhrase(phrase).documents));
    const ranged = range.from !== null || range.to !== null;
    let undated = 0;
    const kept: number[] = [];
    documents.forEach((document, at) => {
      if (also.some(({ counts: alsoCounts }) => !alsoCounts.has(document)) || without.some(excluded => excluded.has(document))) return;
      if (ranged) {
        const day = this.days[document]!;
        if (day === 0) return void undated++;
        if ((range.from !== null && day < range.from) || (range.to !== null && day > range.to)) return;
      }
      kept.push(at);
    });

    // Typed arrays by hit rather than maps: the comparators run for every pair a sort compares.
    const inTitle = new Uint8Array(documents.length);
    for (const at of kept) inTitle[at] = Number(this.foldedTitles[documents[at]!]!.includes(needle!));
    const byMentions = (a: number, b: number) => counts[b]! - counts[a]! || inTitle[b]! - inTitle[a]! || firstStarts[a]! - firstStarts[b]! || documents[a]! - documents[b]!;
    // Undated articles go after dated ones whichever way dates are sorted.
    const dayOf = (at: number) => this.days[documents[at]!] || null;
    const byDate = (direction: 1 | -1) => (a: number, b: number) => {
      const [dayA, dayB] = [dayOf(a), dayOf(b)];
      if (dayA === null || dayB === null) return dayA === dayB ? byMentions(a, b) : dayA === null ? 1 : -1;
      return direction * (dayA - dayB) || byMentions(a, b);
    };
    let order: (a: number, b: number) => number = byMentions;
    if (options.sort === 'newest') order = byDate(-1);
    else if (options.sort === 'oldest') order = byDate(1);
    else if (options.sort === 'relevance') {
      const scores = new Float64Array(documents.length);
      for (const at of kept) {
        const document = documents[at]!;
        const phrases = [{ phrase: needle!, mentions: counts[at]!, documentFrequency: documents.length }, ...also.map(({ phrase, counts: alsoCounts, size }) => ({ phrase, mentions: alsoCounts.get(document)!, documentFrequency: size }))];
        scores[at] = this.relevance(document, phrases);
      }
      order = (a, b) => scores[b]! - scores[a]! || byMentions(a, b);
    }
    kept.sort(order);
    return { kind: 'found', query, hits: kept.map(at => ({ article: this.articles[documents[at]!]!, occurrences: counts[at]!, needle: needle! })), undated };
  }

  /** An article's BM25 score for the phrases of a search, each with its mentions there and how many articles mention it. */
  private relevance(document: number, phrases: readonly { phrase: string; mentions: number; documentFrequency: number }[]): number {
    if (this.averageLength < 0) this.averageLength = this.foldedTexts.reduce((sum, text) => sum + text.length, 0) / Math.max(1, this.foldedTexts.length);
    const title = this.foldedTitles[document]!;
    return bm25(
      phrases.map(({ phrase, mentions, documentFrequency }) => ({ mentions, documentFrequency, inTitle: title.includes(phrase) })),
      this.foldedTexts[document]!.length,
      this.averageLength,
      this.articles.length,
    );
  }

  /** Each article's date as a day number (20240305), by position, 0 when it states no full date: for counting by period. Not to be changed. */
  dayNumbers(): Int32Array {
    return this.days;
  }

  /** The articles (by position) that contain a folded phrase, with its counts: exact, without ranking. */
  findPhrase(needle: string): PhraseMatches {
    return this.index.find(needle);
  }

  /** Each mention of a hit (or of a folded phrase in an article) as a [start, end) range of the article's own text, ascending, never overlapping. */
  mentions(hit: Pick<SearchHit, 'article' | 'needle'>): [number, number][] {
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

/** The day numbers a search's range runs between (null for an open end), or why the range cannot be used. */
function dateRange(options: SearchOptions): { from: number | null; to: number | null } | SearchRefusal {
  const from = options.from === null ? null : parseDateBound(options.from, 'from');
  if (options.from !== null && from === null) return { reason: 'bad-date', value: options.from };
  const to = options.to === null ? null : parseDateBound(options.to, 'to');
  if (options.to !== null && to === null) return { reason: 'bad-date', value: options.to };
  if (from !== null && to !== null && from > to) return { reason: 'reversed-range' };
  return { from, to };
}

/** A phrase's mentions by article, and in how many articles it stands. */
function countsByDocument({ documents, counts }: PhraseMatches): { counts: Map<number, number>; size: number } {
  return { counts: new Map(Array.from(documents, (document, at) => [document, counts[at]!])), size: documents.length };
}
