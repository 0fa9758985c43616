/**
 * The order of a search's hits, worked out only as far as it is read. The first page of 90,000 hits
 * needs the best five, not all of them sorted: the best are picked with a bounded heap, in time linear in
 * the hits, and only they are sorted. Reading past what is ranked ranks at least twice as far again, so
 * turning page after page stays cheap; reading most of it (an export) sorts the rest once.
 */
const FIRST_BATCH = 50;

/**
 * A number per item that the order follows first (values[item], highest first when descending), so
 * that picking the best compares numbers and asks the comparator only when two tie: most of 200,000
 * hits are passed over without a call through a site that sees every order there is.
 */
export interface LeadingKey {
  readonly values: ArrayLike<number>;
  readonly descending: boolean;
}

export class LazyRanking {
  private readonly order: Uint32Array;
  /** order[0, ranked) holds the best items in their final order; the rest are unordered. */
  private ranked = 0;

  /**
   * `compare` must be a total order (ties broken to the end), so that every partial ranking agrees with
   * a full sort; and it must order by `leading` first, when given.
   */
  constructor(
    items: Uint32Array,
    private readonly compare: (a: number, b: number) => number,
    private readonly leading?: LeadingKey,
  ) {
    this.order = items;
  }

  get size(): number {
    return this.order.length;
  }

  /** The items ranked [from, to), best first. */
  slice(from: number, to: number): Uint32Array {
    this.rankUpTo(Math.min(to, this.order.length));
    return this.order.subarray(from, Math.min(to, this.order.length));
  }

  private rankUpTo(wanted: number): void {
    if (wanted <= this.ranked) return;
    const target = Math.min(this.order.length, Math.max(wanted, this.ranked * 2, FIRST_BATCH));
    const rest = this.order.subarray(this.ranked);
    if (target * 4 >= this.order.length) {
      rest.sort(this.compare);
      this.ranked = this.order.length;
      return;
    }
    const best = target - this.ranked;
    selectBest(rest, best, this.compare, this.leading);
    rest.subarray(0, best).sort(this.compare);
    this.ranked = target;
  }
}

/**
 * Moves the `count` best items of `items` to its front, in no particular order: a heap of the best so far
 * whose root is the worst of them, replaced whenever a better item comes.
 */
function selectBest(items: Uint32Array, count: number, compare: (a: number, b: number) => number, leading: LeadingKey | undefined): void {
  const worse = (i: number, j: number) => compare(items[i]!, items[j]!) > 0;
  const siftDown = (from: number) => siftDownHeap(items, count, from, worse);
  for (let at = (count >> 1) - 1; at >= 0; at--) siftDown(at);
  // The rest is visited in a scrambled order: hits come in corpus order, which is often date order, and
  // newest first would then replace the heap's root at every step.
  const rest = items.length - count;
  // The stride taken modulo the rest, and each place from the last: integer steps, never a product past 2^32.
  const step = (STRIDES.find(stride => rest % stride !== 0) ?? 1) % Math.max(1, rest);
  const values = leading?.values;
  const sign = leading?.descending ? -1 : 1;
  // An item whose leading number is behind the count-th best there is cannot be among the best: it is
  // passed over without a comparison, and ties (which call the comparator) come only at that number.
  const least = values && count > 0 ? sign * nthBestValue(items, count, values, leading.descending) : Infinity;
  for (let visit = 0, place = 0; visit < rest; visit++, place = place + step >= rest ? place + step - rest : place + step) {
    const at = count + place;
    if (values) {
      if (sign * values[items[at]!]! > least) continue;
      const behind = sign * (values[items[at]!]! - values[items[0]!]!);
      if (behind > 0 || (behind === 0 && compare(items[at]!, items[0]!) >= 0)) continue;
    } else if (compare(items[at]!, items[0]!) >= 0) continue;
    [items[0], items[at]] = [items[at]!, items[0]!];
    siftDown(0);
  }
}

/**
 * The n-th best of the items' values (highest first when descending; there are at least n items): what
 * an item's value must reach for it to be among the n best. Numbers alone, in a heap of the n best so
 * far whose root is the worst of them.
 */
export function nthBestValue(items: Uint32Array, n: number, values: ArrayLike<number>, descending: boolean): number {
  // Lower is better here whichever way the values are ordered.
  const sign = descending ? -1 : 1;
  const best = Float64Array.from(items.subarray(0, n), item => sign * values[item]!);
  const worse = (i: number, j: number) => best[i]! > best[j]!;
  for (let at = (n >> 1) - 1; at >= 0; at--) siftDownHeap(best, n, at, worse);
  for (let at = n; at < items.length; at++) {
    const key = sign * values[items[at]!]!;
    if (key >= best[0]!) continue;
    best[0] = key;
    siftDownHeap(best, n, 0, worse);
  }
  return sign * best[0]!;
}

/** Moves the entry at `from` down a heap of `size` entries whose root is the worst, until its children are no worse. */
function siftDownHeap(heap: Uint32Array | Float64Array, size: number, from: number, worse: (i: number, j: number) => boolean): void {
  let at = from;
  for (;;) {
    const left = 2 * at + 1;
    const right = left + 1;
    let worst = at;
    if (left < size && worse(left, worst)) worst = left;
    if (right < size && worse(right, worst)) worst = right;
    if (worst === at) return;
    [heap[at], heap[worst]] = [heap[worst]!, heap[at]!];
    at = worst;
  }
}

/** Primes: a stride that does not divide the count visits every place once. */
const STRIDES = [1_000_003, 7919];
