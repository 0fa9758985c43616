import SearchableMap from 'minisearch/SearchableMap';
import { segmentWords } from '../text/segment';

/**
 * The corpus's words and two-word phrases (as the segmenter cuts its folded texts) with how many
 * articles use each, for "did you mean" when a phrase finds nothing. Two-word phrases are kept because
 * most Chinese words are two characters long, too short to correct alone, while a formulation such as
 * 新质生产力 (新质 + 生产力) is one entry a mistyped character away. Corrections come from fuzzy look-ups
 * in minisearch's radix tree (its SearchableMap), nearest and commonest first; the caller keeps those the
 * corpus contains.
 */
const FUZZY_FROM = 3;
/**
 * In a large corpus, entries of a single article are mostly names and slips, and keeping them all
 * costs memory; in a small one, every entry is worth offering.
 */
const LARGE_CORPUS = 1000;
const MIN_ARTICLES_IN_LARGE = 2;
/** Two-word phrases seen in one article so far are forgotten this often, so that counting them stays within memory. */
const PRUNE_EVERY = 5_000;
const WORD_CHARACTERS = /^[\p{L}\p{N}]{2,}$/u;

/** Counts words and two-word phrases article by article, then keeps those common enough to offer. */
export class VocabularyCounter {
  private readonly articles = new Map<string, number>();
  private texts = 0;

  add(foldedText: string): void {
    const words = segmentWords(foldedText);
    const seen = new Set<string>();
    words.forEach((word, at) => {
      if (!WORD_CHARACTERS.test(word)) return;
      seen.add(word);
      const next = words[at + 1];
      if (next !== undefined && WORD_CHARACTERS.test(next)) seen.add(word + next);
    });
    for (const term of seen) this.articles.set(term, (this.articles.get(term) ?? 0) + 1);
    if (++this.texts % PRUNE_EVERY === 0) for (const [term, count] of this.articles) if (count === 1) this.articles.delete(term);
  }

  finish(): Promise<Vocabulary> {
    const terms: string[] = [];
    const counts: number[] = [];
    const least = this.texts >= LARGE_CORPUS ? MIN_ARTICLES_IN_LARGE : 1;
    for (const [term, count] of this.articles) {
      if (count < least) continue;
      terms.push(term);
      counts.push(count);
    }
    return Vocabulary.of(terms, counts);
  }
}

export interface VocabularyJson {
  readonly terms: readonly string[];
  readonly counts: readonly number[];
}

export class Vocabulary {
  /**
   * Recent answers, by limit and phrase: a long phrase's fuzzy look-ups take tens of milliseconds of
   * this thread at 20,000 articles, and the same absent phrase comes again (a colleague, another sort,
   * a date range added).
   */
  private readonly answered = new Map<string, string[]>();

  /** Each entry with its article count, in minisearch's radix tree: fuzzy look-ups without a document per entry. */
  private constructor(private readonly tree: SearchableMap<number>) {}

  /**
   * Indexes the entries a slice at a time, letting other work in between: hundreds of thousands of
   * entries take a while, and autocomplete, answered by the same thread, must not wait that long.
   */
  static async of(terms: readonly string[], counts: readonly number[]): Promise<Vocabulary> {
    const tree = new SearchableMap<number>();
    for (let from = 0; from < terms.length; from += ENTRIES_PER_STEP) {
      for (let id = from; id < Math.min(terms.length, from + ENTRIES_PER_STEP); id++) tree.set(terms[id]!, counts[id]!);
      await new Promise(resolve => setImmediate(resolve));
    }
    return new Vocabulary(tree);
  }

  static fromJSON(json: VocabularyJson): Promise<Vocabulary> {
    return Vocabulary.of(json.terms, json.counts);
  }

  toJSON(): VocabularyJson {
    const terms: string[] = [];
    const counts: number[] = [];
    for (const [term, count] of this.tree) {
      terms.push(term);
      counts.push(count);
    }
    return { terms, counts };
  }

  get size(): number {
    return this.tree.size;
  }

  /** How many articles use the word or two-word phrase, 0 when none or too few to count. */
  articlesUsing(term: string): number {
    return this.tree.get(term) ?? 0;
  }

  /**
   * Folded phrases the user may have meant, likeliest first: corpus entries close to the whole phrase,
   * then the phrase with one of its words, or two-word phrases, that the corpus does not use replaced by
   * a close entry. Only phrases that differ from the one typed are offered.
   */
  corrections(foldedPhrase: string, limit: number): string[] {
    const key = `${limit} ${foldedPhrase}`;
    const known = this.answered.get(key);
    // Deleted and set again: a Map keeps insertion order, so its first key is the least recent.
    if (known) this.answered.delete(key);
    const answer = known ?? this.correct(foldedPhrase, limit);
    this.answered.set(key, answer);
    if (this.answered.size > REMEMBERED_ANSWERS) this.answered.delete(this.answered.keys().next().value!);
    return answer;
  }

  private correct(foldedPhrase: string, limit: number): string[] {
    const candidates = this.closest(foldedPhrase, limit);
    const words = segmentWords(foldedPhrase);
    for (let span = 1; span <= 2; span++) {
      for (let at = 0; at + span <= words.length; at++) {
        const unit = words.slice(at, at + span).join('');
        if (this.tree.has(unit)) continue;
        for (const option of this.closest(unit, limit)) candidates.push([...words.slice(0, at), option, ...words.slice(at + span)].join(''));
      }
    }
    return [...new Set(candidates)].filter(phrase => phrase !== foldedPhrase).slice(0, limit);
  }

  /** Corpus entries within one edit of a term (two for a long one), the nearest and then the commonest first; none for a short term. */
  private closest(term: string, limit: number): string[] {
    if (term.length < FUZZY_FROM) return [];
    return [...this.tree.fuzzyGet(term, term.length >= LONG_TERM ? 2 : 1)]
      .sort(([a, [countA, distanceA]], [b, [countB, distanceB]]) => distanceA - distanceB || countB - countA || (a < b ? -1 : 1))
      .slice(0, limit)
      .map(([entry]) => entry);
  }
}

/** Answers kept: a few hundred short lists of phrases. */
const REMEMBERED_ANSWERS = 500;
/** A few milliseconds of indexing. */
const ENTRIES_PER_STEP = 5000;
/** From this length a term may be two edits from what was meant. */
const LONG_TERM = 7;
