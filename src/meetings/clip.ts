/** Cuts text to at most max characters at the last clause break that fits, else hard, marking the cut. */
export function clipAtClause(text: string, max: number): string {
  const chars = [...text.trim()];
  if (chars.length <= max) return chars.join('');
  const head = chars.slice(0, max).join('');
  const lastBreak = Math.max(head.lastIndexOf('，'), head.lastIndexOf(','), head.lastIndexOf('；'), head.lastIndexOf('、'));
  return `${lastBreak >= max / 2 ? head.slice(0, lastBreak) : head.slice(0, max - 1)}…`;
}
