import { once } from 'node:events';
import type { ChildProcess } from 'node:child_process';
import { REST, Routes, ShardingManager, type RESTGetAPIGatewayBotResult } from 'discord.js';
import type { Config } from '../config';
import { startHealthServer } from '../health';
import type { Lifecycle } from '../lifecycle';
import { log } from '../log';
import { prepareStartupCache } from './prepare-cache';

/** Discord lets max_concurrency shards identify in each 5 seconds; discord.js leaves half a second more. */
const IDENTIFY_WINDOW_MS = 5500;
/**
 * How long one shard process may take to be ready: seconds when it reads the index from the cache, but
 * over a minute at 200,000 articles if it has to build it (a cache it could not read).
 */
const SHARD_START_LIMIT_MS = 10 * 60_000;

/**
 * SHARD_PROCESSES above 1: the bot's shards under discord.js's ShardingManager, one process each, every
 * one running `entry` (src/main.ts) for the shard it is given. Before any starts, the start-up cache is
 * made sure of once (see prepare-cache.ts), so that every shard process reads the index from it instead
 * of building it. This process holds no index: it starts and stops the shard processes, passes SIGHUP
 * on to them, and answers the health checks for all of them (/readyz once every shard is ready).
 *
 * A shard process that ends stops the group, exiting 1, for the host to restart it: the manager does
 * not respawn it, since the usual reasons (a revoked token, refused intents) would end it again at once.
 */
export async function runShards(config: Config & { readonly discordToken: string }, lifecycle: Lifecycle, entry: string): Promise<void> {
  const count = config.shardProcesses;
  const ready = new Set<number>();
  const preparing = new AbortController();
  let manager: ShardingManager | null = null;
  let stopping = false;
  lifecycle.onStop(async () => {
    stopping = true;
    preparing.abort();
    await stopShards(manager);
  });

  if (config.healthPort !== null) {
    await startHealthServer({ port: config.healthPort, host: config.healthHost }, () => !stopping && ready.size === count);
    log.info(`health checks on ${config.healthHost} port ${config.healthPort}: /healthz, /readyz`);
  }
  // Before the build, which may take a minute: a refused token should fail the start at once.
  const gateway = (await new REST(config.discordApiUrl ? { api: config.discordApiUrl } : {}).setToken(config.discordToken).get(Routes.gatewayBot())) as RESTGetAPIGatewayBotResult;
  if (gateway.shards > count) log.warn(`Discord recommends ${gateway.shards} shards, more than SHARD_PROCESSES=${count}; Discord refuses a shard of more than 2,500 servers (4011)`);

  log.info(`making sure of the start-up cache before starting ${count} shard processes`);
  const prepared = await prepareStartupCache(preparing.signal);
  if (stopping) return;
  if (prepared !== 0) throw new Error(`the start-up cache could not be prepared (exit code ${prepared}); no shard process was started`);

  manager = new ShardingManager(entry, { totalShards: count, respawn: false, execArgv: process.execArgv, token: config.discordToken });
  manager.on('shardCreate', shard => {
    shard.on('ready', () => ready.add(shard.id));
    shard.on('death', child => {
      ready.delete(shard.id);
      if (stopping) return;
      const { exitCode, signalCode } = child as ChildProcess;
      lifecycle.stop(`shard ${shard.id}'s process ended (${signalCode ?? `exit code ${exitCode}`})`, 1);
    });
  });
  try {
    // Each shard is started once the one before is ready, and no sooner than the delay after it: shards
    // that share an identify bucket (id % max_concurrency) are then max_concurrency delays apart.
    await manager.spawn({ amount: count, delay: Math.ceil(IDENTIFY_WINDOW_MS / gateway.session_start_limit.max_concurrency), timeout: SHARD_START_LIMIT_MS });
  } catch (error) {
    // A shard that ended before it was ready has stopped the group already (see 'death').
    if (stopping) return;
    throw error;
  }
  log.info(`all ${count} shard processes are ready`);
  lifecycle.onReload(() => {
    log.info(`passing SIGHUP on to the ${count} shard processes`);
    for (const child of shardProcesses(manager)) child.kill('SIGHUP');
  });
}

function shardProcesses(manager: ShardingManager | null): ChildProcess[] {
  return [...(manager?.shards.values() ?? [])].flatMap(shard => (shard.process && shard.process.exitCode === null && shard.process.signalCode === null ? [shard.process] : []));
}

/** Asks every shard process to stop (each disconnects and exits within its own deadline) and waits for them. */
async function stopShards(manager: ShardingManager | null): Promise<void> {
  await Promise.all(
    shardProcesses(manager).map(child => {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      return exited;
    }),
  );
}
