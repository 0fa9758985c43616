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
/**
 * A pair's records are read in order, all of them, unless the documents to look in are fewer than a
 * tenth of its list: then seeking only theirs reads less.
 */
const SEEKING_PAYS = 10;
/** A first start not looked for yet (a character's is found on demand). */
const NOT_FOUND_YET = 0xffffffff;
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
  private found: [Uint32Array, Uint32Array, Uint32Array] = threeLists(0);

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

  /**
   * Every document that contains the folded needle, in document order, with its counts and first
   * starts; with `within` (documents in order), only those among them: an `also` or `without` phrase is
   * looked for where the search's phrase stands, not across the corpus.
   */
  find(needle: string, within?: Uint32Array): PhraseMatches {
    if (needle.length === 0) return NO_MATCHES;
    if (needle.length === 1) return this.findCharacter(needle, within);
    const pairs: number[] = [];
    for (let i = 0; i + 1 < needle.length; i++) {
      const key = this.pairKey(needle, i);
      if (key < 0) return NO_MATCHES;
      pairs.push(key);
    }
    // Two different characters cannot overlap themselves: every place of the pair is a mention, and its
    // list is the answer, its records read in order. Reading them all in order beats seeking those of
    // `within`, unless it is much the shorter; what is outside it is left out after.
    const listLength = this.offsets[pairs[0]! + 1]! - this.offsets[pairs[0]!]!;
    if (needle.length === 2 && needle[0] !== needle[1] && (within === undefined || within.length * SEEKING_PAYS > listLength)) {
      const [found, counts, firstStarts] = threeLists(listLength);
      unpackList(this.arrays, pairs[0]!, found);
      this.reader(0).countsFrom(this.offsets[pairs[0]!]! - this.firstPairPosting, listLength, counts, firstStarts);
      if (within === undefined) return { documents: found, counts, firstStart: at => firstStarts[at]! };
      const places = placesAmong(found, within);
      const [documents, keptCounts, keptStarts] = threeLists(places.length);
      for (let at = 0; at < places.length; at++) {
        documents[at] = found[places[at]!]!;
        keptCounts[at] = counts[places[at]!]!;
        keptStarts[at] = firstStarts[places[at]!]!;
      }
      return { documents, counts: keptCounts, firstStart: at => keptStarts[at]! };
    }
    // Laid out into arrays kept for the purpose: a common pair's list is hundreds of kilobytes, and a
    // fresh one for every search kept the collector busy.
    const lists = pairs.map((id, r) => unpackList(this.arrays, id, this.scratchList(r, this.offsets[id + 1]! - this.offsets[id]!)));
    // The documents to look in are one more list to intersect, with no positions to read.
    if (within) lists.push(within);
    const driver = lists.reduce((shortest, list, r) => (list.length < lists[shortest]!.length ? r : shortest), 0);
    const driverList = lists[driver]!;
    // Every character pinned by one pair read is enough: the pairs between are then implied.
    const read = pairsToRead(pairs.length);
    const readers = read.map((_, k) => this.reader(k));

    // Found into arrays kept for the purpose, then copied out at their size: the driver's list may be
    // many times the documents that hold the whole phrase.
    const [documents, counts, firstStarts] = this.foundScratch(driverList.length);
    const places = new Uint32Array(lists.length);
    const cursors = new Uint32Array(read.length);
    let found = 0;
    // Walk the rarest pair's documents; the other lists are followed with galloping pointers, so the
    // intersection also yields each pair's posting, and with it the record of where it stands.
    candidates: for (let d = 0; d < driverList.length; d++) {
      const document = driverList[d]!;
      places[driver] = d;
      for (let r = 0; r < lists.length; r++) {
        if (r === driver) continue;
        const place = gallop(lists[r]!, places[r]!, document);
        if (place >= lists[r]!.length) break candidates;
        places[r] = place;
        if (lists[r]![place] !== document) continue candidates;
      }
      for (let k = 0; k < read.length; k++) {
        const r = read[k]!;
        readers[k]!.read(this.offsets[pairs[r]!]! + places[r]! - this.firstPairPosting);
        cursors[k] = 0;
      }
      const first = readers[0]!;
      const firstPositions = first.positions;
      const firstCount = first.count;
      // Left to right, non-overlapping: the needle stands at p when each pair read, r, stands at p + r.
      let count = 0;
      let firstStart = 0;
      let free = 0;
      for (let c = 0; c < firstCount; c++) {
        const p = firstPositions[c]!;
        if (p < free) continue;
        let whole = true;
        for (let k = 1; k < read.length; k++) {
          const reader = readers[k]!;
          const positions = reader.positions;
          const end = reader.count;
          const wanted = p + read[k]!;
          let cursor = cursors[k]!;
          while (cursor < end && positions[cursor]! < wanted) cursor++;
          cursors[k] = cursor;
          if (cursor === end || positions[cursor] !== wanted) {
            whole = false;
            break;
          }
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
    const [keptDocuments, keptCounts, keptStarts] = threeLists(found);
    keptDocuments.set(documents.subarray(0, found));
    keptCounts.set(counts.subarray(0, found));
    keptStarts.set(firstStarts.subarray(0, found));
    return { documents: keptDocuments, counts: keptCounts, firstStart: at => keptStarts[at]! };
  }

  /** The r-th array kept for laying lists out, at least `length` long. */
  private scratchList(r: number, length: number): Uint32Array {
    if ((this.scratch[r]?.length ?? 0) < length) this.scratch[r] = new Uint32Array(length);
    return this.scratch[r]!;
  }

  /** Three arrays of at least `length`, kept between finds: documents, counts and first starts being found. */
  private foundScratch(length: number): [Uint32Array, Uint32Array, Uint32Array] {
    if (this.found[0].length < length) this.found = threeLists(Math.max(length, this.found[0].length * 2));
    return this.found;
  }

  /**
   * The documents that contain the folded needle (with `within`, those among them), without counting its
   * mentions: for a single character, its whole list as it stands.
   */
  documentsWith(needle: string, within?: Uint32Array): Uint32Array {
    return needle.length === 1 ? this.list(needle.charCodeAt(0)) : this.find(needle, within).documents;
  }

  /**
   * How many documents of the corpus contain the folded needle: a character's or a pair's list length
   * as the offsets give it, a longer needle's found (a phrase's weight in BM25 is corpus-wide, even when
   * it was looked for only among a search's hits).
   */
  documentCount(needle: string): number {
    if (needle.length > 2) return this.find(needle).documents.length;
    const key = needle.length === 1 ? needle.charCodeAt(0) : this.pairKey(needle, 0);
    return key < 0 ? 0 : this.offsets[key + 1]! - this.offsets[key]!;
  }

  /** The key of the pair of characters at `at` and `at + 1` of a needle, or -1 when no document holds it. */
  private pairKey(needle: string, at: number): number {
    const id = this.pairIds.idOf(needle.charCodeAt(at) * 0x10000 + needle.charCodeAt(at + 1), false);
    return id < 0 ? -1 : SINGLE_IDS + id;
  }

  /** A single character: the documents that hold it (with `within`, those among them), with the counts kept for them. */
  private findCharacter(needle: string, within: Uint32Array | undefined): PhraseMatches {
    const code = needle.charCodeAt(0);
    const list = unpackList(this.arrays, code, this.scratchList(0, this.offsets[code + 1]! - this.offsets[code]!));
    // Where each candidate stands in the list, which is where its kept count stands too.
    const places = within ? placesAmong(list, within) : null;
    const [candidates, counts, firstStarts] = threeLists(places ? places.length : list.length);
    const kept = this.characterCounts.subarray(this.offsets[code]!, this.offsets[code + 1]!);
    for (let at = 0; at < candidates.length; at++) {
      const place = places ? places[at]! : at;
      candidates[at] = list[place]!;
      const count = kept[place]!;
      counts[at] = count === SATURATED ? occurrences(this.folded(candidates[at]!, Infinity).text, needle).length : count;
    }
    firstStarts.fill(NOT_FOUND_YET);
    const firstStart = (at: number) => (firstStarts[at] !== NOT_FOUND_YET ? firstStarts[at]! : (firstStarts[at] = this.firstStartIn(candidates[at]!, needle)));
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

/**
 * Three lists of one length in one allocation: a search's documents, counts and first starts live and
 * die together, and each buffer apart was one more for the collector to free.
 */
function threeLists(length: number): [Uint32Array, Uint32Array, Uint32Array] {
  const buffer = new ArrayBuffer(length * 3 * Uint32Array.BYTES_PER_ELEMENT);
  return [new Uint32Array(buffer, 0, length), new Uint32Array(buffer, length * 4, length), new Uint32Array(buffer, length * 8, length)];
}

/** Where the documents of `within` that `list` holds stand in it, in order (both lists in order). */
function placesAmong(list: Uint32Array, within: Uint32Array): Uint32Array {
  const places = new Uint32Array(Math.min(list.length, within.length));
  let found = 0;
  let place = 0;
  for (let at = 0; at < within.length; at++) {
    place = gallop(list, place, within[at]!);
    if (place >= list.length) break;
    if (list[place] === within[at]) places[found++] = place;
  }
  return places.subarray(0, found);
}

/**
 * Which of a needle's pairs (0 to count - 1, pair r at characters r and r + 1) to read positions for:
 * the first, every other one after it, and the last, so that every character is in a pair read. Where
 * they all stand as they do in the needle, so do the pairs between: 高質量發展 reads 高質, 量發 and 發展.
 */
export function pairsToRead(count: number): number[] {
  const read: number[] = [];
  for (let r = 0; r < count; r += 2) read.push(r);
  if (read[read.length - 1] !== count - 1) read.push(count - 1);
  return read;
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
