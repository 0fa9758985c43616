import { Lifecycle } from './lifecycle';
import 'dotenv/config';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { joinShardingManager, startedByShardingManager } from './bot/shard-process';
import { ConfigError, readConfig } from './config';
import { log, registerSecret } from './log';
import { parseReplyLocale } from './replies/locale';

// Before anything slow is loaded, so that no signal meets the default action (death by signal).
const lifecycle = new Lifecycle().listen();

/**
 * `npm start`: the Discord bot when DISCORD_TOKEN is set, else the local console on the same corpus.
 * With SHARD_PROCESSES above 1, this process starts the shard processes, which run this same file.
 */
async function main(): Promise<number> {
  const config = readConfig();
  registerSecret(config.discordToken ?? undefined);
  const { values } = parseArgs({ args: process.argv.slice(2), options: { locale: { type: 'string', default: 'en' } } });
  const shardProcess = startedByShardingManager();
  if (config.discordToken && config.shardProcesses > 1 && !shardProcess) {
    const { runShards } = await import('./sharding/manager');
    await runShards({ ...config, discordToken: config.discordToken }, lifecycle, fileURLToPath(import.meta.url));
    return 0;
  }
  if (shardProcess) joinShardingManager(lifecycle);
  const { openLibrary } = await import('./library/open');
  const { ArticleAnalyses } = await import('./analysis/analyses');
  const library = await openLibrary(config.dataDir, config.cacheDir, new ArticleAnalyses({ budgetMs: config.analysisBudgetMs }), { buildWorkers: config.buildWorkers });

  if (config.discordToken) {
    const { startBot } = await import('./bot/bot');
    // The manager answers the health checks for its shards: they would all want the same port.
    await startBot(shardProcess ? { ...config, healthPort: null } : config, library, lifecycle);
    return 0;
  }
  const locale = parseReplyLocale(values.locale);
  if (!locale) throw new ConfigError('--locale', `must be en, zh-CN or zh-TW, not "${values.locale}"`);
  const { LiveLibrary, WATCH_TIMING } = await import('./library/live-library');
  const live = new LiveLibrary(library, config.dataDir, WATCH_TIMING, config.buildWorkers);
  // "Did you mean" is built (or read back) in the background while the first answers go out.
  library.lookups.start();
  lifecycle.onStop(() => live.library.lookups.stop());
  lifecycle.onReload(() => void live.reload());
  // As in Discord: the people index builds in the background, /person saying how far it is meanwhile.
  const { LivePeople } = await import('./library/live-people');
  const people = new LivePeople(live, { dataDirectory: config.dataDir, cacheDirectory: config.cacheDir, budgetMs: config.analysisBudgetMs });
  void people.refresh();
  live.onReloaded(() => void people.refresh());
  const { runConsole } = await import('./terminal/console');
  const source = {
    get library() {
      return live.library;
    },
    people,
  };
  await runConsole(source, locale);
  // Input ended: the lookups worker ends itself before the process does, never cut off inside the segmenter.
  await live.library.lookups.stop();
  return 0;
}

main().then(
  code => {
    if (code !== 0) process.exitCode = code;
  },
  (error: unknown) => {
    log.error(error instanceof ConfigError ? `configuration: ${error.message}` : 'could not start', error instanceof ConfigError ? undefined : error);
    // Whatever was started (a health server, timers) must not keep a failed process alive.
    process.exit(1);
  },
);
