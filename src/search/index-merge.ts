import { assembleIndex, prefixSums, SINGLE_IDS, type BuiltIndex } from './index-build';
import { PairIds } from './pair-ids';
import { RecordReader } from './positions';

/**
 * One index from indexes built over consecutive runs of documents (by build workers, one run each): the
 * same arrays a single build over all of them gives. Pairs are numbered anew; each key's postings are
 * its runs' postings one after the other, documents shifted by where each run starts, and its position
 * records are copied byte for byte, since they never name a document.
 */
export function mergePhraseIndexes(parts: readonly BuiltIndex[]): BuiltIndex {
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
  const documentCounts = new Uint32Array(keyCount);
  parts.forEach((part, p) => {
    for (let id = 0; id < keyCount; id++) {
      const own = localOf[p]![id]!;
      if (own >= 0) documentCounts[id]! += part.offsets[own + 1]! - part.offsets[own]!;
    }
  });
  const offsets = prefixSums(documentCounts, keyCount);
  const postings = new Uint32Array(offsets[keyCount]!);
  const characterCounts = new Uint8Array(offsets[SINGLE_IDS]!);
  const firsts = parts.reduce<number[]>((starts, part) => [...starts, starts.at(-1)! + part.lengths.length], [0]);
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
    for (let p = 0; p < parts.length; p++) {
      const own = localOf[p]![id]!;
      if (own < 0) continue;
      const part = parts[p]!;
      const from = part.offsets[own]!;
      const to = part.offsets[own + 1]!;
      const shift = firsts[p]!;
      for (let posting = from; posting < to; posting++) postings[at + posting - from] = part.postings[posting]! + shift;
      if (id < SINGLE_IDS) characterCounts.set(part.characterCounts.subarray(from, to), at);
      else if (to > from) {
        const [start, end] = byteRange(p, own);
        positions.set(part.positions.subarray(start, end), written);
        written += end - start;
      }
      at += to - from;
    }
  }
  const lengths = new Uint32Array(firsts.at(-1)!);
  parts.forEach((part, p) => lengths.set(part.lengths, firsts[p]!));
  return assembleIndex(pairIds, { offsets, postings, characterCounts, positions, lengths });
}
