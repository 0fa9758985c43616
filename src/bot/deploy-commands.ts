import 'dotenv/config';
import { REST, Routes } from 'discord.js';
import { readConfig } from '../config';
import { log, registerSecret } from '../log';
import { COMMANDS } from './commands';

/**
 * `npm run deploy-commands`: registers the slash commands, to DEV_GUILD_ID when set (instant, for
 * development) or globally. Run it when commands change, never on every start: Discord limits how
 * many commands an application may create a day.
 */
async function deploy(): Promise<void> {
  const config = readConfig();
  if (!config.discordToken) throw new Error('DISCORD_TOKEN is not set: registering commands needs the bot token');
  if (!config.discordClientId) throw new Error('DISCORD_CLIENT_ID is not set: registering commands needs the application id');
  registerSecret(config.discordToken);
  const rest = new REST(config.discordApiUrl ? { api: config.discordApiUrl } : {}).setToken(config.discordToken);
  const body = [...COMMANDS.values()].map(command => command.data);
  const route = config.devGuildId ? Routes.applicationGuildCommands(config.discordClientId, config.devGuildId) : Routes.applicationCommands(config.discordClientId);
  await rest.put(route, { body });
  log.info(`registered ${body.length} commands ${config.devGuildId ? `in server ${config.devGuildId}` : 'globally (may take up to an hour to show)'}`);
}

deploy().catch((error: unknown) => {
  log.error('could not register commands', error);
  process.exitCode = 1;
});
