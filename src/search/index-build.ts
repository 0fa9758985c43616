import { PairIds } from './pair-ids';
import { skipTable, varintLength, writeVarint } from './positions';

/** Single characters have the first 65,536 ids; pairs of UTF-16 units are numbered after them. */
export const SINGLE_IDS = 0x10000;

/**
 * A character's count in a document is kept in one byte; this value means "this many or more", and the
 * text is counted instead (a long article's 的).
 */
export const SATURATED = 0xff;

/** The phrase index's arrays: what the start-up cache keeps and a build worker hands over. */
export interface PhraseIndexArrays {
  readonly pairKeys: Uint32Array;
  readonly pairIds: Int32Array;
  readonly pairCount: number;
  /** Key id → the numbers of its postings (one a document that holds it). */
  readonly offsets: Uint32Array;
  /**
   * Each key's documents, ascending, as the gaps between them in variable-length integers: a byte or
   * two a posting where 32 bits took four. A list is laid out when a query reads it.
   */
  readonly postings: Uint8Array;
  /** Key id → where its list begins in `postings`. */
  readonly postingBytes: Uint32Array;
  /** Each single-character posting's count in its document, saturating at SATURATED. */
  readonly characterCounts: Uint8Array;
  /** Each pair posting's positions, one record each in posting order (see positions.ts). */
  readonly positions: Uint8Array;
  readonly positionSkips: Uint32Array;
  /** Each document's folded length, for relevance. */
  readonly lengths: Uint32Array;
}

/** The index as a build makes it, its lists laid out: runs built apart are merged in this form. */
export type BuiltIndex = Omit<PhraseIndexArrays, 'postings' | 'postingBytes'> & { readonly postings: Uint32Array };

/** The index over folded texts, its lists packed. */
export function buildPhraseIndex(texts: readonly string[]): PhraseIndexArrays {
  return packPostings(buildIndexLists(texts));
}

/** Packs every key's document list as the gaps between its documents. */
export function packPostings(index: BuiltIndex): PhraseIndexArrays {
  const { offsets, postings } = index;
  const keyCount = offsets.length - 1;
  const postingBytes = new Uint32Array(keyCount + 1);
  for (let key = 0; key < keyCount; key++) {
    let length = 0;
    let previous = 0;
    for (let at = offsets[key]!; at < offsets[key + 1]!; at++) {
      length += varintLength(postings[at]! - previous);
      previous = postings[at]!;
    }
    postingBytes[key + 1] = postingBytes[key]! + length;
  }
  const packed = new Uint8Array(postingBytes[keyCount]!);
  for (let key = 0; key < keyCount; key++) {
    let written = postingBytes[key]!;
    let previous = 0;
    for (let at = offsets[key]!; at < offsets[key + 1]!; at++) {
      written = writeVarint(packed, written, postings[at]! - previous);
      previous = postings[at]!;
    }
  }
  return { ...index, postings: packed, postingBytes };
}

/** Lays out the documents of one key's packed list, into `into` when it is long enough (else a new array). */
export function unpackList(index: Pick<PhraseIndexArrays, 'offsets' | 'postings' | 'postingBytes'>, key: number, into?: Uint32Array): Uint32Array {
  const { postings } = index;
  const length = index.offsets[key + 1]! - index.offsets[key]!;
  const list = into && into.length >= length ? into.subarray(0, length) : new Uint32Array(length);
  let read = index.postingBytes[key]!;
  let document = 0;
  for (let at = 0; at < list.length; at++) {
    // Unrolled, in integer arithmetic: every query lays out the lists it reads.
    let byte = postings[read++]!;
    let gap = byte & 0x7f;
    if (byte & 0x80) {
      byte = postings[read++]!;
      gap |= (byte & 0x7f) << 7;
      if (byte & 0x80) {
        byte = postings[read++]!;
        gap |= (byte & 0x7f) << 14;
        if (byte & 0x80) {
          byte = postings[read++]!;
          gap |= (byte & 0x7f) << 21;
          if (byte & 0x80) gap += postings[read++]! * 2 ** 28;
        }
      }
    }
    list[at] = document += gap;
  }
  return list;
}

/**
 * Builds the index over folded texts in three passes over them: pair ids and how many documents hold
 * each key; the postings, documents arriving in order so that each list is sorted; then every pair's
 * positions, written straight into their records (sized by a counting pass first).
 */
export function buildIndexLists(texts: readonly string[]): BuiltIndex {
  const pairIds = new PairIds();
  let documentCounts: Uint32Array = new Uint32Array(1 << 17);
  let lastDocument: Int32Array = new Int32Array(1 << 17).fill(-1);
  const pairSequence = new Uint32Array(texts.reduce((sum, text) => sum + Math.max(0, text.length - 1), 0));
  let pairsSeen = 0;
  // A key is counted once a document: the document that last counted it is kept beside its count.
  const countOnce = (id: number, document: number) => {
    if (lastDocument[id] === document) return;
    lastDocument[id] = document;
    documentCounts[id]!++;
  };
  texts.forEach((text, document) => {
    for (let i = 0; i + 1 < text.length; i++) {
      const id = SINGLE_IDS + pairIds.idOf(text.charCodeAt(i) * 0x10000 + text.charCodeAt(i + 1), true);
      if (documentCounts.length <= id) {
        documentCounts = grow(documentCounts, id * 2);
        lastDocument = growFilled(lastDocument, id * 2);
      }
      pairSequence[pairsSeen++] = id;
      countOnce(id, document);
    }
    for (let i = 0; i < text.length; i++) countOnce(text.charCodeAt(i), document);
  });

  // Single characters have the lowest ids, so their postings come first and their counts align.
  const keyCount = SINGLE_IDS + pairIds.size;
  const offsets = prefixSums(documentCounts, keyCount);
  const postings = new Uint32Array(offsets[keyCount]!);
  const characterCounts = new Uint8Array(offsets[SINGLE_IDS]!);
  const postingCursor = offsets.slice(0, keyCount);
  lastDocument.fill(-1);
  let pairsFrom = 0;
  texts.forEach((text, document) => {
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (lastDocument[code] !== document) {
        lastDocument[code] = document;
        characterCounts[postingCursor[code]!] = 1;
        postings[postingCursor[code]!++] = document;
      } else {
        const slot = postingCursor[code]! - 1;
        if (characterCounts[slot]! < SATURATED) characterCounts[slot]!++;
      }
    }
    for (let i = 0; i + 1 < text.length; i++) {
      const id = pairSequence[pairsFrom + i]!;
      if (lastDocument[id] === document) continue;
      lastDocument[id] = document;
      postings[postingCursor[id]!++] = document;
    }
    pairsFrom += Math.max(0, text.length - 1);
  });

  const positions = writeRecords(texts, pairSequence, keyCount);
  return { ...assembleIndex(pairIds, { offsets, characterCounts, positions, lengths: Uint32Array.from(texts, text => text.length) }), postings };
}

/** All of the index but its postings, from its pair table and lists, with the skips over its position records. */
export function assembleIndex(pairIds: PairIds, lists: Pick<BuiltIndex, 'offsets' | 'characterCounts' | 'positions' | 'lengths'>): Omit<BuiltIndex, 'postings'> {
  const { keys, ids, size } = pairIds.export();
  const { offsets, positions } = lists;
  const keyCount = offsets.length - 1;
  return { ...lists, pairKeys: keys, pairIds: ids, pairCount: size, positionSkips: skipTable(positions, offsets[keyCount]! - offsets[SINGLE_IDS]!) };
}

/** A pair's state while its records are written, side by side so that a visit touches one cache line. */
const LAST_DOCUMENT = 0;
const PREVIOUS_POSITION = 1;
const CURSOR = 2;
const LAST_NUMBER_AT = 3;
const STATE_SIZE = 4;
const NOWHERE = 0xffffffff;

/**
 * Every pair's records, each at its place: sized by a counting pass first, then written. A number's
 * continuation bit is set while it is written and cleared once the pair is seen no more in that
 * document; both leave its length unchanged. Positions and byte offsets fit 32 bits (an article is at
 * most a few megabytes, the records of a corpus a few gigabytes).
 */
function writeRecords(texts: readonly string[], pairSequence: Uint32Array, keyCount: number): Uint8Array {
  const state = new Uint32Array(keyCount * STATE_SIZE);
  for (let id = 0; id < keyCount; id++) state[id * STATE_SIZE + LAST_DOCUMENT] = NOWHERE;
  let at = 0;
  for (let document = 0; document < texts.length; document++) {
    const end = at + Math.max(0, texts[document]!.length - 1);
    for (let position = 0; at < end; position++) {
      const slot = pairSequence[at++]! * STATE_SIZE;
      const gap = state[slot + LAST_DOCUMENT] === document ? position - state[slot + PREVIOUS_POSITION]! : position;
      state[slot + LAST_DOCUMENT] = document;
      state[slot + PREVIOUS_POSITION] = position;
      state[slot + CURSOR]! += varintLength(gap * 2 + 1);
    }
  }
  // Sizes become starts.
  let total = 0;
  for (let id = SINGLE_IDS; id < keyCount; id++) {
    const slot = id * STATE_SIZE;
    const size = state[slot + CURSOR]!;
    state[slot + CURSOR] = total;
    state[slot + LAST_DOCUMENT] = NOWHERE;
    state[slot + LAST_NUMBER_AT] = NOWHERE;
    total += size;
  }
  const positions = new Uint8Array(total);
  at = 0;
  for (let document = 0; document < texts.length; document++) {
    const end = at + Math.max(0, texts[document]!.length - 1);
    for (let position = 0; at < end; position++) {
      const slot = pairSequence[at++]! * STATE_SIZE;
      const sameDocument = state[slot + LAST_DOCUMENT] === document;
      if (!sameDocument && state[slot + LAST_NUMBER_AT] !== NOWHERE) positions[state[slot + LAST_NUMBER_AT]!]! &= ~1;
      const gap = sameDocument ? position - state[slot + PREVIOUS_POSITION]! : position;
      state[slot + LAST_DOCUMENT] = document;
      state[slot + PREVIOUS_POSITION] = position;
      state[slot + LAST_NUMBER_AT] = state[slot + CURSOR]!;
      state[slot + CURSOR] = writeVarint(positions, state[slot + CURSOR]!, gap * 2 + 1);
    }
  }
  for (let id = SINGLE_IDS; id < keyCount; id++) {
    const lastAt = state[id * STATE_SIZE + LAST_NUMBER_AT]!;
    if (lastAt !== NOWHERE) positions[lastAt]! &= ~1;
  }
  return positions;
}

export function prefixSums(counts: Uint32Array, keyCount: number): Uint32Array {
  const sums = new Uint32Array(keyCount + 1);
  for (let id = 0; id < keyCount; id++) sums[id + 1] = sums[id]! + (counts[id] ?? 0);
  return sums;
}

function grow(array: Uint32Array, size: number): Uint32Array {
  const grown = new Uint32Array(size);
  grown.set(array);
  return grown;
}

function growFilled(array: Int32Array, size: number): Int32Array {
  const grown = new Int32Array(size).fill(-1);
  grown.set(array);
  return grown;
}
