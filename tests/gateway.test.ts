import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../src/config';
import { LiveLibrary } from '../src/library/live-library';
import { connectBot } from '../src/bot/bot';
import { GatewayClosedError } from '../src/bot/gateway-closed';
import { startHealthServer } from '../src/health';
import { FakeDiscord } from './fake-discord';
import { bundledLibrary } from './helpers';

/** What happens when Discord closes the gateway with a code discord.js never reconnects after. */

let fake: FakeDiscord;

beforeAll(async () => {
  fake = await FakeDiscord.start();
});

afterAll(async () => {
  await fake?.close();
});

async function connect() {
  const config = readConfig({ DISCORD_TOKEN: 'fake-bot-token.for-gateway-tests-0123', DISCORD_API_URL: fake.apiUrl });
  return connectBot(config, new LiveLibrary(await bundledLibrary(), config.dataDir));
}

describe('a gateway closed for good', () => {
  it.each([
    [4004, /the token is wrong or was revoked; .* DISCORD_TOKEN/],
    [4013, /refused the gateway intents/],
    [4014, /refused the gateway intents/],
  ])('after close %i, /readyz says not ready and the bot says why', async (code, why) => {
    const bot = await connect();
    const health = await startHealthServer({ port: 0, host: '127.0.0.1' }, () => bot.isReady());
    const readyz = () => fetch(`http://127.0.0.1:${(health.address() as { port: number }).port}/readyz`).then(response => response.status);
    try {
      expect(await readyz()).toBe(200);
      fake.closeGateway(code);
      const closed = await bot.gatewayClosed;
      expect(closed).toBeInstanceOf(GatewayClosedError);
      expect(closed.code).toBe(code);
      expect(closed.message).toMatch(new RegExp(`closed the gateway for good \\(${code} `));
      expect(closed.message).toMatch(why);
      expect(bot.isReady()).toBe(false);
      expect(await readyz()).toBe(503);
    } finally {
      health.closeAllConnections();
      await new Promise(resolve => health.close(resolve));
      await bot.stop();
    }
  });

  it('stays ready through a drop discord.js resumes from', async () => {
    const bot = await connect();
    try {
      const resumed = new Promise(resolve => bot.client.once('shardResume', resolve));
      fake.dropGateway();
      await resumed;
      expect(bot.isReady()).toBe(true);
    } finally {
      await bot.stop();
    }
  });

  it('fails the connection with the reason when IDENTIFY is refused', async () => {
    fake.refuseNextIdentify(4004);
    await expect(connect()).rejects.toThrow(/closed the gateway for good \(4004 AuthenticationFailed\): the token is wrong or was revoked/);
  });
});
