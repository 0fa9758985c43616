import type { Reply } from '../replies/card';

/**
 * A reply as terminal text: the same words as the Discord embed. Bold shows as bold on a terminal and
 * keeps its ** markers when piped, so that mentions stay visible; markdown escapes are removed.
 */
export function renderForTerminal(reply: Reply, color: boolean): string {
  const blocks = reply.cards.map(card => {
    const lines: string[] = [];
    if (card.title) lines.push(emphasis(`**${card.title}**`, color));
    if (card.description) lines.push(emphasis(card.description, color));
    for (const field of card.fields) lines.push('', emphasis(`**${field.name}**`, color), emphasis(field.value, color));
    if (card.footer) lines.push('', emphasis(card.footer, color));
    return lines.join('\n');
  });
  return blocks.join('\n\n');
}

function emphasis(markdown: string, color: boolean): string {
  const underlined = markdown.replace(/(?<!\\)__(.+?)(?<!\\)__/gs, color ? '\x1b[4m$1\x1b[24m' : '$1');
  const bolded = color ? underlined.replace(/(?<!\\)\*\*(.+?)(?<!\\)\*\*/gs, '\x1b[1m$1\x1b[22m') : underlined;
  return bolded.replace(/\\([\\*_~`|[\]()<>#>-])/g, '$1').replace(/\\(\d+\.)/g, '$1').replace(/\u200b/g, '');
}
