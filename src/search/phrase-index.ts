/**
 * Exact phrase search over folded texts. A word index cannot do this (the segmenter cuts a phrase
 * differently in different contexts), so the index is over characters: for every character and every
 * pair of adjacent characters, the sorted list of documents that contain it, all in one typed array.
 * A phrase's candidates are the intersection of its pairs' lists, rarest first; each candidate is then
 * verified against its folded text, so answers are exactly those of a scan of every text, and counts
 * come from the text itself.
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
  readonly firstStarts: Uint32Array;
}

/** The index's arrays, as the start-up cache stores them. */
export interface PhraseIndexArrays {
  readonly pairKeys: Uint32Array;
  readonly pairIds: Int32Array;
  readonly pairCount: number;
  readonly offsets: Uint32Array;
  readonly postings: Uint32Array;
}

export class PhraseIndex {
  private readonly pairIds: PairIds;
  private readonly offsets: Uint32Array;
  private readonly postings: Uint32Array;

  /** An index over the folded texts, built now, or restored from arrays built before over the same texts. */
  constructor(
    private readonly texts: readonly string[],
    restored?: PhraseIndexArrays,
  ) {
    if (restored) {
      this.pairIds = new PairIds(restored.pairKeys, restored.pairIds, restored.pairCount);
      this.offsets = restored.offsets;
      this.postings = restored.postings;
      return;
    }
    this.pairIds = new PairIds();
    // First pass: each document's distinct keys as dense ids, and how many documents hold each key.
    let counts: Uint32Array = new Uint32Array(1 << 16);
    let perDocument: Uint32Array = new Uint32Array(1 << 20);
    const documentEnds = new Uint32Array(texts.length);
    let used = 0;
    let scratch: Uint32Array = new Uint32Array(1024);
    texts.forEach((text, document) => {
      if (scratch.length < text.length * 2) scratch = new Uint32Array(text.length * 2);
      let size = 0;
      for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        scratch[size++] = code;
        if (i + 1 < text.length) scratch[size++] = SINGLE_IDS + this.pairIds.idOf(code * 0x10000 + text.charCodeAt(i + 1), true);
      }
      const distinct = uniqueSorted(scratch.subarray(0, size));
      if (counts.length < SINGLE_IDS + this.pairIds.size) counts = grow(counts, (SINGLE_IDS + this.pairIds.size) * 2);
      if (perDocument.length < used + distinct.length) perDocument = grow(perDocument, (used + distinct.length) * 2);
      for (const id of distinct) counts[id]!++;
      perDocument.set(distinct, used);
      used += distinct.length;
      documentEnds[document] = used;
    });

    // Second pass: lay the lists out end to end; documents arrive in order, so each list is sorted.
    const keyCount = SINGLE_IDS + this.pairIds.size;
    this.offsets = new Uint32Array(keyCount + 1);
    for (let id = 0; id < keyCount; id++) this.offsets[id + 1] = this.offsets[id]! + counts[id]!;
    this.postings = new Uint32Array(this.offsets[keyCount]!);
    const cursor = this.offsets.slice(0, keyCount);
    let start = 0;
    documentEnds.forEach((end, document) => {
      for (let at = start; at < end; at++) this.postings[cursor[perDocument[at]!]!++] = document;
      start = end;
    });
  }

  arrays(): PhraseIndexArrays {
    const { keys, ids, size } = this.pairIds.export();
    return { pairKeys: keys, pairIds: ids, pairCount: size, offsets: this.offsets, postings: this.postings };
  }

  /** Every document that contains the folded needle, in document order, with its counts and first starts. */
  find(needle: string): PhraseMatches {
    const candidates = this.candidates(needle);
    const documents = new Uint32Array(candidates.length);
    const counts = new Uint32Array(candidates.length);
    const firstStarts = new Uint32Array(candidates.length);
    let found = 0;
    for (const document of candidates) {
      const text = this.texts[document]!;
      let at = text.indexOf(needle);
      if (at < 0) continue;
      documents[found] = document;
      firstStarts[found] = at;
      let count = 0;
      for (; at >= 0; at = text.indexOf(needle, at + needle.length)) count++;
      counts[found++] = count;
    }
    return { documents: documents.subarray(0, found), counts: counts.subarray(0, found), firstStarts: firstStarts.subarray(0, found) };
  }

  private list(id: number): Uint32Array | null {
    if (id < 0) return null;
    const list = this.postings.subarray(this.offsets[id]!, this.offsets[id + 1]!);
    return list.length ? list : null;
  }

  private candidates(needle: string): Uint32Array {
    if (needle.length === 0) return EMPTY;
    if (needle.length === 1) return this.list(needle.charCodeAt(0)) ?? EMPTY;
    const lists: Uint32Array[] = [];
    for (let i = 0; i + 1 < needle.length; i++) {
      const pair = this.pairIds.idOf(needle.charCodeAt(i) * 0x10000 + needle.charCodeAt(i + 1), false);
      const list = this.list(pair < 0 ? -1 : SINGLE_IDS + pair);
      if (!list) return EMPTY;
      lists.push(list);
    }
    lists.sort((a, b) => a.length - b.length);
    return lists.slice(1).reduce(intersect, lists[0]!);
  }
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

/** Intersection of two sorted lists, walking the shorter and galloping through the longer. */
function intersect(shorter: Uint32Array, longer: Uint32Array): Uint32Array {
  const out = new Uint32Array(Math.min(shorter.length, longer.length));
  let count = 0;
  let low = 0;
  for (const value of shorter) {
    let step = 1;
    let high = low;
    while (high < longer.length && longer[high]! < value) {
      low = high;
      high += step;
      step *= 2;
    }
    high = Math.min(high, longer.length);
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (longer[middle]! < value) low = middle + 1;
      else high = middle;
    }
    if (low < longer.length && longer[low] === value) out[count++] = value;
  }
  return out.subarray(0, count);
}
