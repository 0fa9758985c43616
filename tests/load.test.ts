import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../src/config';
import { LiveLibrary } from '../src/library/live-library';
import { connectBot, type RunningBot } from '../src/bot/bot';
import { asker, FakeDiscord, nextSnowflake } from './fake-discord';
import { bundledLibrary } from './helpers';

/**
 * 1,000 interactions in 10 seconds across the three commands, through the real client and the fake
 * Discord: every one answered exactly once, latency reported, memory back near where it started.
 */

const TOTAL = 1000;
const SECONDS = 10;
const USERS = 250;
let fake: FakeDiscord;
let bot: RunningBot;

beforeAll(async () => {
  fake = await FakeDiscord.start();
  const config = readConfig({ DISCORD_TOKEN: 'fake-bot-token.for-the-load-test', DISCORD_API_URL: fake.apiUrl });
  bot = await connectBot(config, new LiveLibrary(await bundledLibrary(), config.dataDir));
});

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
});

const IDS = ['000_5a4681f7358e924d', '001_d409caa57de1005b', '002_2756de6f135840e3', '003_1e90a82e1525bbfb', '004_62825ae384032cb4'];
const PHRASES = ['新質生產力', '黨員 先行', '揭榜', '主題教育', '雙碳', '不存在的短語'];

function interaction(n: number) {
  const user = asker(n % 2 ? 'guild' : 'dm', String(400000000000001000n + BigInt(n % USERS)));
  const locale = ['zh-CN', 'zh-TW', 'en-US'][n % 3];
  const kind = n % 3;
  const data =
    kind === 0
      ? { id: nextSnowflake(), name: 'search', type: 1, options: [{ name: 'phrase', type: 3, value: PHRASES[n % PHRASES.length] }] }
      : { id: nextSnowflake(), name: kind === 1 ? 'participants' : 'summary', type: 1, options: [{ name: 'article', type: 3, value: IDS[n % IDS.length] }] };
  return fake.dispatchInteraction({ type: 2, locale, ...user, data });
}

describe('load', () => {
  it(`answers ${TOTAL} interactions in ${SECONDS} s, each once`, async () => {
    const heapBefore = process.memoryUsage().heapUsed;
    const sent = new Map<string, number>();
    const started = Date.now();
    for (let n = 0; n < TOTAL; n++) {
      const { id, token } = interaction(n);
      sent.set(`/api/v10/interactions/${id}/${token}/callback`, Date.now());
      const due = started + ((n + 1) * SECONDS * 1000) / TOTAL;
      if (due > Date.now()) await new Promise(resolve => setTimeout(resolve, due - Date.now()));
    }
    await expect.poll(() => fake.requests.filter(request => sent.has(request.path)).length, { timeout: 10_000, interval: 50 }).toBe(TOTAL);

    const answers = fake.requests.filter(request => sent.has(request.path));
    expect(new Set(answers.map(request => request.path)).size).toBe(TOTAL);
    expect(answers.every(request => request.body.type === 4 && (request.body.data.flags ?? 0) === 0)).toBe(true);
    const latencies = answers.map(request => request.at - sent.get(request.path)!).sort((a, b) => a - b);
    const p99 = latencies[Math.ceil(0.99 * latencies.length) - 1]!;
    process.stderr.write(`load: ${TOTAL} interactions in ${((Date.now() - started) / 1000).toFixed(1)} s; latency p50 ${latencies[latencies.length >> 1]} ms, p99 ${p99} ms, max ${latencies.at(-1)} ms\n`);
    expect(p99).toBeLessThan(3000);

    await new Promise(resolve => setTimeout(resolve, 200));
    const heapAfter = process.memoryUsage().heapUsed;
    process.stderr.write(`load: heap ${Math.round(heapBefore / 2 ** 20)} MB before, ${Math.round(heapAfter / 2 ** 20)} MB after\n`);
    expect(heapAfter - heapBefore).toBeLessThan(100 * 2 ** 20);
  }, 40_000);
});
