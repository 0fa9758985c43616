import { search } from '../../commands/search';
import type { SlashCommand } from './command';

/** Every slash command the bot offers, by name. */
export const COMMANDS: ReadonlyMap<string, SlashCommand> = new Map([search].map(command => [command.data.name, command]));
