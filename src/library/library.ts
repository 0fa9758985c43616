import { ArticleAnalyses } from '../analysis/analyses';
import type { ArticleAnalysis } from '../analysis/analyse';
import type { Article } from '../corpus/article';
import { checkPhrase, occurrences } from '../search/phrase';
import { buildPhraseIndex, type PhraseIndexArrays } from '../search/index-build';
import { gallop, PhraseIndex, type PhraseMatches } from '../search/phrase-index';
import { dayNumber, MAX_EXTRA_PHRASES, NO_OPTIONS, parseDateBound, type SearchOptions } from '../search/options';
import { Lookups } from '../lookups/lookups';
import type { LookupsCache } from '../lookups/protocol';
import { LazyRanking, nthBestValue, type LeadingKey } from '../search/ranking';
import { Bm25Scorer } from '../search/relevance';
import { buildSnippets, type Snippet, type SnippetOptions } from '../search/snippets';
import { segmentWords } from '../text/segment';
import { formatDateNumbers } from '../text/dates';
import { fold, foldPrefix, foldWithMap, sourceRange, unitBoundary } from '../text/fold';

/** An article that mentions the phrase, and how often. */
export interface SearchHit {
  readonly article: Article;
  readonly occurrences: number;
  /** The folded phrase, to find the mentions again when they are shown. */
  readonly needle: string;
  /** Where the first mention stands in the folded text, when the search knows: how far to read for the first snippets. */
  readonly firstStart?: number;
}

/** Why a search is not run: a phrase (the main one, or an `also` or `without` one) or a date it cannot use. */
export type SearchRefusal =
  | { readonly reason: 'empty' | 'too-long' | 'too-many' }
  | { readonly reason: 'bad-date'; readonly value: string }
  | { readonly reason: 'reversed-range' };

/** The articles a search found, ranked as far as they are read. */
export interface FoundArticles {
  readonly kind: 'found';
  readonly query: string;
  /** How many articles meet the search; may be 0 when the phrase is found but no article meets the options. */
  readonly count: number;
  /** Mentions of the phrase in all of them. */
  readonly mentions: number;
  /** Articles without a full date, left out of a date range. */
  readonly undated: number;
  /** The hits ranked [from, to), best first. */
  page(from: number, to: number): SearchHit[];
  /** Every hit, ranked: for exports, which take the whole result. */
  readonly hits: readonly SearchHit[];
}

export type SearchOutcome =
  | ({ readonly kind: 'refused'; readonly query: string } & SearchRefusal)
  | FoundArticles
  | { readonly kind: 'absent'; readonly query: string; readonly closest: readonly Article[] };

/** What a search computed, kept for the next page and for the same search asked again. */
interface Ranked {
  readonly documents: Uint32Array;
  readonly counts: Uint32Array;
  readonly firstStart: (at: number) => number;
  readonly needle: string;
  readonly ranking: LazyRanking;
  readonly mentions: number;
  readonly undated: number;
}

/** Searches remembered (the most recent), and the hits they may hold in all: a bound on their memory. */
const REMEMBERED_SEARCHES = 64;
const REMEMBERED_HITS = 2_000_000;
/** Above every day number (20240305), and small enough that subtracting another key never overflows. */
const UNDATED_KEY = 100_000_000;

const CLOSEST_LIMIT = 5;
/** How much of an article is first folded to find its first snippets; four times as much each time it is too little. */
const SNIPPET_READ_AHEAD = 600;
/** How much of an article's opening is searched when naming articles: it names the organiser and meeting. */
const OPENING_LENGTH = 200;
/** How much of it the article finder reads for the organisations it names: the organiser comes first. */
const FINDER_OPENING_LENGTH = 100;
const WRITTEN_YEAR = /^\d{2,4}年/u;
/** Corrections asked of the vocabulary: more than are shown, since some may not stand in any article. */
const CORRECTIONS_ASKED = 10;

/** What building a library computes from its articles: the index, kept by the start-up cache. */
export interface PreparedIndex {
  readonly index: PhraseIndexArrays;
  /** Worked out from the articles when absent; a reload brings them in slices with the articles. */
  readonly columns?: ArticleColumns;
}

/** What the library looks articles up by, one entry an article. */
export interface ArticleColumns {
  readonly byId: Map<string, Article>;
  readonly foldedTitles: string[];
  readonly foldedIds: string[];
  /** Each article's date as a day number, 0 when it states no full date. */
  readonly days: number[];
}

/** Columns grown as articles arrive, a batch at a time. */
export function emptyColumns(): ArticleColumns {
  return { byId: new Map(), foldedTitles: [], foldedIds: [], days: [] };
}

export function addToColumns(columns: ArticleColumns, articles: readonly Article[]): void {
  for (const article of articles) {
    columns.byId.set(article.id, article);
    columns.foldedTitles.push(fold(article.title));
    columns.foldedIds.push(fold(article.id));
    columns.days.push(dayNumber(article.date) ?? 0);
  }
}

/** The articles in memory with what answers questions about them: the bot's whole state. */
export class Library {
  readonly articles: readonly Article[];
  private readonly byId: Map<string, Article>;
  private readonly foldedTitles: readonly string[];
  private readonly foldedIds: readonly string[];
  /** Each article's date as a day number, 0 when it states no full date. */
  private readonly days: Int32Array;
  private meanLength = -1;
  private readonly index: PhraseIndex;
  /** Recent searches' rankings, least recent first (see remember). */
  private readonly remembered = new Map<string, Ranked>();
  /** Per article, the closest-by-words score of the phrase being scored; all zero between searches. */
  private closenessScores: Float64Array | null = null;
  /** Who took part and what was decided, per article: handed on to the library a reload builds. */
  readonly analyses: ArticleAnalyses;

  /** Article autocomplete and "did you mean", built and answered in a worker thread (see lookups/). */
  readonly lookups: Lookups;

  constructor(articles: readonly Article[], prepared?: PreparedIndex, analyses: ArticleAnalyses = new ArticleAnalyses(), lookupsCache: LookupsCache | null = null) {
    this.articles = articles;
    this.analyses = analyses;
    const columns = prepared?.columns ?? emptyColumns();
    if (!prepared?.columns) addToColumns(columns, articles);
    this.byId = columns.byId;
    // Texts are not kept folded: the index answers from its arrays, and the few articles a page shows
    // (or a long article's commonest characters) are folded again when asked.
    this.index = new PhraseIndex(prepared?.index ?? buildPhraseIndex(articles.map(article => fold(article.text))), (document, length) => foldPrefix(articles[document]!.text, length));
    this.foldedTitles = columns.foldedTitles;
    this.foldedIds = columns.foldedIds;
    this.days = Int32Array.from(columns.days);
    this.lookups = new Lookups(
      {
        count: articles.length,
        entry: position => {
          const article = articles[position]!;
          // The date as numbers (2022-06-17, completed from the year) and as written without its year (6月17日).
          const date = article.date ? `${formatDateNumbers(article.date)} ${article.date.text.replace(WRITTEN_YEAR, '')}` : '';
          return { id: article.id, title: article.title, date, opening: article.text.slice(0, FINDER_OPENING_LENGTH), day: this.days[position]! };
        },
        text: position => articles[position]!.text,
      },
      lookupsCache,
    );
  }

  /** The index's arrays, for the start-up cache. */
  prepared(): PreparedIndex {
    return { index: this.index.data };
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

    const key = JSON.stringify([needle, others.slice(0, options.also.length), others.slice(options.also.length), range.from, range.to, options.sort]);
    let ranked = this.remembered.get(key);
    if (ranked) this.remembered.delete(key);
    else {
      const matches = this.findPhrase(needle!);
      if (matches.documents.length === 0) return { kind: 'absent', query, closest: this.closestByWords(needle!) };
      ranked = this.rank(needle!, matches, others.slice(0, options.also.length), others.slice(options.also.length), range, options.sort);
    }
    this.remember(key, ranked);
    return this.foundArticles(query, ranked);
  }

  /** Forgets the searches kept for paging, so that a benchmark times each search as if it were the first. */
  forgetSearches(): void {
    this.remembered.clear();
  }

  /** Keeps a search's ranking for its next page, forgetting the least recent past the bounds. */
  private remember(key: string, ranked: Ranked): void {
    this.remembered.set(key, ranked);
    let hits = 0;
    for (const entry of this.remembered.values()) hits += entry.documents.length;
    for (const [oldest, entry] of this.remembered) {
      if (this.remembered.size <= 1 || (this.remembered.size <= REMEMBERED_SEARCHES && hits <= REMEMBERED_HITS)) break;
      this.remembered.delete(oldest);
      hits -= entry.documents.length;
    }
  }

  private foundArticles(query: string, ranked: Ranked): FoundArticles {
    const { documents, counts, needle, ranking, firstStart } = ranked;
    const page = (from: number, to: number) => Array.from(ranking.slice(from, to), at => ({ article: this.articles[documents[at]!]!, occurrences: counts[at]!, needle, firstStart: firstStart(at) }));
    return {
      kind: 'found',
      query,
      count: ranking.size,
      mentions: ranked.mentions,
      undated: ranked.undated,
      page,
      get hits() {
        return page(0, ranking.size);
      },
    };
  }

  /**
   * Keeps the hits that meet the options and sets up their order, without ranking any yet. Every list
   * is in document order, so the `also` and `without` phrases are merged in one pass.
   */
  private rank(needle: string, matches: PhraseMatches, also: readonly string[], without: readonly string[], range: { from: number | null; to: number | null }, sort: SearchOptions['sort']): Ranked {
    const { documents, counts } = matches;
    const alsoMatches = also.map(phrase => this.findPhrase(phrase, documents));
    const alsoCounts = also.map(() => new Uint32Array(documents.length));
    const alsoCursors = new Uint32Array(also.length);
    const excluded = without.map(phrase => this.index.documentsWith(phrase, documents));
    const excludedCursors = new Uint32Array(without.length);
    const ranged = range.from !== null || range.to !== null;
    const kept = new Uint32Array(documents.length);
    let keptCount = 0;
    let undated = 0;
    let mentions = 0;
    hits: for (let at = 0; at < documents.length; at++) {
      const document = documents[at]!;
      for (let r = 0; r < alsoMatches.length; r++) {
        const list = alsoMatches[r]!.documents;
        const cursor = (alsoCursors[r] = gallop(list, alsoCursors[r]!, document));
        if (list[cursor] !== document) continue hits;
        alsoCounts[r]![at] = alsoMatches[r]!.counts[cursor]!;
      }
      for (let r = 0; r < excluded.length; r++) {
        const list = excluded[r]!;
        const cursor = (excludedCursors[r] = gallop(list, excludedCursors[r]!, document));
        if (list[cursor] === document) continue hits;
      }
      if (ranged) {
        const day = this.days[document]!;
        if (day === 0) {
          undated++;
          continue;
        }
        if ((range.from !== null && day < range.from) || (range.to !== null && day > range.to)) continue;
      }
      kept[keptCount++] = at;
      mentions += counts[at]!;
    }

    // Whether the title names the phrase is asked only when mentions tie, so it is looked up on demand.
    const inTitle = new Int8Array(documents.length).fill(-1);
    const titled = (at: number) => (inTitle[at]! >= 0 ? inTitle[at]! : (inTitle[at] = Number(this.foldedTitles[documents[at]!]!.includes(needle))));
    const byMentions = (a: number, b: number) => counts[b]! - counts[a]! || titled(b) - titled(a) || matches.firstStart(a) - matches.firstStart(b) || documents[a]! - documents[b]!;
    // A sort key per hit, read by the comparator without indirection: the day, or for newest first its
    // negation; undated articles take the largest key, so they go last whichever way dates are sorted.
    const byDate = (direction: 1 | -1) => {
      const keys = new Int32Array(documents.length);
      for (let k = 0; k < keptCount; k++) {
        const at = kept[k]!;
        const day = this.days[documents[at]!]!;
        keys[at] = day === 0 ? UNDATED_KEY : direction * day;
      }
      return { order: (a: number, b: number) => keys[a]! - keys[b]! || byMentions(a, b), leading: { values: keys, descending: false } };
    };
    let order = byMentions;
    let leading: LeadingKey = { values: counts, descending: true };
    if (sort === 'newest' || sort === 'oldest') ({ order, leading } = byDate(sort === 'newest' ? -1 : 1));
    else if (sort === 'relevance') {
      const phrases = [needle, ...also];
      const scorer = new Bm25Scorer([documents.length, ...also.map(phrase => this.index.documentCount(phrase))], this.articles.length, this.averageLength());
      const mentionsOf = new Float64Array(phrases.length);
      const inTitleOf: boolean[] = phrases.map(() => false);
      const scores = new Float64Array(documents.length);
      const { lengths } = this.index;
      for (let k = 0; k < keptCount; k++) {
        const at = kept[k]!;
        const title = this.foldedTitles[documents[at]!]!;
        for (let r = 0; r < phrases.length; r++) {
          mentionsOf[r] = r === 0 ? counts[at]! : alsoCounts[r - 1]![at]!;
          inTitleOf[r] = title.includes(phrases[r]!);
        }
        scores[at] = scorer.score(lengths[documents[at]!]!, mentionsOf, inTitleOf);
      }
      order = (a, b) => scores[b]! - scores[a]! || byMentions(a, b);
      leading = { values: scores, descending: true };
    }
    return { documents, counts, firstStart: matches.firstStart, needle, ranking: new LazyRanking(kept.subarray(0, keptCount), order, leading), mentions, undated };
  }

  /** The average length of the folded texts, for BM25; worked out the first time it is needed. */
  private averageLength(): number {
    if (this.meanLength < 0) this.meanLength = this.index.lengths.reduce((sum, length) => sum + length, 0) / Math.max(1, this.index.lengths.length);
    return this.meanLength;
  }

  /** Each article's date as a day number (20240305), by position, 0 when it states no full date: for counting by period. Not to be changed. */
  dayNumbers(): Int32Array {
    return this.days;
  }

  /** The articles (by position) that contain a folded phrase (with `within`, those among them), with its counts: exact, without ranking. */
  findPhrase(needle: string, within?: Uint32Array): PhraseMatches {
    return this.index.find(needle, within);
  }

  /**
   * Each mention of a hit (or of a folded phrase in an article) as a [start, end) range of the article's
   * own text, ascending, never overlapping: every mention, or with `sourceEnd`, those within the text's
   * first `sourceEnd` characters (and perhaps a character further, not to cut one in two).
   */
  mentions(hit: Pick<SearchHit, 'article' | 'needle'>, sourceEnd = Infinity): [number, number][] {
    return this.mentionsWithin(hit, sourceEnd).ranges;
  }

  /** The mentions within the text's first `sourceEnd` characters, and how many times the phrase stands there. */
  private mentionsWithin(hit: Pick<SearchHit, 'article' | 'needle'>, sourceEnd: number): { ranges: [number, number][]; count: number } {
    const text = hit.article.text;
    const folded = foldWithMap(sourceEnd >= text.length ? text : text.slice(0, unitBoundary(text, sourceEnd)));
    const ranges: [number, number][] = [];
    const starts = occurrences(folded.text, hit.needle);
    for (const start of starts) {
      const [from, to] = sourceRange(text, folded, start, start + hit.needle.length);
      const last = ranges[ranges.length - 1];
      // Mentions inside one character that folds to several (1 twice in ⑪) are that character, shown once.
      if (last && from < last[1]) last[1] = Math.max(last[1], to);
      else ranges.push([from, to]);
    }
    return { ranges, count: starts.length };
  }

  /**
   * A hit's first snippets. Only as much of the text is folded as they reach: a growing start of it,
   * until it holds a mention past the last snippet wanted, or every mention the search counted, so that
   * a long article's end is never read for nothing.
   */
  snippets(hit: Pick<SearchHit, 'article' | 'needle' | 'firstStart'> & Partial<Pick<SearchHit, 'occurrences'>>, options: SnippetOptions): Snippet[] {
    const text = hit.article.text;
    const more = { ...options, maxSnippets: options.maxSnippets + 1 };
    // Folding mostly drops characters (whitespace), so a mention stands at or after its folded place in
    // the article's text: reading that far and a little more usually finds the first snippets at once.
    const firstReach = (hit.firstStart ?? 0) + SNIPPET_READ_AHEAD;
    for (let sourceEnd = firstReach; sourceEnd < text.length && Number.isFinite(options.maxSnippets); sourceEnd *= 4) {
      const { ranges, count } = this.mentionsWithin(hit, sourceEnd);
      const snippets = buildSnippets(text, ranges, more);
      if (snippets.length > options.maxSnippets || count === hit.occurrences) return snippets.slice(0, options.maxSnippets);
    }
    return buildSnippets(text, this.mentions(hit), options);
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
    ];
    for (const names of ways) {
      const named = this.articles.filter((_, position) => names(position));
      if (named.length > 0) return named;
    }
    // The opening holds the needle when its first mention ends within it.
    const mentioned = this.index.find(needle);
    return Array.from(mentioned.documents, document => document).flatMap((document, at) => (mentioned.firstStart(at) + needle.length <= OPENING_LENGTH ? [this.articles[document]!] : []));
  }

  /**
   * Articles for a partly typed id, title, date or organisation, in either script, best first (see
   * lookups/article-finder): none when the finder is not ready within waitMs.
   */
  async suggest(typed: string, limit: number, waitMs: number): Promise<Article[]> {
    return (await this.lookups.articles(typed, limit, waitMs)).map(position => this.articles[position]!);
  }

  /**
   * Phrases the corpus contains that a phrase it does not may have meant (see lookups/vocabulary), with
   * how many articles contain each, most first: none when the vocabulary is not ready within waitMs.
   */
  async didYouMean(query: string, limit: number, waitMs: number): Promise<{ phrase: string; articles: number }[]> {
    const checked = checkPhrase(query);
    if (!checked.ok) return [];
    const corrections = await this.lookups.corrections(checked.folded, CORRECTIONS_ASKED, waitMs);
    return corrections
      .map(folded => ({ folded, documents: this.index.documentsWith(folded) }))
      .filter(({ documents }) => documents.length > 0)
      // A character put right (as long as typed) before one added or dropped, then the commoner.
      .sort((a, b) => Math.abs(a.folded.length - checked.folded.length) - Math.abs(b.folded.length - checked.folded.length) || b.documents.length - a.documents.length)
      // A suggestion inside one already offered (新质生产 beside 新质生产力) adds nothing.
      .filter(({ folded }, at, all) => !all.slice(0, at).some(better => better.folded.includes(folded)))
      .slice(0, limit)
      .map(({ folded, documents }) => ({ phrase: this.asWritten(folded, documents[0]!), articles: documents.length }));
  }

  /** A folded phrase as the article at that position first writes it. */
  private asWritten(folded: string, document: number): string {
    const article = this.articles[document]!;
    const [first] = this.mentions({ article, needle: folded });
    return first ? article.text.slice(...first) : folded;
  }

  /**
   * The articles that share the most telling words with a phrase no article contains: each word of the
   * phrase (as the segmenter cuts it) found in an article counts by its rarity across the corpus.
   */
  private closestByWords(foldedQuery: string): Article[] {
    // Weightiest first: once the words left could not lift an article not yet met into the best few,
    // no more articles are met, and the commonest words (的 is in nearly every article) only add to the
    // articles already scored. The scores are the same as from adding every word to every article.
    const words = [...new Set(segmentWords(foldedQuery))]
      .map(word => ({ word, documents: this.index.documentsWith(word) }))
      .filter(({ documents }) => documents.length > 0)
      .map(({ word, documents }) => ({ documents, weight: Math.log(1 + this.articles.length / documents.length) * word.length }))
      .sort((a, b) => b.weight - a.weight);
    // The most an article first met at the i-th word can score, summed in the order its score would be.
    const reach = words.map((_, from) => words.slice(from).reduce((sum, { weight }) => sum + weight, 0));
    // Kept between searches and cleared where written: at 200,000 articles a fresh array per absent
    // phrase was megabytes for the collector.
    const scores = (this.closenessScores ??= new Float64Array(this.articles.length));
    let scored = new Uint32Array(Math.min(this.articles.length, words.reduce((sum, { documents }) => sum + documents.length, 0)));
    let count = 0;
    let meeting = true;
    words.forEach(({ documents, weight }, at) => {
      if (meeting && count >= CLOSEST_LIMIT && reach[at]! < nthBestValue(scored.subarray(0, count), CLOSEST_LIMIT, scores, true)) {
        meeting = false;
        // In order, to be followed along the remaining words' lists.
        scored = scored.subarray(0, count).sort();
      }
      if (meeting) {
        for (const document of documents) {
          if (scores[document] === 0) scored[count++] = document;
          scores[document]! += weight;
        }
        return;
      }
      let place = 0;
      for (let k = 0; k < count; k++) {
        place = gallop(documents, place, scored[k]!);
        if (place >= documents.length) break;
        if (documents[place] === scored[k]) scores[scored[k]!]! += weight;
      }
    });
    const best = Array.from(new LazyRanking(scored.subarray(0, count), (a, b) => scores[b]! - scores[a]! || a - b, { values: scores, descending: true }).slice(0, CLOSEST_LIMIT), document => this.articles[document]!);
    for (let k = 0; k < count; k++) scores[scored[k]!] = 0;
    return best;
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

