/**
 * A fixed list of words indexed by their first character, so that "which word of the list starts at
 * this index?" costs a look-up and a few comparisons instead of a pass over the whole list: the name and
 * title rules ask it at nearly every character of a text.
 */
export class WordIndex {
  private readonly byFirst = new Map<string, string[]>();

  constructor(words: Iterable<string>) {
    for (const word of new Set(words)) {
      if (word === '') continue;
      const sharing = this.byFirst.get(word[0]!);
      if (sharing) sharing.push(word);
      else this.byFirst.set(word[0]!, [word]);
    }
    for (const sharing of this.byFirst.values()) sharing.sort((a, b) => b.length - a.length);
  }

  /** The longest word of the list that starts at index in text, if any. */
  at(text: string, index: number): string | undefined {
    return this.byFirst.get(text[index] ?? '')?.find(word => text.startsWith(word, index));
  }
}
