import { participants } from '../../commands/participants';
import { person } from '../../commands/person';
import { read } from '../../commands/read';
import { search } from '../../commands/search';
import { summary } from '../../commands/summary';
import { trend } from '../../commands/trend';
import type { SlashCommand } from '../discord/command';

/** Every slash command the bot offers, by name. */
export const COMMANDS: ReadonlyMap<string, SlashCommand> = new Map([search, participants, summary, read, trend, person].map(command => [command.data.name, command]));
