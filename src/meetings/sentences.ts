/** A sentence of an article, as a [start, end) range of its text. */
export interface Sentence {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * Splits text into sentences at full-width stops and line breaks. ASCII ? and ! end a sentence only
 * before a space or a line break: inside mojibake runs (業績?yōu) they are noise, not stops.
 */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  const boundary = /[。！？]+[”’」』）)]?|[!?](?=\s|$)|\n+/gu;
  let start = 0;
  for (const match of text.matchAll(boundary)) {
    const end = match.index! + match[0].length;
    push(sentences, text, start, end);
    start = end;
  }
  push(sentences, text, start, text.length);
  return sentences;
}

function push(sentences: Sentence[], text: string, start: number, end: number): void {
  const raw = text.slice(start, end);
  const leading = raw.length - raw.trimStart().length;
  const trimmed = raw.trim();
  if (trimmed) sentences.push({ start: start + leading, end: start + leading + trimmed.length, text: trimmed });
}
