/**
 * Discord markdown for text that comes from users and articles: escaped so that `**`, `||`, backticks,
 * headings and links in it cannot reshape a reply.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\*_~`|[\]()<>]/g, match => `\\${match}`)
    .replace(/^(\s*)([#>-]|\d+\.)(?=\s)/gm, (_, space: string, marker: string) => `${space}\\${marker}`)
    .replace(/(https?):\/\//gi, '$1:\u200b//');
}

export function bold(text: string): string {
  return `**${text}**`;
}
