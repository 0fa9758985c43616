/**
 * Exact phrase search over folded texts. A word index cannot do this (the segmenter cuts a phrase
 * differently in different contexts), so the index is over characters: for every character and every
 * pair of adjacent characters, the sorted list of documents that contain it, all in one typed array.
 * A phrase's candidates are the intersection of its pairs' lists, rarest first; each candidate is then
 * verified against its folded text, so answers are exactly those of a scan of every text, and counts
 * come from the text itself.
 */

const EMPTY = new Uint32Array(0);
/** Single characters are keyed above every pair of UTF-16 units. */
const SINGLE_BASE = 0x1_0000_0000;

/** Documents that contain the needle, and its non-overlapping occurrences in each. */
export interface PhraseMatches {
  readonly documents: Uint32Array;
  readonly counts: Uint32Array;
  readonly firstStarts: Uint32Array;
}

export class PhraseIndex {
  private readonly keyIds = new Map<number, number>();
  private readonly offsets: Uint32Array;
  private readonly postings: Uint32Array;

  constructor(private readonly texts: readonly string[]) {
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
        scratch[size++] = this.idOf(SINGLE_BASE + code);
        if (i + 1 < text.length) scratch[size++] = this.idOf(code * 0x10000 + text.charCodeAt(i + 1));
      }
      const distinct = uniqueSorted(scratch.subarray(0, size));
      if (counts.length < this.keyIds.size) counts = grow(counts, this.keyIds.size * 2);
      if (perDocument.length < used + distinct.length) perDocument = grow(perDocument, (used + distinct.length) * 2);
      for (const id of distinct) counts[id]!++;
      perDocument.set(distinct, used);
      used += distinct.length;
      documentEnds[document] = used;
    });

    // Second pass: lay the lists out end to end; documents arrive in order, so each list is sorted.
    const keyCount = this.keyIds.size;
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

  private idOf(key: number): number {
    let id = this.keyIds.get(key);
    if (id === undefined) {
      id = this.keyIds.size;
      this.keyIds.set(key, id);
    }
    return id;
  }

  private list(key: number): Uint32Array | null {
    const id = this.keyIds.get(key);
    return id === undefined ? null : this.postings.subarray(this.offsets[id]!, this.offsets[id + 1]!);
  }

  private candidates(needle: string): Uint32Array {
    if (needle.length === 0) return EMPTY;
    if (needle.length === 1) return this.list(SINGLE_BASE + needle.charCodeAt(0)) ?? EMPTY;
    const lists: Uint32Array[] = [];
    for (let i = 0; i + 1 < needle.length; i++) {
      const list = this.list(needle.charCodeAt(i) * 0x10000 + needle.charCodeAt(i + 1));
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
