import { occurrences } from './phrase';
/**
 * Exact phrase search over folded texts. A word index cannot do this (the segmenter cuts a phrase
 * differently in different contexts), so the index is over characters: for every character and every
 * pair of adjacent characters, the sorted list of documents that contain it, and for every pair in every
 * document, where it stands. A phrase's candidates are the intersection of its pairs' lists, rarest
 * first; in each candidate the phrase stands wherever its first pair is followed by the others at the
 * next positions. Answers are exactly those of a scan of every text, and the commonest phrases are
 * counted without reading text at all. All of it lives in a few typed arrays.
 */

const EMPTY = new Uint32Array(0);
/** Single characters have the first 65,536 ids; pairs of UTF-16 units are numbered after them. */
const SINGLE_IDS = 0x10000;

/**
 * Dense ids for pairs of UTF-16 units (a 32-bit key), in an open-addressing table: a JavaScript Map
 * costs several times as much for the tens of millions of look-ups a build makes.
 */
class PairIds {
  constructor(
    private keys: Uint32Array = new Uint32Array(1 << 20),
    private ids: Int32Array = new Int32Array(1 << 20).fill(-1),
    public size = 0,
  ) {}

  export(): { keys: Uint32Array; ids: Int32Array; size: number } {
    return { keys: this.keys, ids: this.ids, size: this.size };
  }

  idOf(key: number, create: boolean): number {
    let mask = this.keys.length - 1;
    let slot = Math.imul(key, 0x9e3779b1) >>> 0 & mask;
    for (;;) {
      const id = this.ids[slot]!;
      if (id < 0) break;
      if (this.keys[slot] === key) return id;
      slot = (slot + 1) & mask;
    }
    if (!create) return -1;
    if ((this.size + 1) * 2 > this.keys.length) {
      this.rehash();
      mask = this.keys.length - 1;
      slot = Math.imul(key, 0x9e3779b1) >>> 0 & mask;
      while (this.ids[slot]! >= 0) slot = (slot + 1) & mask;
    }
    this.keys[slot] = key;
    this.ids[slot] = this.size;
    return this.size++;
  }

  private rehash(): void {
    const { keys, ids } = this;
    this.keys = new Uint32Array(keys.length * 2);
    this.ids = new Int32Array(keys.length * 2).fill(-1);
    const mask = this.keys.length - 1;
    for (let old = 0; old < keys.length; old++) {
      if (ids[old]! < 0) continue;
      let slot = Math.imul(keys[old]!, 0x9e3779b1) >>> 0 & mask;
      while (this.ids[slot]! >= 0) slot = (slot + 1) & mask;
      this.keys[slot] = keys[old]!;
      this.ids[slot] = ids[old]!;
    }
  }
}

/** Documents that contain the needle, and its non-overlapping occurrences in each. */
export interface PhraseMatches {
  readonly documents: Uint32Array;
  readonly counts: Uint32Array;
  /** Where the needle first stands in the at-th document: only tie-breaks ask, so a character's is found on demand. */
  firstStart(at: number): number;
}

const NO_MATCHES: PhraseMatches = { documents: EMPTY, counts: EMPTY, firstStart: () => 0 };

/**
 * A character's count in a document is kept in one byte; this value means "this many or more", and the
 * text is counted instead (a long article's 的).
 */
const SATURATED = 0xff;

/** The index's arrays, as the start-up cache stores them. */
export interface PhraseIndexArrays {
  readonly pairKeys: Uint32Array;
  readonly pairIds: Int32Array;
  readonly pairCount: number;
  readonly offsets: Uint32Array;
  readonly postings: Uint32Array;
  readonly positionOffsets: Uint32Array;
  readonly positionStarts: Uint32Array;
  readonly positions: Uint32Array;
  /** Each single-character posting's count in its document, saturating at SATURATED. */
  readonly characterCounts: Uint8Array;
}

export class PhraseIndex {
  private readonly pairIds: PairIds;
  /** Key id → its range of `postings` (documents, ascending). */
  private readonly offsets: Uint32Array;
  private readonly postings: Uint32Array;
  /** Pair id → its range of `positions`; posting → where its document's positions start. */
  private readonly positionOffsets: Uint32Array;
  private readonly positionStarts: Uint32Array;
  private readonly positions: Uint32Array;
  /**
   * How often each character stands in each document that holds it: the commonest single characters
   * (的, 會) are in nearly every article, and counting them by reading every text took as long as a scan.
   */
  private readonly characterCounts: Uint8Array;

  /** An index over the folded texts, built now, or restored from arrays built before over the same texts. */
  constructor(
    private readonly texts: readonly string[],
    restored?: PhraseIndexArrays,
  ) {
    if (restored) {
      this.pairIds = new PairIds(restored.pairKeys, restored.pairIds, restored.pairCount);
      ({
        offsets: this.offsets,
        postings: this.postings,
        positionOffsets: this.positionOffsets,
        positionStarts: this.positionStarts,
        positions: this.positions,
        characterCounts: this.characterCounts,
      } = restored);
      return;
    }
    this.pairIds = new PairIds();
    // First pass: dense ids for pairs, how many documents hold each key, how often each pair occurs,
    // and the sequence of pairs, which the later passes read instead of hashing the text again.
    let documentCounts: Uint32Array = new Uint32Array(1 << 17);
    let pairCounts: Uint32Array = new Uint32Array(1 << 17);
    const pairSequence = new Uint32Array(texts.reduce((sum, text) => sum + Math.max(0, text.length - 1), 0));
    let pairsSeen = 0;
    let scratch: Uint32Array = new Uint32Array(1024);
    const distinctKeys = (text: string, pairsFrom: number): Uint32Array => {
      if (scratch.length < text.length * 2) scratch = new Uint32Array(text.length * 2);
      let size = 0;
      for (let i = 0; i < text.length; i++) {
        scratch[size++] = text.charCodeAt(i);
        if (i + 1 < text.length) scratch[size++] = pairSequence[pairsFrom + i]!;
      }
      return uniqueSorted(scratch.subarray(0, size));
    };
    texts.forEach(text => {
      const pairsFrom = pairsSeen;
      for (let i = 0; i + 1 < text.length; i++) {
        const id = SINGLE_IDS + this.pairIds.idOf(text.charCodeAt(i) * 0x10000 + text.charCodeAt(i + 1), true);
        if (pairCounts.length <= id) pairCounts = grow(pairCounts, id * 2);
        pairCounts[id]!++;
        pairSequence[pairsSeen++] = id;
      }
      if (documentCounts.length < SINGLE_IDS + this.pairIds.size) documentCounts = grow(documentCounts, (SINGLE_IDS + this.pairIds.size) * 2);
      for (const id of distinctKeys(text, pairsFrom)) documentCounts[id]!++;
    });

    // Second pass: lay the lists out end to end; documents arrive in order, so each list is sorted.
    // Single characters have the lowest ids, so their postings come first and their counts align.
    const keyCount = SINGLE_IDS + this.pairIds.size;
    this.offsets = prefixSums(documentCounts, keyCount);
    this.postings = new Uint32Array(this.offsets[keyCount]!);
    this.characterCounts = new Uint8Array(this.offsets[SINGLE_IDS]!);
    const postingCursor = this.offsets.slice(0, keyCount);
    const inDocument = new Uint32Array(SINGLE_IDS);
    let pairsFrom = 0;
    texts.forEach((text, document) => {
      for (let i = 0; i < text.length; i++) inDocument[text.charCodeAt(i)]!++;
      for (const id of distinctKeys(text, pairsFrom)) {
        if (id < SINGLE_IDS) {
          this.characterCounts[postingCursor[id]!] = Math.min(SATURATED, inDocument[id]!);
          inDocument[id] = 0;
        }
        this.postings[postingCursor[id]!++] = document;
      }
      pairsFrom += Math.max(0, text.length - 1);
    });

    // Third pass: every pair's positions, grouped by document in the order of its postings.
    this.positionOffsets = prefixSums(pairCounts, keyCount);
    this.positions = new Uint32Array(pairsSeen);
    this.positionStarts = new Uint32Array(this.postings.length);
    const positionCursor = this.positionOffsets.slice(0, keyCount);
    const nextPosting = this.offsets.slice(0, keyCount);
    const lastDocument = new Int32Array(keyCount).fill(-1);
    let at = 0;
    texts.forEach((text, document) => {
      for (let i = 0; i + 1 < text.length; i++) {
        const id = pairSequence[at++]!;
        if (lastDocument[id] !== document) {
          lastDocument[id] = document;
          this.positionStarts[nextPosting[id]!++] = positionCursor[id]!;
        }
        this.positions[positionCursor[id]!++] = i;
      }
    });
  }

  arrays(): PhraseIndexArrays {
    const { keys, ids, size } = this.pairIds.export();
    return {
      pairKeys: keys,
      pairIds: ids,
      pairCount: size,
      offsets: this.offsets,
      postings: this.postings,
      positionOffsets: this.positionOffsets,
      positionStarts: this.positionStarts,
      positions: this.positions,
      characterCounts: this.characterCounts,
    };
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
    const lists = pairs.map(id => this.list(id));
    const driver = lists.reduce((shortest, list, r) => (list.length < lists[shortest]!.length ? r : shortest), 0);
    const driverList = lists[driver]!;

    const documents = new Uint32Array(driverList.length);
    const counts = new Uint32Array(driverList.length);
    const firstStarts = new Uint32Array(driverList.length);
    const places = new Uint32Array(pairs.length);
    const cursors = new Uint32Array(pairs.length);
    const ends = new Uint32Array(pairs.length);
    let found = 0;
    const distinctPair = needle.length === 2 && needle[0] !== needle[1];
    // Walk the rarest pair's documents; the other lists are followed with galloping pointers, so the
    // intersection also yields each pair's posting, and with it where the pair stands in the document.
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
        const id = pairs[r]!;
        const posting = this.offsets[id]! + places[r]!;
        cursors[r] = this.positionStarts[posting]!;
        ends[r] = posting + 1 < this.offsets[id + 1]! ? this.positionStarts[posting + 1]! : this.positionOffsets[id + 1]!;
      }
      // Two different characters cannot overlap themselves: every place of the pair is a mention.
      if (distinctPair) {
        documents[found] = document;
        counts[found] = ends[0]! - cursors[0]!;
        firstStarts[found++] = this.positions[cursors[0]!]!;
        continue;
      }
      // Left to right, non-overlapping: the needle stands at p when pair r stands at p + r for every r.
      let count = 0;
      let first = 0;
      let free = 0;
      for (let c = cursors[0]!; c < ends[0]!; c++) {
        const p = this.positions[c]!;
        if (p < free) continue;
        let whole = true;
        for (let r = 1; r < pairs.length && whole; r++) {
          while (cursors[r]! < ends[r]! && this.positions[cursors[r]!]! < p + r) cursors[r]!++;
          whole = cursors[r]! < ends[r]! && this.positions[cursors[r]!] === p + r;
        }
        if (!whole) continue;
        if (count === 0) first = p;
        count++;
        free = p + needle.length;
      }
      if (count === 0) continue;
      documents[found] = document;
      counts[found] = count;
      firstStarts[found++] = first;
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
    for (let at = 0; at < candidates.length; at++) counts[at] = kept[at] === SATURATED ? occurrences(this.texts[candidates[at]!]!, needle).length : kept[at]!;
    const firstStarts = new Int32Array(candidates.length).fill(-1);
    const firstStart = (at: number) => (firstStarts[at]! >= 0 ? firstStarts[at]! : (firstStarts[at] = this.texts[candidates[at]!]!.indexOf(needle)));
    return { documents: candidates, counts, firstStart };
  }

  private list(id: number): Uint32Array {
    return this.postings.subarray(this.offsets[id]!, this.offsets[id + 1]!);
  }
}

function prefixSums(counts: Uint32Array, keyCount: number): Uint32Array {
  const sums = new Uint32Array(keyCount + 1);
  for (let id = 0; id < keyCount; id++) sums[id + 1] = sums[id]! + (counts[id] ?? 0);
  return sums;
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

function grow(array: Uint32Array, size: number): Uint32Array {
  const grown = new Uint32Array(size);
  grown.set(array);
  return grown;
}

/** Sorts in place and returns the distinct values. */
function uniqueSorted(values: Uint32Array): Uint32Array {
  values.sort();
  let size = 0;
  for (let i = 0; i < values.length; i++) if (i === 0 || values[i] !== values[i - 1]) values[size++] = values[i]!;
  return values.subarray(0, size);
}
