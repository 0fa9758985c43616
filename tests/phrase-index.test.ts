import { describe, expect, it } from 'vitest';
import { occurrences } from '../src/search/phrase';
import { pairsToRead, PhraseIndex } from '../src/search/phrase-index';
import { buildIndexLists } from '../src/search/index-build';
import { mergePhraseIndexes, packRun } from '../src/search/index-merge';

/** A small deterministic generator, so that failures repeat. */
function generator(seed: number) {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
}

function scan(texts: readonly string[], needle: string) {
  return texts.flatMap((text, document) => {
    const starts = occurrences(text, needle);
    return starts.length ? [[document, starts.length, starts[0]!]] : [];
  });
}

function found(index: PhraseIndex, needle: string, within?: Uint32Array) {
  const { documents, counts, firstStart } = index.find(needle, within);
  return Array.from(documents, (document, at) => [document, counts[at]!, firstStart(at)]);
}

describe('PhraseIndex', () => {
  it('gives the same documents, counts and first starts as a scan, on texts full of repeats', () => {
    const random = generator(7);
    // A tiny alphabet makes overlapping runs (AAA, ABAB) and surrogate pairs common.
    const alphabet = ['党', '员', '先', '行', 'a', '𠀀', '党'];
    const pick = () => alphabet[Math.floor(random() * alphabet.length)]!;
    const texts = Array.from({ length: 200 }, () => Array.from({ length: Math.floor(random() * 60) }, pick).join(''));
    const index = PhraseIndex.build(texts);
    for (let trial = 0; trial < 400; trial++) {
      const needle = Array.from({ length: 1 + Math.floor(random() * 7) }, pick).join('');
      expect(found(index, needle), needle).toEqual(scan(texts, needle));
    }
  });

  it('looks only among the documents it is given, when given some', () => {
    const random = generator(13);
    const alphabet = ['党', '员', '先', '行', '𠀀'];
    const pick = () => alphabet[Math.floor(random() * alphabet.length)]!;
    const texts = Array.from({ length: 300 }, () => Array.from({ length: Math.floor(random() * 80) }, pick).join(''));
    const index = PhraseIndex.build(texts);
    for (let trial = 0; trial < 200; trial++) {
      const needle = Array.from({ length: 1 + Math.floor(random() * 4) }, pick).join('');
      // From none to every document, including some that do not hold the needle.
      const within = Uint32Array.from(texts.keys()).filter(() => random() < trial / 200);
      const among = new Set(within);
      expect(found(index, needle, within), needle).toEqual(scan(texts, needle).filter(([document]) => among.has(document!)));
      expect(index.documentCount(needle), needle).toBe(scan(texts, needle).length);
      expect(Array.from(index.documentsWith(needle, within)).filter(document => among.has(document))).toEqual(Array.from(within).filter(document => texts[document]!.includes(needle)));
    }
  });

  it('reads positions for pairs that pin every character of the needle, no more', () => {
    expect([1, 2, 3, 4, 5, 8].map(pairsToRead)).toEqual([[0], [0, 1], [0, 2], [0, 2, 3], [0, 2, 4], [0, 2, 4, 6, 7]]);
  });

  it('gives the same answers over long texts, where positions take several bytes and lists many skips', () => {
    const random = generator(11);
    const alphabet = ['改', '革', '发', '展', '稳', '定'];
    const pick = () => alphabet[Math.floor(random() * alphabet.length)]!;
    // Positions past 2^14 take three bytes; a few hundred documents put many skips in every pair's list.
    const texts = Array.from({ length: 300 }, (_, document) => Array.from({ length: document % 50 === 0 ? 40_000 : 1 + Math.floor(random() * 200) }, pick).join(''));
    const index = PhraseIndex.build(texts);
    for (let trial = 0; trial < 60; trial++) {
      const needle = Array.from({ length: 2 + Math.floor(random() * 4) }, pick).join('');
      expect(found(index, needle), needle).toEqual(scan(texts, needle));
    }
  });

  it('gives the same answers merged from runs built apart as built whole', () => {
    const random = generator(5);
    const alphabet = ['改', '革', '发', '展', '稳', '定', '𠀀'];
    const pick = () => alphabet[Math.floor(random() * alphabet.length)]!;
    const texts = Array.from({ length: 240 }, (_, document) => Array.from({ length: document % 60 === 0 ? 20_000 : Math.floor(random() * 120) }, pick).join(''));
    // Runs of unequal lengths, one of them empty of pairs, as the last run of a corpus may be.
    const runs = [texts.slice(0, 7), texts.slice(7, 150), texts.slice(150, 150), texts.slice(150)];
    const merged = new PhraseIndex(mergePhraseIndexes(runs.map(run => packRun(buildIndexLists(run)))), (document, length) => ({ text: texts[document]!.slice(0, length), whole: length >= texts[document]!.length }));
    const whole = PhraseIndex.build(texts);
    expect(merged.lengths).toEqual(whole.lengths);
    for (let trial = 0; trial < 80; trial++) {
      const needle = Array.from({ length: 1 + Math.floor(random() * 4) }, pick).join('');
      expect(found(merged, needle), needle).toEqual(found(whole, needle));
    }
  });

  it('counts non-overlapping occurrences, left to right', () => {
    const index = PhraseIndex.build(['党党党党党', '党员党员党', '先行']);
    expect(found(index, '党党')).toEqual([[0, 2, 0]]);
    expect(found(index, '党员党')).toEqual([[1, 1, 0]]);
    expect(found(index, '党')).toEqual([
      [0, 5, 0],
      [1, 3, 0],
    ]);
  });

  it('counts a character past what its kept count can hold by reading the text', () => {
    const index = PhraseIndex.build([`${'的'.repeat(300)}话`, '说的话', '话'.repeat(255)]);
    expect(found(index, '的')).toEqual([
      [0, 300, 0],
      [1, 1, 1],
    ]);
    expect(found(index, '话')).toEqual([
      [0, 1, 300],
      [1, 1, 2],
      [2, 255, 0],
    ]);
    expect(Array.from(index.documentsWith('的'))).toEqual([0, 1]);
    expect(Array.from(index.documentsWith('说的'))).toEqual([1]);
  });

  it('finds nothing for an empty needle or a pair no text holds', () => {
    const index = PhraseIndex.build(['党员先行']);
    expect(found(index, '')).toEqual([]);
    expect(found(index, '员党')).toEqual([]);
    expect(found(index, '党员先行了')).toEqual([]);
  });

  it('answers the same when restored from its arrays', () => {
    const texts = ['改革发展', '发展改革改革', '稳定'];
    const restored = new PhraseIndex(PhraseIndex.build(texts).data, (document, length) => ({ text: texts[document]!.slice(0, length), whole: length >= texts[document]!.length }));
    expect(found(restored, '改革')).toEqual([
      [0, 1, 0],
      [1, 2, 2],
    ]);
  });
});
