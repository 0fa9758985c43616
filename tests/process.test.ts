import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  return port;
}

function startBotProcess(env: Record<string, string>) {
  // The container's own start command, so that this test also proves the Dockerfile's CMD.
  const [, ...args] = execForm('CMD');
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, DISCORD_TOKEN: TOKEN, DISCORD_API_URL: fake.apiUrl, DATA_DIR: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', chunk => (output += chunk));
  child.stderr.on('data', chunk => (output += chunk));
  const logged = (pattern: RegExp) => expect.poll(() => output, { timeout: 15_000 }).toMatch(pattern);
  return { child, logged, output: () => output };
}

describe('the bot process', () => {
  it('answers health checks, and exits 0 within 5 seconds of SIGTERM', async () => {
    const port = await freePort();
    const bot = startBotProcess({ HEALTH_PORT: String(port) });
    await bot.logged(/connected to Discord/);
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);

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
      await expect.poll(() => stderr, { timeout: 15_000 }).toMatch(/SIGHUP received; reloading the corpus[\s\S]*reloaded 6 articles/);
      child.stdin.end('/search 新質生產力\n');
      const [code] = await once(child, 'exit');
      expect(code).toBe(0);
      expect(stdout).toContain('2 articles, 3 mentions');
    } finally {
      await rm(corpus, { recursive: true, force: true });
    }
  });
});
