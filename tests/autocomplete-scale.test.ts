import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../src/config';
import { connectBot, type RunningBot } from '../src/bot/bot';
import { Cooldown } from '../src/bot/cooldown';
import { LiveLibrary } from '../src/library/live-library';
import { Library } from '../src/library/library';
import { asker, FakeDiscord, nextSnowflake } from './fake-discord';
import { articleFrom, bundledLibrary } from './helpers';

/**
 * Autocomplete at the scale of a large archive: 198,760 articles whose titles are the bundled reports'
 * own sentences, each answered through the real discord.js client within Discord's three seconds.
 */
const ARTICLES = 198_760;
/** Discord drops an autocomplete answer that comes later than this. */
const DISCORD_DEADLINE_MS = 3000;
let fake: FakeDiscord;
let bot: RunningBot;
let library: Library;

beforeAll(async () => {
  fake = await FakeDiscord.start();
  const sentences = (await bundledLibrary()).articles.flatMap(article => article.text.split(/[。！？\n]/u).map(sentence => sentence.trim().slice(0, 40)).filter(sentence => sentence.length >= 8));
  const articles = Array.from({ length: ARTICLES }, (_, n) => {
    const month = String(1 + (n % 12)).padStart(2, '0');
    const day = String(1 + (n % 28)).padStart(2, '0');
    return articleFrom(`${2000 + (n % 25)}${month}${day}-${String(n).padStart(6, '0')}`, `${sentences[n % sentences.length]}\n${2000 + (n % 25)}年${Number(month)}月${Number(day)}日，${sentences[(n * 7) % sentences.length]}。`);
  });
  library = new Library(articles);
  // The bot starts the finder; the test waits for it to be built before timing answers.
  bot = await connectBot(readConfig({ DISCORD_TOKEN: 'fake-bot-token.for-scale-tests', DISCORD_API_URL: fake.apiUrl, DATA_DIR: 'data' }), new LiveLibrary(library, 'data'), new Cooldown(1000, 10_000));
  await library.suggest('', 1, 600_000);
}, 900_000);

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
});

describe(`autocomplete over ${ARTICLES.toLocaleString('en')} titles`, () => {
  it('answers every kind of typed value within Discord’s deadline, with matching choices', async () => {
    // A common word, a phrase in either script, the start of a word, a mistyped word, a year, a month, an id, a date as written, nothing.
    const typedValues = ['會議', '新質生產力', '航天强国建', '数字化攻关', '數字化攻堅', '2024', '2024-03', '000123', '3月5日', 'zzz'];
    for (const typed of typedValues) {
      const interaction = fake.dispatchInteraction({
        type: 4,
        locale: 'zh-TW',
        ...asker('guild'),
        data: { id: nextSnowflake(), name: 'summary', type: 1, options: [{ name: 'article', type: 3, value: typed, focused: true }] },
      });
      const started = performance.now();
      const callback = await fake.waitForRequest(request => request.method === 'POST' && request.path === `/api/v10/interactions/${interaction.id}/${interaction.token}/callback`);
      const elapsed = performance.now() - started;
      expect(elapsed, typed).toBeLessThan(DISCORD_DEADLINE_MS);
      expect(callback.body.type).toBe(8);
      const choices = (callback.body.data as { choices: { name: string; value: string }[] }).choices;
      if (typed === 'zzz') expect(choices).toEqual([]);
      else expect(choices.length, typed).toBeGreaterThan(0);
      expect(choices.length).toBeLessThanOrEqual(25);
      for (const choice of choices) expect(library.get(choice.value), typed).toBeDefined();
    }
  }, 120_000);
});
