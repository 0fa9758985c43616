/**
 * Where the words of a fixed list occur in a text, found once, so that "does text[from, to) hold one of
 * them?" is answered in constant time. It answers exactly what `text.slice(from, to).includes(word)`
 * for some word would, without reading the range: asked for every name in a clause that runs for pages
 * (text without punctuation), the scans would make analysis quadratic.
 */
const NONE = 2 ** 31 - 1;

export class WordPositions {
  /** For each index, the smallest end of an occurrence starting there or later; NONE if there is none. */
  private readonly firstEndFrom: Int32Array;

  constructor(text: string, words: readonly string[]) {
    const length = text.length;
    const ends = new Int32Array(length + 1).fill(NONE);
    for (const word of words) {
      if (word === '') continue;
      for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) ends[at] = Math.min(ends[at]!, at + word.length);
    }
    for (let index = length - 1; index >= 0; index--) ends[index] = Math.min(ends[index]!, ends[index + 1]!);
    this.firstEndFrom = ends;
  }

  /** Whether one of the words lies wholly inside text[from, to). */
  within(from: number, to: number): boolean {
    return this.firstEndFrom[Math.min(Math.max(from, 0), this.firstEndFrom.length - 1)]! <= to;
  }
}
