import { MessageFlags, type ButtonInteraction } from 'discord.js';
import type { Reply } from '../replies/card';
import { toEphemeralMessage, toUpdate, type Components } from './render';
import type { SearchSession } from './search-sessions';

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
