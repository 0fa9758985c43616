import { buildPhraseIndex, SATURATED, SINGLE_IDS, unpackList, type PhraseIndexArrays } from './index-build';
import { PairIds } from './pair-ids';
import { occurrences } from './phrase';
import { RecordReader } from './positions';
import type { FoldedStart } from '../text/fold';

/**
 * Exact phrase search over folded texts. A word index cannot do this (the segmenter cuts a phrase
 * differently in different contexts), so the index is over characters: for every character and every
 * pair of adjacent characters, the sorted list of documents that contain it, and for every pair in every
 * document, where it stands. A phrase's candidates are the intersection of its pairs' lists, rarest
 * first; in each candidate the phrase stands wherever its first pair is followed by the others at the
 * next positions. Answers are exactly those of a scan of every text, and the commonest phrases are
 * counted without reading text at all. All of it lives in a few typed arrays (see index-build.ts).
 */

const EMPTY = new Uint32Array(0);
/** How much of a document is folded first to find where a character first stands. */
const FIRST_READ = 256;

/** The folded start of a document's text, as far as its first `length` source units (see foldPrefix). */
export type FoldedPrefix = (document: number, length: number) => FoldedStart;

/** Documents that contain the needle, and its non-overlapping occurrences in each. */
export interface PhraseMatches {
  readonly documents: Uint32Array;
  readonly counts: Uint32Array;
  /** Where the needle first stands in the at-th document: only tie-breaks ask, so a character's is found on demand. */
  firstStart(at: number): number;
}

const NO_MATCHES: PhraseMatches = { documents: EMPTY, counts: EMPTY, firstStart: () => 0 };

export class PhraseIndex {
  private readonly pairIds: PairIds;
  private readonly offsets: Uint32Array;
  private readonly characterCounts: Uint8Array;
  /** The number of the first pair posting: pair postings' records are numbered from it. */
  private readonly firstPairPosting: number;
  private readonly records: RecordReader[];
  private readonly scratch: Uint32Array[] = [];

  /**
   * An index from its arrays. Texts are not kept folded: `folded` folds a document's text as far as
   * `length` (or whole), read only for a character whose count saturated and for where a character
   * first stands.
   */
  constructor(
    private readonly arrays: PhraseIndexArrays,
    private readonly folded: FoldedPrefix,
  ) {
    this.pairIds = new PairIds(arrays.pairKeys, arrays.pairIds, arrays.pairCount);
    ({ offsets: this.offsets, characterCounts: this.characterCounts } = arrays);
    this.firstPairPosting = this.offsets[SINGLE_IDS]!;
    this.records = [];
  }

  /** An index built now over folded texts. */
  static build(texts: readonly string[]): PhraseIndex {
    return new PhraseIndex(buildPhraseIndex(texts), (document, length) => ({ text: texts[document]!.slice(0, length), whole: length >= texts[document]!.length }));
  }

  /** The arrays, for the start-up cache. */
  get data(): PhraseIndexArrays {
    return this.arrays;
  }

  /** Each document's folded length. */
  get lengths(): Uint32Array {
    return this.arrays.lengths;
  }

  /** A reader of pair records for the r-th pair of a needle, kept between finds. */
  private reader(r: number): RecordReader {
    while (this.records.length <= r) this.records.push(new RecordReader(this.arrays.positions, this.arrays.positionSkips));
    return this.records[r]!;
  }

  /** Every document that contains the folded needle, in document order, with its counts and first starts. */
  find(needle: string): PhraseMatches {
    if (needle.length === 0) return NO_MATCHES;
    if (needle.length === 1) return this.findCharacter(needle);
    const pairs: number[] = [];
    for (let i = 0; i + 1 < needle.length; i++) {
      const id = this.pairIds.idOf(needle.charCodeAt(i) * 0x10000 + needle.charCodeAt(i + 1), false);
      if (id < 0) return NO_MATCHES;
      pairs.push(SINGLE_IDS + id);
    }
    // Laid out into arrays kept for the purpose: a common pair's list is hundreds of kilobytes, and a
    // fresh one for every search kept the collector busy.
    const lists = pairs.map((id, r) => {
      const length = this.offsets[id + 1]! - this.offsets[id]!;
      if ((this.scratch[r]?.length ?? 0) < length) this.scratch[r] = new Uint32Array(length);
      return unpackList(this.arrays, id, this.scratch[r]);
    });
    const driver = lists.reduce((shortest, list, r) => (list.length < lists[shortest]!.length ? r : shortest), 0);
    const driverList = lists[driver]!;
    const readers = pairs.map((_, r) => this.reader(r));

    const documents = new Uint32Array(driverList.length);
    const counts = new Uint32Array(driverList.length);
    const firstStarts = new Uint32Array(driverList.length);
    const places = new Uint32Array(pairs.length);
    const cursors = new Uint32Array(pairs.length);
    let found = 0;
    // Two different characters cannot overlap themselves: every place of the pair is a mention, and its
    // list is the answer, its records read in order.
    if (needle.length === 2 && needle[0] !== needle[1]) {
      const found = this.list(pairs[0]!);
      const counts = new Uint32Array(found.length);
      const firstStarts = new Uint32Array(found.length);
      this.reader(0).countsFrom(this.offsets[pairs[0]!]! - this.firstPairPosting, found.length, counts, firstStarts);
      return { documents: found, counts, firstStart: at => firstStarts[at]! };
    }
    // Walk the rarest pair's documents; the other lists are followed with galloping pointers, so the
    // intersection also yields each pair's posting, and with it the record of where it stands.
    candidates: for (let d = 0; d < driverList.length; d++) {
      const document = driverList[d]!;
      places[driver] = d;
      for (let r = 0; r < pairs.length; r++) {
        if (r === driver) continue;
        const place = gallop(lists[r]!, places[r]!, document);
        if (place >= lists[r]!.length) break candidates;
        places[r] = place;
        if (lists[r]![place] !== document) continue candidates;
      }
      for (let r = 0; r < pairs.length; r++) {
        readers[r]!.read(this.offsets[pairs[r]!]! + places[r]! - this.firstPairPosting);
        cursors[r] = 0;
      }
      const first = readers[0]!;
      // Left to right, non-overlapping: the needle stands at p when pair r stands at p + r for every r.
      let count = 0;
      let firstStart = 0;
      let free = 0;
      for (let c = 0; c < first.count; c++) {
        const p = first.positions[c]!;
        if (p < free) continue;
        let whole = true;
        for (let r = 1; r < pairs.length && whole; r++) {
          const reader = readers[r]!;
          while (cursors[r]! < reader.count && reader.positions[cursors[r]!]! < p + r) cursors[r]!++;
          whole = cursors[r]! < reader.count && reader.positions[cursors[r]!] === p + r;
        }
        if (!whole) continue;
        if (count === 0) firstStart = p;
        count++;
        free = p + needle.length;
      }
      if (count === 0) continue;
      documents[found] = document;
      counts[found] = count;
      firstStarts[found++] = firstStart;
    }
    const starts = firstStarts.subarray(0, found);
    return { documents: documents.subarray(0, found), counts: counts.subarray(0, found), firstStart: at => starts[at]! };
  }

  /**
   * The documents that contain the folded needle, without counting its mentions: for a single character,
   * its list as it stands.
   */
  documentsWith(needle: string): Uint32Array {
    return needle.length === 1 ? this.list(needle.charCodeAt(0)) : this.find(needle).documents;
  }

  /** A single character: the documents that hold it, with the counts kept for them. */
  private findCharacter(needle: string): PhraseMatches {
    const code = needle.charCodeAt(0);
    const candidates = this.list(code);
    const kept = this.characterCounts.subarray(this.offsets[code]!, this.offsets[code + 1]!);
    const counts = new Uint32Array(candidates.length);
    for (let at = 0; at < candidates.length; at++) counts[at] = kept[at] === SATURATED ? occurrences(this.folded(candidates[at]!, Infinity).text, needle).length : kept[at]!;
    const firstStarts = new Int32Array(candidates.length).fill(-1);
    const firstStart = (at: number) => (firstStarts[at]! >= 0 ? firstStarts[at]! : (firstStarts[at] = this.firstStartIn(candidates[at]!, needle)));
    return { documents: candidates, counts, firstStart };
  }

  /** Where a character first stands in a document that holds it: its opening is folded, longer until it is found. */
  private firstStartIn(document: number, needle: string): number {
    for (let length = FIRST_READ; ; length *= 4) {
      const prefix = this.folded(document, length);
      const start = prefix.text.indexOf(needle);
      if (start >= 0 || prefix.whole) return start;
    }
  }

  private list(id: number): Uint32Array {
    return unpackList(this.arrays, id);
  }
}

/** The first place at or after `from` in a sorted list whose value is not below the target, found by galloping. */
export function gallop(list: Uint32Array, from: number, target: number): number {
  let low = from;
  let step = 1;
  let high = from;
  while (high < list.length && list[high]! < target) {
    low = high + 1;
    high += step;
    step *= 2;
  }
  high = Math.min(high, list.length);
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (list[middle]! < target) low = middle + 1;
    else high = middle;
  }
  return low;
}
