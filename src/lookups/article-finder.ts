import MiniSearch, { type SearchOptions, type SearchResult } from 'minisearch';
import { organizationsAtClauses } from '../meetings/events';
import { fold } from '../text/fold';
import { IdIndex } from './id-index';
import { terms } from './terms';

/**
 * Autocomplete for the article option: ids from their start (see IdIndex), and minisearch over each
 * article's title, date and the organisations its opening names, with prefix matching on the last word
 * typed and fuzzy matching on longer words. A word as common as 習近平 stands in a tenth of all titles,
 * and minisearch scores every document that matches before it returns, so the articles are split into
 * shards of SHARD_SIZE, newest first, and shards are searched in turn until the list is full or the
 * time budget is spent: a common word is answered from the newest shard alone, a rare one from many.
 */
export const SHARD_SIZE = 2_048;

/** What the finder is built from, per article, in the library's order. */
export interface FinderEntry {
  readonly id: string;
  readonly title: string;
  /** The date as numbers (2023-09-05) and as written, or ''. */
  readonly date: string;
  /** The start of the text, whose clauses name the organiser and the meeting. */
  readonly opening: string;
  /** A day number (20230905) for the newest-first order, 0 when undated. */
  readonly day: number;
}

export interface FinderJson {
  readonly shards: string[];
  readonly ids: readonly string[];
  readonly newest: readonly number[];
  readonly texts: readonly string[];
}

interface Indexed {
  readonly id: number;
  readonly title: string;
  readonly date: string;
  readonly organizers: string;
}

const FIELDS = ['title', 'date', 'organizers'];
const OPTIONS = { fields: FIELDS, idField: 'id', tokenize: terms, processTerm: (term: string) => term };
/** Shorter words are matched exactly: one edit in a two-character word matches too much. */
const FUZZY_FROM = 3;
/**
 * The last word typed completes to longer words. A single character does not at first: it would
 * expand to every word it starts (一 to thousands), and is usually a word of its own.
 */
const SEARCH: SearchOptions = {
  combineWith: 'AND',
  prefix: (term, index, all) => index === all.length - 1 && term.length >= 2,
  fuzzy: term => (term.length >= FUZZY_FROM ? 1 : false),
  boost: { title: 2, date: 1, organizers: 1 },
};
/**
 * When nothing fits, a last single character completes too (东方电 to 东方电气), and two-character
 * words are allowed one wrong character: most Chinese words are that long, but matching them loosely
 * on every keystroke would be slow and noisy.
 */
const FORGIVING: SearchOptions = { ...SEARCH, prefix: (_term, index, all) => index === all.length - 1, fuzzy: term => (term.length >= 2 ? 1 : false) };

/**
 * How long a look-up may search shards, and how much of that the first pass may take (the forgiving
 * pass runs only when the first found nothing): within the 50 ms an autocomplete may take here, and
 * Discord's 3 s.
 */
const FIND_BUDGET_MS = 40;
const FIRST_PASS_MS = 25;
const HAN_CHARACTER = /^\p{Script=Han}$/u;

/** How many of the newest articles are kept for an empty query: more than one autocomplete list holds. */
const NEWEST_KEPT = 100;

export class ArticleFinder {
  private readonly positionsById: Map<string, number>;
  private readonly idIndex: IdIndex;

  private constructor(
    /** Each shard's index; a document's id is the article's position in the library. */
    private readonly shards: readonly MiniSearch<Indexed>[],
    private readonly ids: readonly string[],
    private readonly newest: readonly number[],
    /** Each article's folded title and organisations, to check a word still being typed. */
    private readonly texts: readonly string[],
  ) {
    this.positionsById = new Map(ids.map((id, position) => [id, position]));
    this.idIndex = new IdIndex(ids);
  }

  /** Builds the shards; `betweenShards` runs before each, for a caller that may need to stop. */
  static build(entries: readonly FinderEntry[], betweenShards: () => void = () => {}): ArticleFinder {
    const order = newestFirst(entries);
    const shards: MiniSearch<Indexed>[] = [];
    const texts: string[] = new Array(entries.length);
    for (let from = 0; from < order.length; from += SHARD_SIZE) {
      betweenShards();
      const shard = new MiniSearch<Indexed>(OPTIONS);
      const documents = order.slice(from, from + SHARD_SIZE).map(position => documentOf(position, entries[position]!));
      for (const document of documents) texts[document.id] = `${fold(document.title)} ${document.organizers}`;
      shard.addAll(documents);
      shards.push(shard);
    }
    return new ArticleFinder(shards, entries.map(entry => entry.id), order.slice(0, NEWEST_KEPT), texts);
  }

  /** The finder as JSON, for the cache. */
  toJSON(): FinderJson {
    return { shards: this.shards.map(shard => JSON.stringify(shard)), ids: this.ids, newest: this.newest, texts: this.texts };
  }

  static fromJSON(json: FinderJson): ArticleFinder {
    return new ArticleFinder(
      json.shards.map(shard => MiniSearch.loadJSON<Indexed>(shard, OPTIONS)),
      json.ids,
      json.newest,
      json.texts,
    );
  }

  /**
   * Up to `limit` articles (positions in the library) for what was typed, best first: an exact id first;
   * then, shard by shard from the newest, minisearch's best, for as long as the budget allows. With
   * nothing typed, the newest articles.
   *
   * A single character typed last (东方电) is most often the start of a word: it is not searched as a
   * word, but the articles the words before it find must read the last word and it together (方电).
   */
  find(typed: string, limit: number, budgetMs = FIND_BUDGET_MS): number[] {
    const found: number[] = [];
    const seen = new Set<number>();
    const add = (position: number) => {
      if (found.length < limit && !seen.has(position)) {
        seen.add(position);
        found.push(position);
      }
    };
    const exact = this.positionsById.get(typed.trim());
    if (exact !== undefined) add(exact);
    for (const position of this.idIndex.withPrefix(typed.trim(), limit)) add(position);
    const words = terms(typed);
    if (words.length === 0) {
      this.newest.forEach(add);
      return found;
    }
    const last = words[words.length - 1]!;
    const count = () => found.length;
    const started = performance.now();
    const firstDeadline = started + Math.min(budgetMs, FIRST_PASS_MS * (budgetMs / FIND_BUDGET_MS));
    if (words.length >= 2 && HAN_CHARACTER.test(last)) {
      const joined = words[words.length - 2]! + last;
      const filter = (result: SearchResult) => this.texts[result.id as number]!.includes(joined);
      this.searchShards(words.slice(0, -1).join(' '), { ...SEARCH, filter }, limit, add, count, firstDeadline);
    } else this.searchShards(words.join(' '), SEARCH, limit, add, count, firstDeadline);
    if (found.length === 0) this.searchShards(words.join(' '), FORGIVING, limit, add, count, started + budgetMs);
    return found;
  }

  /**
   * Searches shard after shard, newest first, until `limit` articles are found or the deadline passes:
   * a list of the newest matches now is worth more to someone typing than a complete one later.
   */
  private searchShards(query: string, options: SearchOptions, limit: number, add: (position: number) => void, count: () => number, deadline: number): void {
    for (const shard of this.shards) {
      if (count() >= limit || performance.now() > deadline) return;
      // Equal scores go to the article first in the library: the same order however the shard was loaded.
      const results = shard.search(query, { ...options, tokenize: text => text.split(' ') }).sort((a, b) => b.score - a.score || (a.id as number) - (b.id as number));
      for (const result of results) {
        add(result.id as number);
        if (count() >= limit) return;
      }
    }
  }
}

function documentOf(position: number, entry: FinderEntry): Indexed {
  // The organisations at the start of the opening's clauses (the organiser among them), not every word of it: each word costs memory.
  const organizers = organizationsAtClauses(fold(entry.opening)).map(({ organization }) => organization);
  return { id: position, title: entry.title, date: entry.date, organizers: organizers.join(' ') };
}

/** Positions ordered newest first, undated last, ties in the library's order. */
function newestFirst(entries: readonly FinderEntry[]): number[] {
  return entries.map((_, position) => position).sort((a, b) => entries[b]!.day - entries[a]!.day || a - b);
}
