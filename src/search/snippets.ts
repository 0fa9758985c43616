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

/**
 * Keyword-in-context snippets for mentions at the given source ranges, in the article's own words.
 * Mentions whose windows overlap share a snippet; a window stops at a paragraph break.
 */
export function buildSnippets(text: string, mentions: readonly (readonly [number, number])[], options: SnippetOptions): Snippet[] {
  const snippets: Snippet[] = [];
  let current: { start: number; end: number; highlights: [number, number][] } | null = null;
  const flush = () => {
    if (!current) return;
    const { start, end } = current;
    snippets.push({
      text: text.slice(start, end),
      highlights: current.highlights.map(([s, e]) => [s - start, e - start] as const),
      clippedStart: start > 0 && text[start - 1] !== '\n',
      clippedEnd: end < text.length && text[end] !== '\n',
    });
    current = null;
  };

  for (const [matchStart, matchEnd] of mentions) {
    const windowStart = Math.max(paragraphStart(text, matchStart), matchStart - options.context);
    const windowEnd = Math.min(paragraphEnd(text, matchEnd), matchEnd + options.context);
    const maxLength = 2 * options.context + (matchEnd - matchStart) * 3;
    if (current && windowStart <= current.end && windowEnd - current.start <= maxLength) {
      current.end = Math.max(current.end, windowEnd);
      current.highlights.push([matchStart, matchEnd]);
      continue;
    }
    // A dense run of mentions is cut into several snippets rather than one paragraph-long one.
    const start: number = current && windowStart < current.end ? current.end : windowStart;
    flush();
    if (snippets.length >= options.maxSnippets) break;
    current = { start: avoidSplitPair(text, start), end: avoidSplitPair(text, windowEnd), highlights: [[matchStart, matchEnd]] };
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

/** Moves a cut off the middle of a surrogate pair. */
function avoidSplitPair(text: string, index: number): number {
  const code = text.charCodeAt(index);
  return code >= 0xdc00 && code <= 0xdfff && index > 0 ? index - 1 : index;
}
