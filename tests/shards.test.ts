import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connectBot, type RunningBot } from '../src/bot/bot';
import { GatewayClosedError } from '../src/bot/gateway-closed';
import { readConfig } from '../src/config';
import { LiveLibrary } from '../src/library/live-library';
import { execForm } from './dockerfile';
import { asker, FakeDiscord, guildOnShard, nextSnowflake, shardOf } from './fake-discord';
import { bundledLibrary, freePort } from './helpers';

/**
 * The bot on two shards: all in one process (discord.js's shards: 'auto'), and one process each under
 * the ShardingManager (SHARD_PROCESSES=2), where the index must be built once for both.
 */

const ROOT = join(__dirname, '..');
const TOKEN = 'fake-bot-token.for-shard-tests-0123';
let fake: FakeDiscord;

beforeAll(async () => {
  fake = await FakeDiscord.start({ shards: 2 });
});

afterAll(async () => {
  await fake?.close();
});

/** Asks /search from a server on the given shard (or from a DM) and returns the answer Discord got. */
async function searchFrom(where: { shard: number } | 'dm', phrase = '新質生產力') {
  const who = where === 'dm' ? asker('dm') : asker('guild', undefined, guildOnShard(where.shard, 2));
  const { id, token } = fake.dispatchInteraction({ type: 2, locale: 'en-US', ...who, data: { id: nextSnowflake(), name: 'search', type: 1, options: [{ name: 'phrase', type: 3, value: phrase }] } });
  return fake.waitForRequest(request => request.path === `/api/v10/interactions/${id}/${token}/callback`, 10_000);
}

describe('the fake Discord', () => {
  it('finds server ids on each shard as Discord assigns them', () => {
    // Ids a millisecond apart (the timestamp is above the low 22 bits) fall on consecutive shards.
    expect([shardOf('41771983423143937', 2), shardOf('41771983427338241', 2)]).toEqual([0, 1]);
    for (const shard of [0, 1, 2]) expect(shardOf(guildOnShard(shard, 3), 3)).toBe(shard);
  });
});

describe('SHARD_PROCESSES', () => {
  it('is one process unless set, and a whole number from 1 to 100', () => {
    expect(readConfig({}).shardProcesses).toBe(1);
    expect(readConfig({ SHARD_PROCESSES: '4' }).shardProcesses).toBe(4);
    for (const wrong of ['0', '101', '2.5', 'many']) expect(() => readConfig({ SHARD_PROCESSES: wrong })).toThrow(/SHARD_PROCESSES must be a whole number from 1 to 100/);
  });

  it('refuses a switched-off cache, since every shard process would build the index', () => {
    expect(() => readConfig({ SHARD_PROCESSES: '2', CACHE_DIR: 'off' })).toThrow(/SHARD_PROCESSES needs the start-up cache/);
    expect(readConfig({ SHARD_PROCESSES: '1', CACHE_DIR: 'off' }).cacheDir).toBeNull();
  });
});

describe('one process, every shard Discord recommends', () => {
  let bot: RunningBot;

  beforeAll(async () => {
    const config = readConfig({ DISCORD_TOKEN: TOKEN, DISCORD_API_URL: fake.apiUrl });
    bot = await connectBot(config, new LiveLibrary(await bundledLibrary(), config.dataDir));
  });

  afterAll(async () => {
    await bot?.stop();
  });

  it('identifies both shards on one client and answers servers on each, and DMs', async () => {
    expect(fake.identifiedShards).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect([...bot.client.ws.shards.keys()].sort()).toEqual([0, 1]);
    for (const where of [{ shard: 0 }, { shard: 1 }, 'dm'] as const) expect((await searchFrom(where)).body.data.embeds[0].title).toBe('Search: “新質生產力”');
  });

  it('stays ready through drops it resumes from, then says which shard Discord closed for good', async () => {
    const resumed = Promise.all([0, 1].map(shard => new Promise(resolve => bot.client.on('shardResume', id => id === shard && resolve(id)))));
    fake.dropGateway();
    await resumed;
    expect(bot.isReady()).toBe(true);
    expect((await searchFrom({ shard: 1 })).body.type).toBe(4);

    fake.closeGateway(4004, 1);
    const closed = await bot.gatewayClosed;
    expect(closed).toBeInstanceOf(GatewayClosedError);
    expect(closed.message).toMatch(/closed the gateway for good \(4004 AuthenticationFailed\) on shard 1 of 2: the token is wrong/);
    expect(bot.isReady()).toBe(false);
  });
});

/** Whether any process of the group `leader` led is still running. */
function groupAlive(leader: number): boolean {
  try {
    process.kill(-leader, 0);
    return true;
  } catch {
    return false;
  }
}

/** The container's own start command, with SHARD_PROCESSES=2, in a process group of its own. */
function startShardedBot(env: Record<string, string>) {
  const [command, ...args] = execForm('CMD');
  const child = spawn(command === 'node' ? process.execPath : command!, args, {
    cwd: ROOT,
    env: { ...process.env, DISCORD_TOKEN: TOKEN, DISCORD_API_URL: fake.apiUrl, SHARD_PROCESSES: '2', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  groups.add(child.pid!);
  let output = '';
  child.stdout.on('data', chunk => (output += chunk));
  child.stderr.on('data', chunk => (output += chunk));
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  const logged = (pattern: RegExp) => expect.poll(() => output, { timeout: 20_000, interval: 50 }).toMatch(pattern);
  const lines = (pattern: RegExp) => output.split('\n').filter(line => pattern.test(line));
  return { child, exited, logged, lines };
}

// A test that fails half-way must leave no shard process running.
const groups = new Set<number>();
afterEach(() => {
  for (const leader of groups) if (groupAlive(leader)) process.kill(-leader, 'SIGKILL');
  groups.clear();
});

describe('shard processes under the ShardingManager', () => {
  let folder: string;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'shards-'));
    await cp(join(ROOT, 'data'), join(folder, 'corpus'), { recursive: true });
  });

  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('builds the index once for both, answers on each shard, passes SIGHUP on, and stops every process on SIGTERM', async () => {
    const port = await freePort();
    const bot = startShardedBot({ DATA_DIR: join(folder, 'corpus'), CACHE_DIR: join(folder, 'cache'), HEALTH_PORT: String(port) });
    await bot.logged(/all 2 shard processes are ready/);

    // One build, in the process that prepares the cache; both shard processes read it back.
    const loaded = bot.lines(/ INFO .*loaded 5 articles from /);
    expect(loaded.filter(line => !line.includes('(start-up cache)'))).toEqual([expect.stringContaining('INFO [start-up cache] loaded 5 articles')]);
    expect(loaded.filter(line => line.includes('(start-up cache)')).map(line => /\[(shard \d)\]/.exec(line)?.[1]).sort()).toEqual(['shard 0', 'shard 1']);
    expect((await readdir(join(folder, 'cache'))).filter(name => name.endsWith('.cache'))).toHaveLength(1);

    // Each process identified its own shard, and answers the servers Discord sends it.
    expect(fake.identifiedShards).toEqual([
      [0, 2],
      [1, 2],
    ]);
    for (const shard of [0, 1]) expect((await searchFrom({ shard })).body.data.embeds[0].title).toBe('Search: “新質生產力”');
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);

    // Each shard process reloads its own library.
    bot.child.kill('SIGHUP');
    await bot.logged(/\[shard 0\] reloaded 5 articles/);
    await bot.logged(/\[shard 1\] reloaded 5 articles/);

    bot.child.kill('SIGTERM');
    expect(await bot.exited).toEqual([0, null]);
    await expect.poll(() => groupAlive(bot.child.pid!), { timeout: 6000 }).toBe(false);
  });

  it('starts again from the cache without building, and stops the group when a shard is closed for good', async () => {
    const bot = startShardedBot({ DATA_DIR: join(folder, 'corpus'), CACHE_DIR: join(folder, 'cache') });
    await bot.logged(/all 2 shard processes are ready/);
    const loaded = bot.lines(/ INFO .*loaded 5 articles from /);
    expect(loaded).toHaveLength(3);
    expect(loaded.every(line => line.includes('(start-up cache)'))).toBe(true);

    fake.closeGateway(4004, 1);
    expect(await bot.exited).toEqual([1, null]);
    expect(bot.lines(/ERROR \[shard 1\] Discord closed the gateway for good \(4004 AuthenticationFailed\) on shard 1 of 2/)).toHaveLength(1);
    expect(bot.lines(/shard 1's process ended \(exit code 1\); stopping/)).toHaveLength(1);
    await expect.poll(() => groupAlive(bot.child.pid!), { timeout: 6000 }).toBe(false);
  });
});
