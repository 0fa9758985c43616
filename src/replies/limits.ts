/** Discord's limits on what one message may carry, in one place. */
export const DISCORD_LIMITS = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  embedTotal: 6000,
  embedsPerMessage: 10,
  autocompleteChoices: 25,
  choiceName: 100,
  optionValue: 100,
  customId: 100,
  /** What a bot may attach to one message without a boosted server: 10 MiB. */
  attachmentBytes: 10 * 1024 * 1024,
} as const;

/** Cuts text to at most max UTF-16 units (Discord counts those), at a character boundary, with an ellipsis. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  // Never leave a dangling escape or an unclosed bold marker behind.
  let cut = text.slice(0, end);
  while (cut.endsWith('\\')) cut = cut.slice(0, -1);
  if ((cut.match(/(?<!\\)\*\*/g)?.length ?? 0) % 2 === 1) cut = cut.slice(0, cut.lastIndexOf('**'));
  return `${cut}…`;
}
