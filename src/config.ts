import { isIP } from 'node:net';
import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** The bundled corpus, found from the code's own place so that any working directory works. */
export const BUNDLED_DATA_DIR = resolve(PROJECT_ROOT, 'data');
const DEFAULT_CACHE_DIR = resolve(PROJECT_ROOT, '.cache');
/** How long the analysis of one article may take before an opening of it is analysed instead. */
export const DEFAULT_ANALYSIS_BUDGET_MS = 5000;
const ANALYSIS_BUDGET_RANGE = [100, 600_000] as const;
const MOST_BUILD_WORKERS = 64;
/** Every shard process holds its own copy of the index, so a mistyped count must not start hundreds. */
const SHARD_PROCESSES_RANGE = [1, 100] as const;

export interface Config {
  readonly discordToken: string | null;
  readonly discordClientId: string | null;
  readonly devGuildId: string | null;
  readonly dataDir: string;
  /** Where the start-up cache is kept, or null when it is switched off. */
  readonly cacheDir: string | null;
  readonly discordApiUrl: string | null;
  readonly healthPort: number | null;
  /** The address the health checks listen on: loopback unless a container host must reach them. */
  readonly healthHost: string;
  /** Time allowed to analyse one article in a worker before its opening is analysed instead. */
  readonly analysisBudgetMs: number;
  /** Threads that fold and index the corpus on a build: one per core unless BUILD_WORKERS says. */
  readonly buildWorkers: number;
  /** How many processes run the bot's shards, one shard each; 1 runs every shard in this process. */
  readonly shardProcesses: number;
}

export class ConfigError extends Error {
  constructor(key: string, problem: string) {
    super(`${key} ${problem}`);
    this.name = 'ConfigError';
  }
}

const SNOWFLAKE = /^\d{17,20}$/;
const HOST_NAME = /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/i;

/** Reads and checks the configuration once; a wrong value fails with a message naming its key. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const value = (key: string) => {
    const raw = env[key]?.trim();
    return raw ? raw : null;
  };

  const discordToken = value('DISCORD_TOKEN');
  if (discordToken !== null && !/^[\w.-]{20,}$/.test(discordToken)) {
    throw new ConfigError('DISCORD_TOKEN', 'does not look like a bot token (letters, digits, dots, dashes; copy it again from the Developer Portal)');
  }
  const discordClientId = value('DISCORD_CLIENT_ID');
  if (discordClientId !== null && !SNOWFLAKE.test(discordClientId)) throw new ConfigError('DISCORD_CLIENT_ID', 'must be the application id, a number of 17 to 20 digits');
  const devGuildId = value('DEV_GUILD_ID');
  if (devGuildId !== null && !SNOWFLAKE.test(devGuildId)) throw new ConfigError('DEV_GUILD_ID', 'must be a server id, a number of 17 to 20 digits');

  const discordApiUrl = value('DISCORD_API_URL');
  if (discordApiUrl !== null) {
    let url: URL;
    try {
      url = new URL(discordApiUrl);
    } catch {
      throw new ConfigError('DISCORD_API_URL', `is not a URL: "${discordApiUrl}"`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError('DISCORD_API_URL', 'must be an http or https URL');
  }

  const healthPortText = value('HEALTH_PORT');
  const healthPort = healthPortText === null ? null : Number(healthPortText);
  if (healthPort !== null && (!Number.isInteger(healthPort) || healthPort < 1 || healthPort > 65535)) throw new ConfigError('HEALTH_PORT', 'must be a port number from 1 to 65535');

  // Loopback by default: whoever reaches the port can talk to the process, and outside a container
  // nothing off the machine needs to. The image sets 0.0.0.0, so that the container host can.
  const healthHost = value('HEALTH_HOST') ?? '127.0.0.1';
  if (isIP(healthHost) === 0 && !HOST_NAME.test(healthHost)) throw new ConfigError('HEALTH_HOST', `must be an IP address or a host name, not "${healthHost}"`);

  const budgetText = value('ANALYSIS_BUDGET_MS');
  const analysisBudgetMs = budgetText === null ? DEFAULT_ANALYSIS_BUDGET_MS : Number(budgetText);
  const [leastBudget, mostBudget] = ANALYSIS_BUDGET_RANGE;
  if (!Number.isInteger(analysisBudgetMs) || analysisBudgetMs < leastBudget || analysisBudgetMs > mostBudget) {
    throw new ConfigError('ANALYSIS_BUDGET_MS', `must be a whole number of milliseconds from ${leastBudget} to ${mostBudget}`);
  }

  const workersText = value('BUILD_WORKERS');
  const buildWorkers = workersText === null ? availableParallelism() : Number(workersText);
  if (!Number.isInteger(buildWorkers) || buildWorkers < 1 || buildWorkers > MOST_BUILD_WORKERS) {
    throw new ConfigError('BUILD_WORKERS', `must be a whole number of threads from 1 to ${MOST_BUILD_WORKERS}`);
  }
  const cacheDir = value('CACHE_DIR') === 'off' ? null : resolve(value('CACHE_DIR') ?? DEFAULT_CACHE_DIR);
  const processesText = value('SHARD_PROCESSES');
  const shardProcesses = processesText === null ? 1 : Number(processesText);
  const [fewestProcesses, mostProcesses] = SHARD_PROCESSES_RANGE;
  if (!Number.isInteger(shardProcesses) || shardProcesses < fewestProcesses || shardProcesses > mostProcesses) {
    throw new ConfigError('SHARD_PROCESSES', `must be a whole number from ${fewestProcesses} to ${mostProcesses}`);
  }
  // The shard processes read the index from the start-up cache; without one, each would build it.
  if (shardProcesses > 1 && cacheDir === null) throw new ConfigError('SHARD_PROCESSES', 'needs the start-up cache, which every shard process reads instead of building the index itself: set CACHE_DIR to a folder, not "off"');

  return {
    discordToken,
    discordClientId,
    devGuildId,
    dataDir: resolve(value('DATA_DIR') ?? BUNDLED_DATA_DIR),
    cacheDir,
    discordApiUrl: discordApiUrl?.replace(/\/+$/, '') ?? null,
    healthPort,
    healthHost,
    analysisBudgetMs,
    buildWorkers,
    shardProcesses,
  };
}
