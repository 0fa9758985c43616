import { ActionRowBuilder, ButtonBuilder, ButtonStyle, MessageFlags, type ButtonInteraction, type MessageActionRowComponentBuilder } from 'discord.js';
import type { Article } from '../corpus/article';
import type { Library } from '../library/library';
import { errorReply } from '../replies/card';
import { labelsFor } from '../replies/labels';
import { replyLocaleFor, type ReplyLocale } from '../replies/locale';
import { sourcesReply, type SourcesOf } from '../replies/sources';
import { articleForKey, customIdFor } from './article-custom-id';
import type { CommandContext } from './command';
import { mustDefer } from './deferral';
import { pagingButtons, toEphemeralMessage, toMessage, toUpdate } from './render';

/**
 * The Sources button under /participants and /summary, and the pages it opens. Its custom ids start
 * with the name of the command that drew it, which is also what the sources are of, so the router
 * brings every press back to that command:
 *   `participants:sources:<article>`            opens page 1 as a new ephemeral message, for whoever presses;
 *   `participants:sources-page:<n>:<article>`   turns that message to page n in place.
 * Only the presser sees the pages, so anyone may press and no one else can turn them.
 */
const OPEN = 'sources';
const TURN = 'sources-page';

type Row = ActionRowBuilder<MessageActionRowComponentBuilder>;

/** The row with the Sources button for an article's answer, labelled for the asker. */
export function sourcesButtonRow(of: SourcesOf, articleId: string, locale: ReplyLocale): Row {
  return new ActionRowBuilder<MessageActionRowComponentBuilder>().addComponents(
    new ButtonBuilder().setCustomId(customIdFor(`${of}:${OPEN}:`, articleId)).setLabel(labelsFor(locale).sources).setStyle(ButtonStyle.Secondary),
  );
}

/** Answers a press of the Sources button or of its pages' Previous and Next, in the presser's locale. */
export async function answerSourcesButton(interaction: ButtonInteraction, { library }: CommandContext, of: SourcesOf, [action = '', ...rest]: readonly string[]): Promise<void> {
  if (action !== OPEN && action !== TURN) throw new Error(`no handler for button ${interaction.customId}`);
  const locale = replyLocaleFor(interaction.locale);
  const turning = action === TURN;
  const page = turning ? Number.parseInt(rest[0] ?? '', 10) || 0 : 0;
  // Article ids may hold colons, which the router split on.
  const article = articleForKey(library, (turning ? rest.slice(1) : rest).join(':'));
  if (!article) {
    await interaction.reply(toMessage(errorReply(labelsFor(locale).sourcesGone)));
    return;
  }
  // A long article may take seconds to analyse the first time: Discord is told the answer is coming.
  const slow = await mustDefer(library, article);
  if (slow) await (turning ? interaction.deferUpdate() : interaction.deferReply({ flags: MessageFlags.Ephemeral }));
  const { reply, rows } = await sourcesPage(library, of, article, page, locale);
  if (slow) await interaction.editReply(toUpdate(reply, rows));
  else if (turning) await interaction.update(toUpdate(reply, rows));
  else await interaction.reply(toEphemeralMessage(reply, rows));
}

/** A page of sources with Previous and Next when there is more than one. */
async function sourcesPage(library: Library, of: SourcesOf, article: Article, page: number, locale: ReplyLocale) {
  const reply = await sourcesReply(library, article.id, of, page, locale);
  const view = reply.page;
  const turnTo = (index: number) => customIdFor(`${of}:${TURN}:${index}:`, article.id);
  const rows = view && view.count > 1 ? [pagingButtons(turnTo(view.index - 1), turnTo(view.index + 1), labelsFor(locale), view)] : [];
  return { reply, rows };
}
