import { describe, expect, it } from 'vitest';
import { LazyRanking } from '../src/search/ranking';

/** A small deterministic generator, so that failures repeat. */
function generator(seed: number) {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
}

describe('LazyRanking', () => {
  it('orders by a leading number rising as well as falling', () => {
    const random = generator(3);
    // Days of one year, many shared, as dated hits have them.
    const days = Array.from({ length: 3000 }, () => 20240101 + Math.floor(random() * 365));
    const compare = (a: number, b: number) => days[a]! - days[b]! || a - b;
    const items = Uint32Array.from(days.keys());
    const sorted = Array.from(items).sort(compare);
    const ranking = new LazyRanking(Uint32Array.from(items), compare, { values: days, descending: false });
    expect(Array.from(ranking.slice(0, 5))).toEqual(sorted.slice(0, 5));
    expect(Array.from(ranking.slice(100, 300))).toEqual(sorted.slice(100, 300));
  });

  it('asks the comparator only about items whose leading number can be among the best', () => {
    // 9,950 hits of one mention and 50 of five, last: the comparator breaks ties by folding texts.
    const keys = Array.from({ length: 10_000 }, (_, item) => (item >= 9_950 ? 5 : 1));
    let calls = 0;
    const compare = (a: number, b: number) => {
      calls++;
      return keys[b]! - keys[a]! || a - b;
    };
    const ranking = new LazyRanking(Uint32Array.from(keys.keys()), compare, { values: keys, descending: true });
    expect(Array.from(ranking.slice(0, 5))).toEqual([9_950, 9_951, 9_952, 9_953, 9_954]);
    // Heaping and sorting the first batch of fifty, not one call for each hit that ties at one mention.
    expect(calls).toBeLessThan(1_000);
  });

  it('gives every slice exactly as a full sort orders it, however far and in whatever order it is read', () => {
    const random = generator(11);
    for (const size of [0, 1, 7, 49, 50, 51, 199, 1000, 5000]) {
      // Few distinct keys, so that most comparisons tie and the tie-break decides.
      const keys = Array.from({ length: size }, () => Math.floor(random() * 5));
      const compare = (a: number, b: number) => keys[b]! - keys[a]! || a - b;
      const items = Uint32Array.from({ length: size }, (_, item) => item);
      const sorted = Array.from(items).sort(compare);
      // Alone, and with the keys given as the number it orders by first.
      for (const ranking of [new LazyRanking(Uint32Array.from(items), compare), new LazyRanking(Uint32Array.from(items), compare, { values: keys, descending: true })]) {
        const reads = [[0, 5], [5, 10], [200, 205], [0, 5], [60, 65], [size - 5, size + 5], [0, size]];
        for (const [from, to] of reads) expect(Array.from(ranking.slice(Math.max(0, from!), to!)), `${size}: ${from}-${to}`).toEqual(sorted.slice(Math.max(0, from!), to));
        expect(ranking.size).toBe(size);
      }
    }
  });
});
