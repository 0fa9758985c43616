import type { AutocompleteInteraction, ButtonInteraction, ChatInputCommandInteraction, LocalizationMap, RESTPostAPIChatInputApplicationCommandsJSONBody, StringSelectMenuInteraction } from 'discord.js';
import { ApplicationIntegrationType, InteractionContextType, type SlashCommandBuilder } from 'discord.js';
import type { Library } from '../library/library';
import type { PeopleStatus } from '../library/live-people';
import type { SearchSessions } from './search-sessions';

/** What every command handler may use: the library, the people index and the bot's paging state. */
export interface CommandContext {
  readonly library: Library;
  readonly people: { status(): PeopleStatus };
  readonly sessions: SearchSessions;
}

/**
 * One slash command: its definition for Discord and its handlers. Buttons and select menus whose custom
 * id starts with `<name>:` are routed back to the command that drew them.
 */
export interface SlashCommand {
  readonly data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  execute(interaction: ChatInputCommandInteraction, context: CommandContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, context: CommandContext): Promise<void>;
  button?(interaction: ButtonInteraction, context: CommandContext, args: readonly string[]): Promise<void>;
  select?(interaction: StringSelectMenuInteraction, context: CommandContext, args: readonly string[]): Promise<void>;
}

/** Names and descriptions for Chinese clients; English is the base. */
/**
 * Every command works wherever it is used: installed in a server or by a user for themselves, and run
 * in a server, in a DM with the bot or in a group DM. Replies go through the interaction itself, never
 * a channel the bot may not be in.
 */
export function usableEverywhere(builder: SlashCommandBuilder): SlashCommandBuilder {
  return builder
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall)
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel);
}

export function chinese(simplified: string, traditional: string): LocalizationMap {
  return { 'zh-CN': simplified, 'zh-TW': traditional };
}
