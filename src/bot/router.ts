import { DiscordAPIError, RESTJSONErrorCodes, type Interaction, type RepliableInteraction } from 'discord.js';
import { log } from '../log';
import { errorReply } from '../replies/card';
import { labelsFor } from '../replies/labels';
import { replyLocaleFor } from '../replies/locale';
import type { CommandContext, SlashCommand } from '../discord/command';
import type { Cooldown } from './cooldown';
import { toMessage, toUpdate } from '../discord/render';

/** Errors that mean Discord no longer wants an answer: logged as warnings, never fatal. */
const STALE_INTERACTION_CODES: ReadonlySet<unknown> = new Set([RESTJSONErrorCodes.UnknownInteraction, RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged]);

/**
 * The one interactionCreate handler: slash commands, autocomplete, buttons and select menus go to the
 * command that owns them. A failure is logged and answered ephemerally; it never escapes to crash the process.
 */
export function createRouter(commands: ReadonlyMap<string, SlashCommand>, context: CommandContext, cooldown: Cooldown) {
  return async function route(interaction: Interaction): Promise<void> {
    try {
      // Autocomplete fires at every keystroke and answers from memory: only commands and buttons count.
      if ((interaction.isChatInputCommand() || interaction.isButton() || interaction.isStringSelectMenu()) && (await refusedForSpeed(interaction, cooldown))) return;
      if (interaction.isChatInputCommand()) {
        const command = commands.get(interaction.commandName);
        if (!command) throw new Error(`no handler for /${interaction.commandName}`);
        await command.execute(interaction, context);
      } else if (interaction.isAutocomplete()) {
        await commands.get(interaction.commandName)?.autocomplete?.(interaction, context);
      } else if (interaction.isButton()) {
        const [name = '', ...args] = interaction.customId.split(':');
        const command = commands.get(name);
        if (!command?.button) throw new Error(`no handler for button ${interaction.customId}`);
        await command.button(interaction, context, args);
      } else if (interaction.isStringSelectMenu()) {
        const [name = '', ...args] = interaction.customId.split(':');
        const command = commands.get(name);
        if (!command?.select) throw new Error(`no handler for select menu ${interaction.customId}`);
        await command.select(interaction, context, args);
      }
    } catch (error) {
      await reportFailure(interaction, error);
    }
  };
}

async function refusedForSpeed(interaction: RepliableInteraction, cooldown: Cooldown): Promise<boolean> {
  const wait = cooldown.take(interaction.user.id);
  if (wait === 0) return false;
  log.warn(`${describeInteraction(interaction)}: user ${interaction.user.id} is over ${cooldown.limit} commands in ${cooldown.windowMs / 1000} s`);
  await interaction.reply(toMessage(errorReply(labelsFor(replyLocaleFor(interaction.locale)).slowDown(Math.ceil(wait / 1000)))));
  return true;
}

async function reportFailure(interaction: Interaction, error: unknown): Promise<void> {
  const where = describeInteraction(interaction);
  if (isStale(error)) {
    log.warn(`${where}: Discord no longer accepts an answer (${(error as DiscordAPIError).code})`);
    return;
  }
  log.error(`${where} failed`, error);
  if (!interaction.isRepliable()) return;
  try {
    await answerWithError(interaction, labelsFor(replyLocaleFor(interaction.locale)).failure);
  } catch (secondError) {
    if (isStale(secondError)) log.warn(`${where}: could not tell the user about the failure (${(secondError as DiscordAPIError).code})`);
    else log.error(`${where}: could not tell the user about the failure`, secondError);
  }
}

async function answerWithError(interaction: RepliableInteraction, message: string): Promise<void> {
  const reply = errorReply(message);
  if (interaction.deferred && !interaction.replied) await interaction.editReply(toUpdate(reply));
  else if (interaction.replied) await interaction.followUp(toMessage(reply));
  else await interaction.reply(toMessage(reply));
}

function isStale(error: unknown): boolean {
  return error instanceof DiscordAPIError && STALE_INTERACTION_CODES.has(error.code);
}

function describeInteraction(interaction: Interaction): string {
  if (interaction.isChatInputCommand() || interaction.isAutocomplete()) return `/${interaction.commandName}${interaction.isAutocomplete() ? ' autocomplete' : ''}`;
  if (interaction.isButton()) return `button ${interaction.customId}`;
  if (interaction.isStringSelectMenu()) return `select menu ${interaction.customId}`;
  return `interaction ${interaction.id}`;
}
