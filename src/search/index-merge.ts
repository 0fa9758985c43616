import { assembleIndex, packPostings, prefixSums, SINGLE_IDS, type BuiltIndex, type PhraseIndexArrays } from './index-build';
import { PairIds } from './pair-ids';
import { readVarint, RecordReader, varintLength, writeVarint } from './positions';

/** A run's index as a build worker hands it over: its lists packed, and each key's last document, which the next run's list goes on from. */
export type PackedRun = PhraseIndexArrays & { readonly lastDocuments: Uint32Array };

/** Packs a run's lists where it was built (in its worker, beside the other runs), keeping what the merge needs. */
export function packRun(built: BuiltIndex): PackedRun {
  const { offsets, postings } = built;
  const lastDocuments = new Uint32Array(offsets.length - 1);
  for (let key = 0; key < lastDocuments.length; key++) if (offsets[key + 1]! > offsets[key]!) lastDocuments[key] = postings[offsets[key + 1]! - 1]!;
  return { ...packPostings(built), lastDocuments };
}

/**
 * One index from indexes built over consecutive runs of documents (by build workers, one run each): the
 * same arrays a single build over all of them gives. Pairs are numbered anew. A key's packed list is
 * its runs' packed lists one after the other, copied byte for byte but for each run's first gap, which
 * is counted again from the document before it (the previous run's last, shifted by where the runs
 * start) rather than from 0: no posting is read or written one by one. Position records are copied
 * byte for byte too, since they never name a document.
 */
export function mergePhraseIndexes(parts: readonly PackedRun[]): PhraseIndexArrays {
  const pairIds = new PairIds();
  const globalOf = parts.map(part => {
    const global = new Int32Array(part.pairCount);
    part.pairIds.forEach((local, slot) => {
      if (local >= 0) global[local] = pairIds.idOf(part.pairKeys[slot]!, true);
    });
    return global;
  });
  const keyCount = SINGLE_IDS + pairIds.size;
  // For each run, its own key id for every key of the merged index (-1 where it lacks the pair).
  const localOf = globalOf.map(global => {
    const local = new Int32Array(keyCount).fill(-1);
    for (let id = 0; id < SINGLE_IDS; id++) local[id] = id;
    global.forEach((merged, own) => (local[SINGLE_IDS + merged] = SINGLE_IDS + own));
    return local;
  });
  const firsts = parts.reduce<number[]>((starts, part) => [...starts, starts.at(-1)! + part.lengths.length], [0]);
  // A run's list in the merged one: its bytes, its first gap taken out and put back from `previous`.
  const firstDocument = (p: number, own: number) => readVarint(parts[p]!.postings, parts[p]!.postingBytes[own]!) + firsts[p]!;
  // Each key's postings and packed bytes, counted in one pass over its runs.
  const documentCounts = new Uint32Array(keyCount);
  const postingBytes = new Uint32Array(keyCount + 1);
  for (let id = 0; id < keyCount; id++) {
    let length = 0;
    let previous = 0;
    for (let p = 0; p < parts.length; p++) {
      const own = localOf[p]![id]!;
      if (own < 0) continue;
      const part = parts[p]!;
      if (part.offsets[own + 1] === part.offsets[own]) continue;
      documentCounts[id]! += part.offsets[own + 1]! - part.offsets[own]!;
      const first = firstDocument(p, own);
      length += part.postingBytes[own + 1]! - part.postingBytes[own]! - varintLength(first - firsts[p]!) + varintLength(first - previous);
      previous = part.lastDocuments[own]! + firsts[p]!;
    }
    postingBytes[id + 1] = postingBytes[id]! + length;
  }
  const offsets = prefixSums(documentCounts, keyCount);
  const postings = new Uint8Array(postingBytes[keyCount]!);
  const characterCounts = new Uint8Array(offsets[SINGLE_IDS]!);
  const readers = parts.map(part => new RecordReader(part.positions, part.positionSkips));
  const byteRange = (p: number, own: number): [number, number] => {
    const part = parts[p]!;
    const first = part.offsets[SINGLE_IDS]!;
    const start = readers[p]!.seek(part.offsets[own]! - first);
    return [start, readers[p]!.seek(part.offsets[own + 1]! - first)];
  };
  let positionBytes = 0;
  for (const part of parts) positionBytes += part.positions.length;
  const positions = new Uint8Array(positionBytes);
  let at = 0;
  let written = 0;
  for (let id = 0; id < keyCount; id++) {
    let packedAt = postingBytes[id]!;
    let previous = 0;
    for (let p = 0; p < parts.length; p++) {
      const own = localOf[p]![id]!;
      if (own < 0) continue;
      const part = parts[p]!;
      const from = part.offsets[own]!;
      const to = part.offsets[own + 1]!;
      if (to > from) {
        const first = firstDocument(p, own);
        packedAt = writeVarint(postings, packedAt, first - previous);
        packedAt = copyBytes(part.postings, part.postingBytes[own]! + varintLength(first - firsts[p]!), part.postingBytes[own + 1]!, postings, packedAt);
        previous = part.lastDocuments[own]! + firsts[p]!;
      }
      if (id < SINGLE_IDS) copyBytes(part.characterCounts, from, to, characterCounts, at);
      else if (to > from) {
        const [start, end] = byteRange(p, own);
        written = copyBytes(part.positions, start, end, positions, written);
      }
      at += to - from;
    }
  }
  const lengths = new Uint32Array(firsts.at(-1)!);
  parts.forEach((part, p) => lengths.set(part.lengths, firsts[p]!));
  return { ...assembleIndex(pairIds, { offsets, characterCounts, positions, lengths }), postings, postingBytes };
}

/** Copies bytes [from, to) of `source` to `target` at `at`; returns where the copy ends. Most lists are a few bytes, copied without a view made for each. */
function copyBytes(source: Uint8Array, from: number, to: number, target: Uint8Array, at: number): number {
  if (to - from > 32) {
    target.set(source.subarray(from, to), at);
    return at + to - from;
  }
  for (let k = from; k < to; k++) target[at++] = source[k]!;
  return at;
}
