import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { connect, createServer } from 'node:net';
import { networkInterfaces } from 'node:os';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { execForm } from './dockerfile';
import { FakeDiscord } from './fake-discord';

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

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  return port;
}

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

function startBotProcess(env: Record<string, string>) {
  // The container's own start command, so that this test also proves the Dockerfile's CMD.
  const [, ...args] = execForm('CMD');
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, DISCORD_TOKEN: TOKEN, DISCORD_API_URL: fake.apiUrl, DATA_DIR: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.add(child);
  let output = '';
  child.stdout.on('data', chunk => (output += chunk));
  child.stderr.on('data', chunk => (output += chunk));
  const logged = (pattern: RegExp) => expect.poll(() => output, { timeout: 15_000 }).toMatch(pattern);
  return { child, logged, output: () => output };
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

  it('stops at start with a message naming a wrong key, and never prints the token', async () => {
    const bot = startBotProcess({ DEV_GUILD_ID: 'not-a-number' });
    const [code] = await once(bot.child, 'exit');
    expect(code).toBe(1);
    expect(bot.output()).toMatch(/DEV_GUILD_ID must be a server id/);
    expect(bot.output()).not.toContain(TOKEN);
  });
});
