import { Client, Events, GatewayIntentBits } from 'discord.js';
import type { Config } from '../config';
import { startHealthServer } from '../health';
import type { Lifecycle } from '../lifecycle';
import { log } from '../log';
import { warmUpSegmenter } from '../text/segment';
import { LiveLibrary } from '../corpus/live-library';
import type { Library } from '../library';
import { COMMANDS } from './commands';
import { Cooldown } from './cooldown';
import { createRouter } from './router';
import { NO_MENTIONS } from './render';
import { SearchSessions } from './search-sessions';

/** A discord.js client for this bot: no privileged intents, no mentions, Discord's REST API or DISCORD_API_URL. */
export function createClient(config: Pick<Config, 'discordApiUrl'>): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: NO_MENTIONS,
    ...(config.discordApiUrl ? { rest: { api: config.discordApiUrl } } : {}),
  });
}

export interface RunningBot {
  readonly client: Client;
  readonly sessions: SearchSessions;
  stop(): Promise<void>;
}

/** Connects to Discord and answers interactions until stopped. Resolves once the gateway is ready. */
export async function connectBot(config: Config, live: LiveLibrary, cooldown = new Cooldown()): Promise<RunningBot> {
  warmUpSegmenter();
  const client = createClient(config);
  const sessions = new SearchSessions(error => log.warn('could not disable expired paging buttons', error));
  let accepting = true;
  // Each answer reads the library once, so a reload swapped in meanwhile never mixes two indexes.
  const context = {
    sessions,
    get library() {
      return live.library;
    },
  };
  const route = createRouter(COMMANDS, context, cooldown);
  client.on(Events.InteractionCreate, interaction => {
    if (accepting) void route(interaction);
  });
  client.on(Events.Error, error => log.error('discord client error', error));
  client.on(Events.Warn, message => log.warn(`discord: ${message}`));
  client.on(Events.ShardDisconnect, (event, shard) => log.warn(`gateway shard ${shard} disconnected (${event.code})`));
  client.on(Events.ShardResume, shard => log.info(`gateway shard ${shard} resumed`));

  const ready = new Promise<void>(resolve => client.once(Events.ClientReady, () => resolve()));
  try {
    await client.login(config.discordToken ?? undefined);
    await ready;
  } catch (error) {
    await client.destroy();
    throw error;
  }
  log.info(`connected to Discord as ${client.user?.tag ?? 'unknown'}; serving ${live.library.articles.length} articles`);

  return {
    client,
    sessions,
    async stop() {
      accepting = false;
      sessions.clear();
      await client.destroy();
    },
  };
}

/**
 * Runs the bot as the process's main job: from here on, stopping (SIGTERM, SIGINT) disconnects from
 * the gateway first and SIGHUP reloads the corpus. With HEALTH_PORT, /healthz and /readyz answer the
 * container host.
 */
export async function startBot(config: Config, library: Library, lifecycle: Lifecycle): Promise<void> {
  let bot: RunningBot | null = null;
  const live = new LiveLibrary(library, config.dataDir);
  lifecycle.onStop(() => bot?.stop() ?? Promise.resolve());
  lifecycle.onReload(() => void live.reload());
  if (config.healthPort !== null) {
    await startHealthServer({ port: config.healthPort, host: config.healthHost }, () => bot?.client.isReady() === true);
    log.info(`health checks on ${config.healthHost} port ${config.healthPort}: /healthz, /readyz`);
  }
  bot = await connectBot(config, live);
  live.watch();
}
