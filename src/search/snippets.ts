/** A stretch of an article around one or more mentions; highlights are [start, end) within text. */
export interface Snippet {
  readonly text: string;
  readonly highlights: readonly (readonly [number, number])[];
  readonly clippedStart: boolean;
  readonly clippedEnd: boolean;
}

/** Characters of context shown on each side of a mention, unless a caller needs otherwise. */
export const SNIPPET_CONTEXT = 40;

export interface SnippetOptions {
  /** Characters of context on each side of a mention. */
  readonly context: number;
  readonly maxSnippets: number;
}

/** Characters that end a line on a screen; the cleaned text breaks paragraphs with \n alone. */
const LINE_BREAKS = /[\n\r\v\f\u0085\u2028\u2029]/g;

/**
 * Keyword-in-context snippets for mentions at the given source ranges (ascending, not overlapping), in
 * the article's own words. Mentions whose windows overlap share a snippet; a window stops at a
 * paragraph break. Snippets never overlap, so no text is shown twice, and every mention is highlighted
 * in the snippet whose text holds it.
 */
export function buildSnippets(text: string, mentions: readonly (readonly [number, number])[], options: SnippetOptions): Snippet[] {
  const snippets: Snippet[] = [];
  let current: { start: number; end: number; highlights: [number, number][] } | null = null;
  const flush = () => {
    if (!current) return;
    const { start, end, highlights } = current;
    snippets.push({
      // A window stops at paragraph breaks, so a line break in a snippet lies inside a mention that
      // spans two lines: it reads as a space, which keeps the snippet (and a Discord quote) one line.
      text: text.slice(start, end).replace(LINE_BREAKS, ' '),
      highlights: highlights.map(([s, e]) => [s - start, e - start] as const),
      clippedStart: start > 0 && text[start - 1] !== '\n',
      clippedEnd: end < text.length && text[end] !== '\n',
    });
    current = null;
  };

  for (const [matchStart, matchEnd] of mentions) {
    const windowStart = Math.max(paragraphStart(text, matchStart), matchStart - options.context);
    const windowEnd = avoidSplitPair(text, Math.min(paragraphEnd(text, matchEnd), matchEnd + options.context));
    if (current) {
      const fits = windowEnd - current.start <= 2 * options.context + (matchEnd - matchStart) * 3;
      // A mention the snippet already shows is highlighted there, whether or not its context fits.
      if (matchStart < current.end || (windowStart <= current.end && fits)) {
        current.end = Math.max(current.end, fits ? windowEnd : matchEnd);
        current.highlights.push([matchStart, matchEnd]);
        continue;
      }
    }
    // A dense run of mentions is cut into several snippets rather than one paragraph-long one; the
    // next starts where the last ended, so that nothing is shown twice.
    const start: number = current && windowStart < current.end ? current.end : avoidSplitPair(text, windowStart);
    flush();
    if (snippets.length >= options.maxSnippets) break;
    current = { start, end: windowEnd, highlights: [[matchStart, matchEnd]] };
  }
  flush();
  return snippets;
}

function paragraphStart(text: string, index: number): number {
  return text.lastIndexOf('\n', index - 1) + 1;
}

function paragraphEnd(text: string, index: number): number {
  const end = text.indexOf('\n', index);
  return end < 0 ? text.length : end;
}

/** Moves a cut off the middle of a surrogate pair (a lone surrogate is a character of its own). */
function avoidSplitPair(text: string, index: number): number {
  const low = text.charCodeAt(index);
  const high = text.charCodeAt(index - 1);
  return low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff ? index - 1 : index;
}
