import { ActionRowBuilder, ButtonBuilder, ButtonStyle, EmbedBuilder, MessageFlags, type InteractionReplyOptions, type InteractionUpdateOptions, type MessageActionRowComponentBuilder } from 'discord.js';
import type { Reply } from '../replies/card';
import { DISCORD_LIMITS, truncate } from '../replies/limits';

/** Nothing a user types or an article says may ping anyone. */
export const NO_MENTIONS = { parse: [] as never[], repliedUser: false };

const EMBED_COLOR = 0xb22222;

export type Components = ActionRowBuilder<MessageActionRowComponentBuilder>[];

/** A reply as Discord message options: embeds inside Discord's limits, no mentions, errors ephemeral. */
export function toMessage(reply: Reply, components: Components = []): InteractionReplyOptions {
  const { embeds, allowedMentions } = toUpdate(reply, components);
  return { embeds, components, allowedMentions, ...(reply.error ? { flags: MessageFlags.Ephemeral as const } : {}) };
}

/** The same, for editing a message in place (a message cannot become ephemeral afterwards). */
export function toUpdate(reply: Reply, components: Components = []): InteractionUpdateOptions & { embeds: EmbedBuilder[] } {
  const embeds = reply.cards.slice(0, DISCORD_LIMITS.embedsPerMessage).map(card => {
    const embed = new EmbedBuilder().setColor(EMBED_COLOR);
    if (card.title) embed.setTitle(truncate(card.title, DISCORD_LIMITS.embedTitle));
    if (card.description) embed.setDescription(truncate(card.description, DISCORD_LIMITS.embedDescription));
    const fields = card.fields.slice(0, DISCORD_LIMITS.embedFields).map(field => ({
      name: truncate(field.name || '\u200b', DISCORD_LIMITS.fieldName),
      value: truncate(field.value || '\u200b', DISCORD_LIMITS.fieldValue),
    }));
    if (fields.length) embed.addFields(fields);
    if (card.footer) embed.setFooter({ text: truncate(card.footer, DISCORD_LIMITS.footer) });
    if (card.image) embed.setImage(`attachment://${card.image}`);
    return embed;
  });
  return { embeds: fitTotal(embeds), components, allowedMentions: NO_MENTIONS };
}

/** A reply only the one who asked sees, whatever it says. */
export function toEphemeralMessage(reply: Reply, components: Components = []): InteractionReplyOptions {
  return { ...toMessage(reply, components), flags: MessageFlags.Ephemeral };
}

/** Drops trailing fields, then trailing embeds, until the message is within Discord's 6,000-character total. */
function fitTotal(embeds: EmbedBuilder[]): EmbedBuilder[] {
  const size = () => embeds.reduce((sum, embed) => sum + embedLength(embed), 0);
  while (size() > DISCORD_LIMITS.embedTotal) {
    const last = embeds[embeds.length - 1]!;
    const fields = last.data.fields ?? [];
    if (fields.length > 0) last.spliceFields(fields.length - 1, 1);
    else if (embeds.length > 1) embeds.pop();
    else last.setDescription(truncate(last.data.description ?? '', Math.max(1, (last.data.description?.length ?? 0) - (size() - DISCORD_LIMITS.embedTotal))));
  }
  return embeds;
}

export function embedLength(embed: EmbedBuilder): number {
  const data = embed.data;
  return (
    (data.title?.length ?? 0) +
    (data.description?.length ?? 0) +
    (data.footer?.text.length ?? 0) +
    (data.author?.name.length ?? 0) +
    (data.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0)
  );
}

export function pagingButtons(previousId: string, nextId: string, labels: { previous: string; next: string }, page: { index: number; count: number }, disabled = false): ActionRowBuilder<MessageActionRowComponentBuilder> {
  return new ActionRowBuilder<MessageActionRowComponentBuilder>().addComponents(
    new ButtonBuilder()
      .setCustomId(previousId)
      .setLabel(labels.previous)
      .setStyle(ButtonStyle.Secondary)
      .setDisabled(disabled || page.index === 0),
    new ButtonBuilder()
      .setCustomId(nextId)
      .setLabel(labels.next)
      .setStyle(ButtonStyle.Secondary)
      .setDisabled(disabled || page.index >= page.count - 1),
  );
}

/**
 * The row under a paged answer that can be exported (/search, /person): Previous and Next when there
 * are several pages, and Export; custom ids `<command>:<session>:<page>` and `<command>:<session>:export`.
 */
export function pagingExportRow(command: string, sessionId: string, view: { index: number; count: number }, labels: { previous: string; next: string; exportButton: string }, disabled = false): ActionRowBuilder<MessageActionRowComponentBuilder> {
  const exportButton = new ButtonBuilder().setCustomId(`${command}:${sessionId}:${EXPORT_ACTION}`).setLabel(labels.exportButton).setStyle(ButtonStyle.Primary).setDisabled(disabled);
  const row = pagingButtons(`${command}:${sessionId}:${view.index - 1}`, `${command}:${sessionId}:${view.index + 1}`, labels, view, disabled);
  if (view.count < 2) row.setComponents(exportButton);
  else row.addComponents(exportButton);
  return row;
}

/** The action of an Export button's custom id. */
export const EXPORT_ACTION = 'export';

