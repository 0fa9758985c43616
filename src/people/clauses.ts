/**
 * Clause and sentence boundaries of a folded text, computed once so that every question about "the
 * clause around this name" is answered without rescanning: analysis stays linear in the text's length.
 */

const CLAUSE_END = /[，。；：,;:!?！？\n]/u;
const SENTENCE_END = /[。；;!?！？\n]/u;

export class Clauses {
  private readonly clauseStarts: Int32Array;
  private readonly clauseEnds: Int32Array;
  private readonly sentenceStarts: Int32Array;
  private readonly sentenceEnds: Int32Array;
  private readonly lineStarts: Int32Array;

  constructor(readonly text: string) {
    const length = text.length;
    this.clauseStarts = new Int32Array(length + 1);
    this.sentenceStarts = new Int32Array(length + 1);
    this.clauseEnds = new Int32Array(length + 1);
    this.sentenceEnds = new Int32Array(length + 1);
    this.lineStarts = new Int32Array(length + 1);
    let clause = 0;
    let sentence = 0;
    let line = 0;
    for (let index = 0; index <= length; index++) {
      this.clauseStarts[index] = clause;
      this.sentenceStarts[index] = sentence;
      this.lineStarts[index] = line;
      const character = text[index] ?? '';
      if (CLAUSE_END.test(character)) clause = index + 1;
      if (SENTENCE_END.test(character)) sentence = index + 1;
      if (character === '\n') line = index + 1;
    }
    let clauseEnd = length;
    let sentenceEnd = length;
    for (let index = length; index >= 0; index--) {
      const character = text[index] ?? '';
      if (CLAUSE_END.test(character)) clauseEnd = index;
      if (SENTENCE_END.test(character)) sentenceEnd = index;
      this.clauseEnds[index] = clauseEnd;
      this.sentenceEnds[index] = sentenceEnd;
    }
  }

  /** Start of the clause that holds index (just after the comma or stop before it). */
  clauseStart(index: number): number {
    return this.clauseStarts[Math.min(index, this.text.length)]!;
  }

  /** End of the clause that holds index (the comma or stop that closes it, or the text's end). */
  clauseEnd(index: number): number {
    return this.clauseEnds[Math.min(index, this.text.length)]!;
  }

  sentenceStart(index: number): number {
    return this.sentenceStarts[Math.min(index, this.text.length)]!;
  }

  sentenceEnd(index: number): number {
    return this.sentenceEnds[Math.min(index, this.text.length)]!;
  }

  /** Start of the line (paragraph) that holds index. */
  lineStart(index: number): number {
    return this.lineStarts[Math.min(index, this.text.length)]!;
  }

  isClauseStart(index: number): boolean {
    return this.clauseStart(index) === index;
  }
}
