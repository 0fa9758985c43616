import { fold } from '../text/fold';

/**
 * Ids completed from their start, or from the start of any part after a hyphen or underscore (d409
 * finds 001_d409caa5): a sorted list of those starts, searched by bisection. Ids need no fuzziness, and
 * as one unique term each they are the costliest entries minisearch could hold (a tree node and a map
 * apiece), so they are kept apart from it.
 */
const SEPARATOR = /[-_~.:/]/u;

export class IdIndex {
  private readonly starts: string[] = [];
  private readonly positions: number[] = [];

  constructor(ids: readonly string[]) {
    const entries: [string, number][] = [];
    ids.forEach((id, position) => {
      const folded = fold(id);
      entries.push([folded, position]);
      for (let at = 0; at < folded.length; at++) if (SEPARATOR.test(folded[at]!) && at + 1 < folded.length) entries.push([folded.slice(at + 1), position]);
    });
    entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
    for (const [start, position] of entries) {
      this.starts.push(start);
      this.positions.push(position);
    }
  }

  /** Positions of up to `limit` ids that start, or have a part that starts, with the typed text; in id order. */
  withPrefix(typed: string, limit: number): number[] {
    const prefix = fold(typed);
    if (prefix === '') return [];
    let low = 0;
    let high = this.starts.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.starts[middle]! < prefix) low = middle + 1;
      else high = middle;
    }
    const found = new Set<number>();
    for (let at = low; at < this.starts.length && found.size < limit && this.starts[at]!.startsWith(prefix); at++) found.add(this.positions[at]!);
    return [...found];
  }
}
