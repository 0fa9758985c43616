import { Client, Events, GatewayIntentBits } from 'discord.js';
import type { Config } from '../config';
import { startHealthServer } from '../health';
import type { Lifecycle } from '../lifecycle';
import { log } from '../log';
import { warmUpSegmenter } from '../text/segment';
import { LiveLibrary, WATCH_TIMING } from '../library/live-library';
import type { Library } from '../library/library';
import { LivePeople } from '../library/live-people';
import { COMMANDS } from './commands';
import { Cooldown } from './cooldown';
import { GatewayClosedError } from './gateway-closed';
import { startedByShardingManager } from './shard-process';
import { createRouter } from './router';
import { NO_MENTIONS } from '../discord/render';
import { SearchSessions } from '../discord/search-sessions';

/**
 * A discord.js client for this bot: no privileged intents, no mentions, Discord's REST API or
 * DISCORD_API_URL. It runs as many shards as Discord recommends (GET /gateway/bot), all in this process
 * and on one copy of the index, unless a ShardingManager started the process for one shard of its own.
 */
export function createClient(config: Pick<Config, 'discordApiUrl'>): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: NO_MENTIONS,
    ...(startedByShardingManager() ? {} : { shards: 'auto' as const }),
    ...(config.discordApiUrl ? { rest: { api: config.discordApiUrl } } : {}),
  });
}

/** The shards this client runs, for the log: "shard 0 of 1", "shards 0, 1 of 2". */
function shardsOf(client: Client): string {
  const ids = [...client.ws.shards.keys()].sort((a, b) => a - b);
  return `${ids.length === 1 ? 'shard' : 'shards'} ${ids.join(', ')} of ${client.options.shardCount ?? 1}`;
}

export interface RunningBot {
  readonly client: Client;
  readonly sessions: SearchSessions;
  /** Whether interactions reach the bot: the gateway is connected, or reconnecting, and not closed for good. */
  isReady(): boolean;
  /** Settles if Discord closes the gateway for good; discord.js then never reconnects. */
  readonly gatewayClosed: Promise<GatewayClosedError>;
  stop(): Promise<void>;
}

/**
 * Connects to Discord and answers interactions until stopped. Resolves once the gateway is ready. The
 * people index is whoever runs the bot's to build (startBot builds it once connected); /person says how
 * far it is until then.
 */
export async function connectBot(config: Config, live: LiveLibrary, cooldown = new Cooldown(), people = new LivePeople(live, { dataDirectory: config.dataDir, cacheDirectory: null })): Promise<RunningBot> {
  warmUpSegmenter();
  // The analysis worker starts while the gateway connects, so that the first /summary finds it ready.
  const analysisReady = live.library.analyses.warmUp();
  // So is the worker behind autocomplete and "did you mean", which builds its indexes or reads them back.
  live.library.lookups.start();
  const client = createClient(config);
  const sessions = new SearchSessions(error => log.warn('could not disable expired paging buttons', error));
  let accepting = true;
  // Each answer reads the library once, so a reload swapped in meanwhile never mixes two indexes.
  const context = {
    sessions,
    people,
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
  client.on(Events.ShardReady, shard => log.info(`gateway shard ${shard} ready`));
  // Stopping closes every shard, which discord.js also reports as reconnecting: not worth a line.
  client.on(Events.ShardReconnecting, shard => {
    if (accepting) log.info(`gateway shard ${shard} reconnecting`);
  });
  client.on(Events.ShardResume, shard => log.info(`gateway shard ${shard} resumed`));
  // discord.js emits shardDisconnect only for the close codes it will not reconnect after; a drop it
  // resumes from is shardReconnecting. The client still says it is ready afterwards, so keep track.
  // One shard closed for good is enough: its servers would never be answered again, and the others'
  // token or intents are the same, so they are refused next.
  let closed: GatewayClosedError | null = null;
  const gatewayClosed = new Promise<GatewayClosedError>(resolve =>
    client.on(Events.ShardDisconnect, (event, shard) => {
      closed ??= new GatewayClosedError(event.code, { id: shard, count: client.options.shardCount ?? 1 });
      resolve(closed);
    }),
  );

  const ready = new Promise<void>(resolve => client.once(Events.ClientReady, () => resolve()));
  try {
    await client.login(config.discordToken ?? undefined);
    const refused = await Promise.race([ready.then(() => null), gatewayClosed]);
    if (refused) throw refused;
    await analysisReady;
  } catch (error) {
    await client.destroy();
    // discord.js's own error for a refused IDENTIFY ("Authentication failed") says less than ours.
    throw closed ?? error;
  }
  log.info(`connected to Discord as ${client.user?.tag ?? 'unknown'} (${shardsOf(client)}); serving ${live.library.articles.length} articles`);

  return {
    client,
    sessions,
    isReady: () => closed === null && client.isReady(),
    gatewayClosed,
    async stop() {
      accepting = false;
      sessions.clear();
      await client.destroy();
      await live.library.lookups.stop();
    },
  };
}

/**
 * Runs the bot as the process's main job: from here on, stopping (SIGTERM, SIGINT) disconnects from
 * the gateway first and SIGHUP reloads the corpus. With HEALTH_PORT, /healthz and /readyz answer the
 * container host. If Discord closes the gateway for good, the process exits 1 saying why.
 */
export async function startBot(config: Config, library: Library, lifecycle: Lifecycle): Promise<void> {
  let bot: RunningBot | null = null;
  const live = new LiveLibrary(library, config.dataDir, WATCH_TIMING, config.buildWorkers);
  lifecycle.onStop(() => bot?.stop() ?? Promise.resolve());
  lifecycle.onReload(() => void live.reload());
  if (config.healthPort !== null) {
    await startHealthServer({ port: config.healthPort, host: config.healthHost }, () => bot?.isReady() === true);
    log.info(`health checks on ${config.healthHost} port ${config.healthPort}: /healthz, /readyz`);
  }
  const people = new LivePeople(live, { dataDirectory: config.dataDir, cacheDirectory: config.cacheDir, budgetMs: config.analysisBudgetMs });
  bot = await connectBot(config, live, new Cooldown(), people);
  live.watch();
  // /search answers from here on; the people index builds in the background, and again after each reload.
  void people.refresh();
  live.onReloaded(() => void people.refresh());
  void bot.gatewayClosed.then(error => {
    log.error(error.message);
    lifecycle.stop('the gateway is closed for good', 1);
  });
}
