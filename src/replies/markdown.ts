/**
 * Discord markdown for text that comes from users and articles: escaped so that `**`, `||`, backticks,
 * headings (`#`, `##`, `###`), subtext (`-#`), lists, quotes and links in it cannot reshape a reply.
 * Escaped brackets are enough to break a masked link, so the parentheses that articles are full of
 * (中心組(擴大)學習會) stay as they are.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\*_~`|[\]<>]/g, match => `\\${match}`)
    .replace(/^(\s*)(#+|-#|[>-]|\d+\.)(?=\s)/gm, (_, space: string, marker: string) => `${space}\\${marker}`)
    .replace(/(https?):\/\//gi, '$1:\u200b//');
}

/**
 * Text shown as inline code, such as an article id. Nothing can be escaped inside a code span, and a
 * backtick or a line break would end it, so those become an apostrophe and a space.
 */
export function codeSpan(text: string): string {
  return `\`${text.replace(/`/g, "'").replace(/\r\n|[\n\r\u0085\u2028\u2029]/g, ' ')}\``;
}

export function bold(text: string): string {
  return `**${text}**`;
}
