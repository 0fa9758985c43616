import { MessageFlags, type ActionRowBuilder, type ButtonInteraction, type ChatInputCommandInteraction, type MessageActionRowComponentBuilder } from 'discord.js';
import type { Reply } from '../replies/card';
import { toEphemeralMessage, toMessage, toUpdate, type Components } from './render';
import type { SearchSession, SearchSessions } from './search-sessions';

type PageView = { index: number; count: number };
/** The buttons under a paged answer, which name its session; greyed out once the session ends. */
type SessionButtons = (sessionId: string, view: PageView, disabled?: boolean) => ActionRowBuilder<MessageActionRowComponentBuilder>;

/** Sends a paged answer with its buttons, opening the session they name. */
export async function replyWithSession(
  interaction: ChatInputCommandInteraction,
  sessions: SearchSessions,
  reply: Reply & { page: PageView },
  request: Pick<SearchSession, 'query' | 'options' | 'articleId'>,
  buttons: SessionButtons,
): Promise<void> {
  const view = { ...reply.page };
  const sessionId = sessions.open(id => ({
    ...request,
    userId: interaction.user.id,
    view,
    disableButtons: () => interaction.editReply({ components: [buttons(id, view, true)] }),
  }));
  await interaction.reply(toMessage(reply, [buttons(sessionId, view)]));
}

/**
 * Answers Previous or Next under a paged answer (/search, /read). Anyone may press: the asker's presses
 * turn the reply itself; anyone else's open their own ephemeral copy at that page, in their own
 * language, and presses in such a copy (only ever by whoever it was opened for) turn it in place.
 */
export async function answerPagePress(interaction: ButtonInteraction, session: SearchSession, reply: Reply, rows: Components): Promise<void> {
  const ownCopy = interaction.message.flags.has(MessageFlags.Ephemeral);
  if (!ownCopy && session.userId !== interaction.user.id) {
    await interaction.reply(toEphemeralMessage(reply, rows));
    return;
  }
  // Only the asker's reply is greyed out when the session ends, so only its page is kept.
  if (!ownCopy && reply.page) session.view.index = reply.page.index;
  await interaction.update(toUpdate(reply, rows));
}
