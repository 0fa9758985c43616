import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { once } from 'node:events';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { cp, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { execForm } from './dockerfile';
import { freePort } from './helpers';
import { asker, FakeDiscord, nextSnowflake } from './fake-discord';

const ROOT = join(__dirname, '..');
const TOKEN = 'fake-bot-token.for-process-tests-0123';
let fake: FakeDiscord;

beforeAll(async () => {
  fake = await FakeDiscord.start();
});

afterAll(async () => {
  await fake?.close();
});

// A test that fails half-way must not leave its bot running.
const started = new Set<ChildProcess>();
afterEach(() => {
  for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  started.clear();
});

/** Whether a TCP connection to host:port is accepted. */
async function accepts(host: string, port: number): Promise<boolean> {
  const socket = connect(port, host);
  const accepted = await new Promise<boolean>(resolve => {
    socket.once('connect', () => resolve(true));
    socket.once('error', () => resolve(false));
  });
  socket.destroy();
  return accepted;
}

function startProcess(command: string, args: string[], env: Record<string, string>, detached = false) {
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { ...process.env, DISCORD_TOKEN: TOKEN, DISCORD_API_URL: fake.apiUrl, DATA_DIR: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached,
  });
  started.add(child);
  let output = '';
  const collect = (chunk: Buffer) => (output += chunk);
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const logged = (pattern: RegExp) => expect.poll(() => output, { timeout: 15_000 }).toMatch(pattern);
  /** Resolves the moment the output matches, for a signal that must arrive at a given step. */
  const whenLogged = (pattern: RegExp) =>
    new Promise<void>(resolve => {
      const check = () => {
        if (!pattern.test(output)) return;
        child.stderr.off('data', check);
        resolve();
      };
      child.stderr.on('data', check);
      check();
    });
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  return { child, logged, whenLogged, exited, output: () => output };
}

function startBotProcess(env: Record<string, string>) {
  // The container's own start command, so that this test also proves the Dockerfile's CMD.
  const [command, ...args] = execForm('CMD');
  return startProcess(command === 'node' ? process.execPath : command!, args, env);
}

/** A corpus that takes about a second to load, so that a signal can arrive during the load. */
async function slowCorpus(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'slow-corpus-'));
  const texts = await Promise.all((await readdir(join(ROOT, 'data'))).map(name => readFile(join(ROOT, 'data', name), 'utf8')));
  const records = Array.from({ length: 800 }, (_, n) => JSON.stringify({ id: `r${n}`, text: texts[n % texts.length] }));
  await writeFile(join(folder, 'records.jsonl'), records.join('\n'));
  return folder;
}

describe('the bot process', () => {
  it('answers health checks on loopback only, survives a hostile request, and exits 0 within 5 seconds of SIGTERM', async () => {
    const port = await freePort();
    const bot = startBotProcess({ HEALTH_PORT: String(port), HEALTH_HOST: '' });
    await bot.logged(/connected to Discord/);
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
    const elsewhere = Object.values(networkInterfaces())
      .flat()
      .filter(address => address && !address.internal && address.family === 'IPv4')
      .map(address => address!.address);
    for (const address of elsewhere) expect(await accepts(address, port), address).toBe(false);

    const hostile = connect(port, '127.0.0.1');
    hostile.resume().end('GET http://[ HTTP/1.1\r\nHost: x\r\n\r\n');
    await once(hostile, 'close');
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);

    const sent = Date.now();
    bot.child.kill('SIGTERM');
    const [code] = await once(bot.child, 'exit');
    expect(code).toBe(0);
    expect(Date.now() - sent).toBeLessThan(5000);
    expect(bot.output()).not.toContain(TOKEN);
  });

  it('reloads the corpus on SIGHUP and keeps running', async () => {
    const corpus = await mkdtemp(join(tmpdir(), 'sighup-'));
    try {
      await cp(join(ROOT, 'data'), corpus, { recursive: true });
      await writeFile(join(corpus, 'added.txt'), '集團召開座談會。');
      const bot = startBotProcess({ DATA_DIR: corpus, CACHE_DIR: 'off' });
      await bot.logged(/connected to Discord as .*; serving 6 articles/);
      // Nothing changes in the folder, so the watcher stays quiet: only the signal can reload.
      bot.child.kill('SIGHUP');
      await bot.logged(/SIGHUP received; reloading the corpus[\s\S]*reloaded 6 articles/);
      bot.child.kill('SIGTERM');
      const [code] = await once(bot.child, 'exit');
      expect(code).toBe(0);
    } finally {
      await rm(corpus, { recursive: true, force: true });
    }
  });

  it('exits non-zero when Discord refuses the token, and never prints it', async () => {
    fake.fail(request => request.path === '/api/v10/gateway/bot', 401, 1, {}, { message: '401: Unauthorized', code: 0 });
    const bot = startBotProcess({ HEALTH_PORT: String(await freePort()) });
    const [code] = await once(bot.child, 'exit');
    expect(code).toBe(1);
    expect(bot.output()).toMatch(/ERROR could not start/);
    expect(bot.output()).not.toContain(TOKEN);
    expect(bot.output()).not.toContain(TOKEN.split('.')[1]);
  });

  it('exits 1, saying why, when Discord closes the gateway for good (a revoked token)', async () => {
    const bot = startBotProcess({});
    await bot.logged(/connected to Discord/);
    fake.closeGateway(4004);
    expect(await bot.exited).toEqual([1, null]);
    expect(bot.output()).toMatch(/ERROR Discord closed the gateway for good \(4004 AuthenticationFailed\): the token is wrong or was revoked/);
    expect(bot.output()).not.toContain(TOKEN);
  });

  it('answers from the corpus folder alone, and never with the token', async () => {
    const root = await mkdtemp(join(tmpdir(), 'confined-'));
    try {
      const corpus = join(root, 'corpus');
      await cp(join(ROOT, 'data'), corpus, { recursive: true });
      await writeFile(join(root, 'secret.env'), `集團召開會議。DISCORD_TOKEN=${TOKEN}`);
      await symlink(join(root, 'secret.env'), join(corpus, 'passwd.txt'));
      await writeFile(join(corpus, 'leak.txt'), `3月1日，集團召開工作會議。黨委書記張偉主持會議。DISCORD_TOKEN=${TOKEN}\n會議要求，${TOKEN}。`);
      const bot = startBotProcess({ DATA_DIR: corpus, CACHE_DIR: 'off' });
      await bot.logged(/connected to Discord as .*; serving 6 articles/);
      expect(bot.output()).toMatch(/passwd\.txt: links to .*secret\.env, outside the corpus folder; skipped/);
      const ask = async (name: string, option: string, value: string) => {
        const { id, token } = fake.dispatchInteraction({ type: 2, locale: 'en-US', ...asker('guild'), data: { id: nextSnowflake(), name, type: 1, options: [{ name: option, type: 3, value }] } });
        return JSON.stringify((await fake.waitForRequest(request => request.path === `/api/v10/interactions/${id}/${token}/callback`, 10_000)).body);
      };
      const summary = await ask('summary', 'article', 'leak');
      expect(summary).toContain('TOKEN=\\\\[redacted');
      for (const answer of [summary, await ask('search', 'phrase', 'DISCORD_TOKEN'), await ask('summary', 'article', 'passwd')]) {
        expect(answer).not.toContain(TOKEN.split('.')[1]);
      }
      expect(await ask('summary', 'article', 'passwd')).toMatch(/No article/i);
      bot.child.kill('SIGTERM');
      expect(await bot.exited).toEqual([0, null]);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('stops at start with a message naming a wrong key, and never prints the token', async () => {
    const bot = startBotProcess({ DEV_GUILD_ID: 'not-a-number' });
    const [code] = await once(bot.child, 'exit');
    expect(code).toBe(1);
    expect(bot.output()).toMatch(/DEV_GUILD_ID must be a server id/);
    expect(bot.output()).not.toContain(TOKEN);
  });

  it('stops at start, naming CACHE_DIR, when the cache folder cannot be made', { timeout: 10_000 }, async () => {
    const bot = startBotProcess({ CACHE_DIR: existsSync('/proc/self') ? '/proc/nope' : join(ROOT, 'package.json', 'cache') });
    expect(await bot.exited).toEqual([1, null]);
    expect(bot.output()).toMatch(/ERROR configuration: CACHE_DIR cannot be used/);
    expect(bot.output()).not.toMatch(/loading the corpus/);
  });

  it('exits 0 on SIGTERM during the corpus load', async () => {
    const corpus = await slowCorpus();
    try {
      const bot = startBotProcess({ DATA_DIR: corpus, CACHE_DIR: 'off' });
      await bot.whenLogged(/loading the corpus/);
      bot.child.kill('SIGTERM');
      expect(await bot.exited).toEqual([0, null]);
      expect(bot.output()).not.toMatch(/connected to Discord/);
    } finally {
      await rm(corpus, { recursive: true, force: true });
    }
  });

  it('reloads for a SIGHUP received during the load once it runs, and ignores a second SIGTERM while stopping', async () => {
    const corpus = await slowCorpus();
    try {
      const bot = startBotProcess({ DATA_DIR: corpus, CACHE_DIR: 'off' });
      await bot.whenLogged(/loading the corpus/);
      bot.child.kill('SIGHUP');
      await bot.logged(/connected to Discord/);
      await bot.logged(/reloading the corpus for the SIGHUP[\s\S]*reloaded 800 articles/);
      bot.child.kill('SIGTERM');
      await new Promise(resolve => setTimeout(resolve, 5));
      bot.child.kill('SIGTERM');
      expect(await bot.exited).toEqual([0, null]);
    } finally {
      await rm(corpus, { recursive: true, force: true });
    }
  });

  it("stops on SIGTERM through README's run command (npm start), leaving no process behind", async () => {
    const port = await freePort();
    // Its own process group, so that whatever npm starts can be found afterwards.
    const bot = startProcess('npm', ['start'], { HEALTH_PORT: String(port), CACHE_DIR: 'off' }, true);
    try {
      await bot.logged(/connected to Discord/);
      bot.child.kill('SIGTERM');
      expect(await bot.exited).toEqual([0, null]);
      const groupAlive = () => {
        try {
          process.kill(-bot.child.pid!, 0);
          return true;
        } catch {
          return false;
        }
      };
      await expect.poll(groupAlive, { timeout: 3000 }).toBe(false);
      expect(await accepts('127.0.0.1', port)).toBe(false);
    } finally {
      try {
        process.kill(-bot.child.pid!, 'SIGKILL');
      } catch {
        // Nothing was left: the expected case.
      }
    }
  });
});

describe('the console process', () => {
  it('reloads the corpus on SIGHUP and keeps answering', async () => {
    const corpus = await mkdtemp(join(tmpdir(), 'console-sighup-'));
    try {
      await cp(join(ROOT, 'data'), corpus, { recursive: true });
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
        cwd: ROOT,
        env: { ...process.env, DISCORD_TOKEN: '', DATA_DIR: corpus, CACHE_DIR: 'off' },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', chunk => (stdout += chunk));
      child.stderr.on('data', chunk => (stderr += chunk));
      await expect.poll(() => stderr, { timeout: 15_000 }).toMatch(/loaded 5 articles/);
      await writeFile(join(corpus, 'added.txt'), '集團召開座談會，部署新質生產力。');
      child.kill('SIGHUP');
      // A SIGHUP that comes before the console runs is kept until it does: either way the corpus reloads.
      await expect.poll(() => stderr, { timeout: 15_000 }).toMatch(/SIGHUP received[\s\S]*reloaded 6 articles/);
      child.stdin.end('/search 新質生產力\n');
      const [code] = await once(child, 'exit');
      expect(code).toBe(0);
      expect(stdout).toContain('2 articles, 3 mentions');
    } finally {
      await rm(corpus, { recursive: true, force: true });
    }
  });
});
