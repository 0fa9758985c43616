import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../src/config';
import { connectBot, type RunningBot } from '../src/bot/bot';
import { Cooldown } from '../src/bot/cooldown';
import { LiveLibrary } from '../src/library/live-library';
import { Library } from '../src/library/library';
import { NO_OPTIONS } from '../src/search/options';
import { APPLICATION_ID, asker, FakeDiscord, messageObject, nextSnowflake, type RecordedRequest } from './fake-discord';
import { loadCorpus } from '../src/corpus/load';
import { parseCsv } from './csv';
import { articleFrom, bundledLibrary, converse, OPTIONS_CORPUS } from './helpers';
import { pngHeader } from './png';
import { trendAnswer } from '../src/replies/trend';

/**
 * The bot through the real discord.js client, against a fake Discord on 127.0.0.1: what it sends is
 * what Discord would receive.
 */

const TOKEN = 'fake-bot-token.for-end-to-end-tests';
const COOLDOWN_LIMIT = 30;
/** An id too long for a button's custom id, as a JSONL record may have. */
const LONG_ID = `研究院安全生產會議:${'報告'.repeat(60)}`;
let fake: FakeDiscord;
let bot: RunningBot;
let library: Library;

beforeAll(async () => {
  fake = await FakeDiscord.start();
  const bundled = await bundledLibrary();
  const extra = Array.from({ length: 12 }, (_, n) => articleFrom(`reform-${String(n).padStart(2, '0')}`, `第${n}次改革工作會議召開。`));
  extra.push(articleFrom(LONG_ID, '3月2日，研究院召開安全生產會議。院長陳明主持會議並講話，副院長王立出席。'));
  extra.push(articleFrom('long-report', `3月1日，集團召開年度工作會議。黨委書記張偉主持會議。\n${'會議要求，要抓好各項工作落實。'.repeat(15_000)}`));
  extra.push(articleFrom('long-minutes', `3月2日，集團召開安全生產會議。總經理李明主持會議。\n${'會議強調，要壓實安全生產責任。'.repeat(15_000)}`));
  // A page of names, titles and verbs with no punctuation: about a second to analyse.
  extra.push(articleFrom('slow-report', `3月3日，集團召開黨建工作會議。黨委書記趙剛主持會議。\n${'黨委書記董事長張三主持會議並講話總經理李四出席會議副總經理王五參加會議學習貫徹精神'.repeat(8_000)}`));
  // Dated records with urls, for the options of /search and its export.
  const dated = (await loadCorpus(OPTIONS_CORPUS)).articles;
  const config = readConfig({ DISCORD_TOKEN: TOKEN, DISCORD_API_URL: fake.apiUrl, DATA_DIR: 'data' });
  library = new Library([...bundled.articles, ...extra, ...dated]);
  bot = await connectBot(config, new LiveLibrary(library, config.dataDir), new Cooldown(COOLDOWN_LIMIT, 10_000));
});

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
});

/** Where an interaction comes from (see asker). */
type Where = Parameters<typeof asker>[0];

function command(name: string, options: Record<string, string>, where: Where, locale: string, userId?: string) {
  return fake.dispatchInteraction({
    type: 2,
    locale,
    ...asker(where, userId),
    data: { id: nextSnowflake(), name, type: 1, options: Object.entries(options).map(([option, value]) => ({ name: option, type: 3, value })) },
  });
}

function autocomplete(name: string, typed: string, where: Where, locale: string) {
  return fake.dispatchInteraction({
    type: 4,
    locale,
    ...asker(where),
    data: { id: nextSnowflake(), name, type: 1, options: [{ name: 'article', type: 3, value: typed, focused: true }] },
  });
}

function callbackOf(interaction: { id: string; token: string }): Promise<RecordedRequest> {
  return fake.waitForRequest(request => request.method === 'POST' && request.path === `/api/v10/interactions/${interaction.id}/${interaction.token}/callback`);
}

/** A button press on a message; `messageFlags` 64 presses one on an ephemeral message. */
function press(customId: string, where: Where, userId?: string, locale = 'en-US', messageFlags = 0) {
  const who = asker(where, userId);
  return fake.dispatchInteraction({
    type: 3,
    locale,
    ...who,
    data: { custom_id: customId, component_type: 2 },
    message: messageObject({ flags: messageFlags }, who.channel_id),
  });
}

describe('the bot through discord.js and a fake Discord', () => {
  it('logs in through GET /gateway/bot and identifies on the gateway', async () => {
    expect(fake.requests.some(request => request.path === '/api/v10/gateway/bot' && request.authorization === `Bot ${TOKEN}`)).toBe(true);
    const identify = await fake.waitForGatewayOp(2);
    expect(identify.d.token).toBe(TOKEN);
  });

  it('answers /search in a guild, in Simplified for zh-CN, with no mentions', async () => {
    const callback = await callbackOf(command('search', { phrase: '新質生產力' }, 'guild', 'zh-CN'));
    expect(callback.body.type).toBe(4);
    const [embed] = callback.body.data.embeds;
    expect(embed.title).toBe('搜索：“新質生產力”');
    expect(embed.description).toContain('关于发展**新质生产力**的重要论述');
    expect(callback.body.data.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(callback.body.data.flags ?? 0).toBe(0);
    expect(callback.authorization).toBeUndefined();
    // The console says the same words for the same locale.
    expect(await converse(['/search 新質生產力'], 'zh-CN', library)).toContain(embed.description);
  });

  it('pages /search with buttons the asker turns in place, and anyone else in a copy of their own', async () => {
    const first = await callbackOf(command('search', { phrase: '改革' }, 'guild', 'en-US'));
    expect(first.body.data.embeds[0].footer.text).toBe('Page 1 of 3');
    const [previous, next, exportButton] = first.body.data.components[0].components;
    expect(previous.disabled).toBe(true);
    expect(next.disabled).toBe(false);
    expect(exportButton.label).toBe('Export');
    for (const button of [previous, next, exportButton]) expect(button.custom_id.length).toBeLessThanOrEqual(100);

    const turned = await callbackOf(press(next.custom_id, 'guild'));
    expect(turned.body.type).toBe(7);
    expect(turned.body.data.embeds[0].footer.text).toBe('Page 2 of 3');
    expect(turned.body.data.embeds[0].description).toMatch(/^\d+ articles, \d+ mentions\n\n6\. \*\*/);

    // A colleague presses Next on the asker's page 2 (the button says page 3): their own copy opens there, in their language.
    const [, nextOnSecond] = turned.body.data.components[0].components;
    const colleague = '400000000000000099';
    const copy = await callbackOf(press(nextOnSecond.custom_id, 'guild', colleague, 'zh-TW'));
    expect(copy.body.type).toBe(4);
    expect(copy.body.data.flags).toBe(64);
    expect(copy.body.data.embeds[0].footer.text).toBe('第 3/3 頁');
    const [backInCopy] = copy.body.data.components[0].components;
    expect(backInCopy.label).toBe('上一頁');
    // In their copy they turn pages in place; the asker's reply stays where it was.
    const copyTurned = await callbackOf(press(backInCopy.custom_id, 'guild', colleague, 'zh-TW', 64));
    expect(copyTurned.body.type).toBe(7);
    expect(copyTurned.body.data.embeds[0].footer.text).toBe('第 2/3 頁');
    const askerAgain = await callbackOf(press(nextOnSecond.custom_id, 'guild'));
    expect(askerAgain.body.type).toBe(7);
    expect(askerAgain.body.data.embeds[0].footer.text).toBe('Page 3 of 3');

    const expired = await callbackOf(press('search:nosuchsession:1', 'guild'));
    expect(expired.body.data.flags).toBe(64);
    expect(expired.body.data.embeds[0].description).toMatch(/can no longer be paged or exported/);
  });

  it('narrows /search with also, without, from and to, sorts it, and keeps the options when paged', async () => {
    const options = { phrase: '新質生產力', also: '高質量發展', without: '習近平', from: '2024-01', to: '2024-06', sort: 'newest' };
    const answer = await callbackOf(command('search', options, 'guild', 'zh-TW'));
    const [embed] = answer.body.data.embeds;
    expect(embed.description.split('\n').slice(0, 3)).toEqual(['5 篇文章，共 9 處提及', '同時包含：「高質量發展」 · 不含：「習近平」 · 2024-01 至 2024-06 · 最新在前', '2 篇沒有完整日期的文章未列入日期範圍。']);
    expect([...embed.description.matchAll(/`(r\d\d)`/g)].map(match => match[1])).toEqual(['r07', 'r11', 'r04', 'r05', 'r02']);
    expect(answer.body.data.components[0].components.map((button: { label: string }) => button.label)).toEqual(['匯出']);

    const oldest = await callbackOf(command('search', { phrase: '高質量發展', sort: 'oldest', from: '2023' }, 'guild', 'en-US'));
    const [, next] = oldest.body.data.components[0].components;
    const second = await callbackOf(press(next.custom_id, 'guild'));
    const description = second.body.data.embeds[0].description;
    expect(description.split('\n')[1]).toBe('From 2023 · Oldest first');
    const dates = [...description.matchAll(/ · (\d{4}-\d\d-\d\d) · /g)].map(match => match[1]);
    expect(dates.length).toBeGreaterThan(0);
    expect(dates).toEqual([...dates].sort());

    const refused = await callbackOf(command('search', { phrase: '新質生產力', from: '2024-13' }, 'guild', 'en-US'));
    expect(refused.body.data.flags).toBe(64);
    expect(refused.body.data.embeds[0].description).toBe('Write dates as YYYY, YYYY-MM or YYYY-MM-DD, not “2024-13”.');
  });

  it('answers a user who installed the app for themselves, in a DM and in a group DM the bot is not in, pages and exports included', async () => {
    // A user of their own, so that their requests count toward no other test's cooldown.
    const user = '400000000000000066';
    for (const where of ['dm', 'group'] as const) {
      const first = await callbackOf(command('search', { phrase: '改革' }, where, 'en-US', user));
      // The interaction's own response: nothing is posted to the channel.
      expect(first.body.type).toBe(4);
      expect(first.body.data.embeds[0].footer.text).toBe('Page 1 of 3');
      const [, next, exportButton] = first.body.data.components[0].components;
      const turned = await callbackOf(press(next.custom_id, where, user));
      expect(turned.body).toMatchObject({ type: 7, data: { embeds: [{ footer: { text: 'Page 2 of 3' } }] } });
      const pressed = press(exportButton.custom_id, where, user);
      expect((await callbackOf(pressed)).body).toMatchObject({ type: 5, data: { flags: 64 } });
      const exported = await fake.waitForRequest(request => request.method === 'PATCH' && request.path === `/api/v10/webhooks/${APPLICATION_ID}/${pressed.token}/messages/@original`);
      expect(exported.files[0]!.name).toBe('search.csv');
      const summary = await callbackOf(command('summary', { article: '004_62825ae384032cb4' }, where, 'zh-CN', user));
      expect(summary.body.type).toBe(4);
    }
    expect(fake.requests.filter(request => request.method === 'POST' && /\/channels\/\d+\/messages/.test(request.path))).toEqual([]);
  });

  it('exports the whole result, not only the page, as a CSV file to whoever presses Export', async () => {
    const answer = await callbackOf(command('search', { phrase: '高質量發展', without: '習近平', sort: 'oldest' }, 'guild', 'en-US'));
    const exportButton = answer.body.data.components[0].components.at(-1);
    for (const [who, locale] of [['400000000000000001', 'en-US'], ['400000000000000055', 'zh-CN']] as const) {
      const pressed = press(exportButton.custom_id, 'guild', who, locale);
      // Deferred, ephemerally: thousands of snippets take time on a large corpus.
      expect((await callbackOf(pressed)).body).toMatchObject({ type: 5, data: { flags: 64 } });
      const exported = await fake.waitForRequest(request => request.method === 'PATCH' && request.path === `/api/v10/webhooks/${APPLICATION_ID}/${pressed.token}/messages/@original`);
      const [file] = exported.files;
      expect(file!.name).toBe('search.csv');
      expect([...file!.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const [header, ...rows] = parseCsv(file!.bytes.toString('utf8').slice(1));
      expect(header).toEqual(['id', 'title', 'date', 'mentions', 'snippet', 'url']);
      const outcome = library.search('高質量發展', { ...NO_OPTIONS, without: ['習近平'], sort: 'oldest' });
      expect(rows.map(row => row[0])).toEqual(outcome.kind === 'found' ? outcome.hits.map(hit => hit.article.id) : null);
      expect(rows.length).toBeGreaterThan(5);
      expect(rows.filter(row => /^r\d\d$/.test(row[0]!)).slice(0, 3).map(row => [row[0], row[2], row[5]])).toEqual([
        ['r01', '2023-12-30', 'https://example.org/r01'],
        ['r02', '2024-01-05', 'https://example.org/r02'],
        ['r05', '2024-03-01', ''],
      ]);
      expect(rows.find(row => row[0] === 'r04')![5]).toBe('https://example.org/r04?a=1,b="2"');
      expect(rows.find(row => row[0] === 'r01')![4]).toBe('會議強調，發展新質生產力是推動高質量發展的內在要求。');
      expect(exported.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
      expect(exported.body.embeds[0].description).toBe(locale === 'en-US' ? `All ${rows.length} results as CSV (UTF-8).` : `全部 ${rows.length} 条结果，CSV 格式（UTF-8）。`);
    }
  });

  it('autocompletes the article option from memory', async () => {
    const callback = await callbackOf(autocomplete('summary', '东方电气', 'guild', 'zh-TW'));
    expect(callback.body.type).toBe(8);
    expect(callback.body.data.choices).toEqual([{ name: '2月18日 東方電氣集團舉行黨組理論學習中心組(擴大)學習會', value: '004_62825ae384032cb4' }]);
  });

  it('autocompletes /participants in a DM by date, in Simplified for zh-CN', async () => {
    const callback = await callbackOf(autocomplete('participants', '6月17日', 'dm', 'zh-CN'));
    expect(callback.body.data.choices).toEqual([{ name: '2022年6月17日 我院党委组织开展“践行十四五战略 打赢数字化攻坚战”揭榜挂帅活动', value: '001_d409caa57de1005b' }]);
  });

  it('answers /summary in a DM with English labels and the article’s own text', async () => {
    const callback = await callbackOf(command('summary', { article: '004_62825ae384032cb4' }, 'dm', 'en-US'));
    const embeds = callback.body.data.embeds;
    expect(embeds[0].title).toBe('Summary: 東方電氣集團舉行黨組理論學習中心組(擴大)學習會');
    expect(embeds[1].title).toBe('東方電氣集團 · 黨組理論學習中心組(擴大)學習會');
    expect(embeds[1].fields.find((field: { name: string }) => field.name === 'Chair').value).toBe('**俞培根** · 黨組書記、董事長');
  });

  it('defers /summary of a very long article, then edits the answer in', async () => {
    const interaction = command('summary', { article: 'long-report' }, 'guild', 'en-US');
    const deferred = await callbackOf(interaction);
    expect(deferred.body.type).toBe(5);
    const edited = await fake.waitForRequest(request => request.method === 'PATCH' && request.path === `/api/v10/webhooks/${APPLICATION_ID}/${interaction.token}/messages/@original`);
    expect(edited.body.embeds[1].fields.find((field: { name: string }) => field.name === 'Chair').value).toBe('**張偉** · 黨委書記');
    expect(edited.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it('keeps answering others while a long article is analysed', async () => {
    const slow = command('summary', { article: 'slow-report' }, 'guild', 'en-US');
    const summaryEdited = (request: RecordedRequest) => request.method === 'PATCH' && request.path === `/api/v10/webhooks/${APPLICATION_ID}/${slow.token}/messages/@original`;
    expect((await callbackOf(slow)).body.type).toBe(5);
    // The analysis runs in a worker: a search sent after it is answered before it ends.
    const search = await callbackOf(command('search', { phrase: '新質生產力' }, 'guild', 'en-US'));
    expect(search.body.type).toBe(4);
    expect(fake.requests.some(summaryEdited)).toBe(false);
    const edited = await fake.waitForRequest(summaryEdited, 30_000);
    expect(edited.body.embeds[1].fields.find((field: { name: string }) => field.name === 'Chair').value).toBe('**趙剛** · 黨委書記');
  });

  it('answers /participants in Traditional for zh-TW', async () => {
    const callback = await callbackOf(command('participants', { article: '001_d409caa57de1005b' }, 'guild', 'zh-TW'));
    const [embed] = callback.body.data.embeds;
    expect(embed.title).toMatch(/^參會人員：/);
    expect(embed.description).toContain('• **婁宇** · 院董事長、黨委書記 · 講話、出席');
  });

  it('answers an unknown article ephemerally, with suggestions', async () => {
    const callback = await callbackOf(command('summary', { article: 'd409' }, 'guild', 'en-US'));
    expect(callback.body.data.flags).toBe(64);
    expect(callback.body.data.embeds[0].description).toContain('Did you mean:');
  });

  it('answers for an article typed rather than picked, when the value names only it', async () => {
    const callback = await callbackOf(command('summary', { article: '乐凯' }, 'guild', 'zh-CN'));
    expect(callback.body.data.flags ?? 0).toBe(0);
    expect(callback.body.data.embeds[0].title).toBe('会议摘要：中国乐凯党委组织召开中心组学习扩大会');
  });

  it('waits out a 429 on the reply and sends it again', async () => {
    fake.fail(request => request.path.endsWith('/callback') && request.body?.data?.embeds?.[0]?.title === 'Search: “揭榜”', 429, 1, { 'retry-after': '0.05' }, { message: 'You are being rate limited.', retry_after: 0.05, global: false });
    const interaction = command('search', { phrase: '揭榜' }, 'guild', 'en-US');
    const path = `/api/v10/interactions/${interaction.id}/${interaction.token}/callback`;
    await expect.poll(() => fake.requests.filter(request => request.path === path).length, { timeout: 5000 }).toBe(2);
  });

  it('retries a 500 on the reply until it goes through', async () => {
    fake.fail(request => request.path.endsWith('/callback') && request.body?.data?.embeds?.[0]?.title === 'Search: “挂帥”', 500, 2);
    const interaction = command('search', { phrase: '挂帥' }, 'guild', 'en-US');
    const path = `/api/v10/interactions/${interaction.id}/${interaction.token}/callback`;
    await expect.poll(() => fake.requests.filter(request => request.path === path).length, { timeout: 5000 }).toBe(3);
  });

  it('keeps running when Discord refuses every attempt at a reply', async () => {
    fake.fail(request => request.path.endsWith('/callback') && request.body?.data?.embeds?.[0]?.title === 'Search: “樂凱”', 500, 8);
    const failing = command('search', { phrase: '樂凱' }, 'guild', 'en-US');
    const path = `/api/v10/interactions/${failing.id}/${failing.token}/callback`;
    await expect.poll(() => fake.requests.filter(request => request.path === path).length, { timeout: 5000 }).toBeGreaterThanOrEqual(4);
    const after = await callbackOf(command('search', { phrase: '新質生產力' }, 'guild', 'en-US'));
    expect(after.body.type).toBe(4);
  });

  it('logs a warning, not an error, when Discord says the interaction is gone', async () => {
    const written: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string) => {
      written.push(String(chunk));
      return true;
    }) as typeof process.stderr.write;
    try {
      fake.fail(request => request.path.endsWith('/callback') && request.body?.data?.embeds?.[0]?.title === 'Search: “先行”', 404, 1, {}, { message: 'Unknown interaction', code: 10062 });
      command('search', { phrase: '先行' }, 'guild', 'en-US');
      await expect.poll(() => written.join(''), { timeout: 5000 }).toMatch(/WARN \/search: Discord no longer accepts an answer \(10062\)/);
      expect(written.join('')).not.toMatch(/ERROR/);
    } finally {
      process.stderr.write = write;
    }
  });

  it('slows down a user who repeats a command many times a second, with a clear message', async () => {
    const hurried = '400000000000000077';
    const answers = Array.from({ length: COOLDOWN_LIMIT + 1 }, () => callbackOf(command('search', { phrase: '揭榜' }, 'guild', 'zh-TW', hurried)));
    const bodies = (await Promise.all(answers)).map(callback => callback.body.data);
    const refused = bodies.filter(body => body.flags === 64);
    expect(refused).toHaveLength(1);
    expect(refused[0].embeds[0].description).toMatch(/^操作太頻繁，請 \d+ 秒後再試。$/);
    const other = await callbackOf(command('search', { phrase: '揭榜' }, 'guild', 'en-US', '400000000000000078'));
    expect(other.body.data.flags ?? 0).toBe(0);
  });

  it('resumes after the gateway drops, and keeps answering', async () => {
    const before = fake.gatewayOps.length;
    fake.dropGateway();
    const resume = await fake.waitForGatewayOp(6, before);
    expect(resume.d).toMatchObject({ token: TOKEN, session_id: 'fake-session-0-of-1' });
    await new Promise(resolve => setTimeout(resolve, 100));
    const callback = await callbackOf(command('search', { phrase: '新質生產力' }, 'guild', 'en-US'));
    expect(callback.body.data.embeds[0].title).toBe('Search: “新質生產力”');
  });
});

describe('/read', () => {
  it('shows the passages around each mention of a phrase in bold, in the reader’s script', async () => {
    const answer = await callbackOf(command('read', { article: '000_5a4681f7358e924d', phrase: '新質生產力' }, 'guild', 'zh-CN'));
    expect(answer.body.type).toBe(4);
    const [embed] = answer.body.data.embeds;
    expect(embed.title).toBe('阅读：中国乐凯党委组织召开中心组学习扩大会');
    const lines = embed.description.split('\n');
    expect(lines[0]).toBe('“新質生產力”共 2 处提及');
    expect(lines.filter((line: string) => line.startsWith('> '))).toHaveLength(2);
    expect(embed.description).toContain('关于发展**新质生产力**的重要论述');
    expect(answer.body.data.components).toEqual([]);
  });

  it('shows the whole text with the source’s address, and says when the phrase is not there', async () => {
    const whole = await callbackOf(command('read', { article: 'r04' }, 'dm', 'en-US'));
    expect(whole.body.data.embeds[0].description).toBe('Source: <https://example.org/r04?a=1,b="2">\n\n會議研究新質生產力，推動高質量發展，新質生產力，新質生產力。');
    const absent = await callbackOf(command('read', { article: 'r04', phrase: '習近平' }, 'dm', 'zh-TW'));
    expect(absent.body.data.embeds[0].description).toBe('來源網址：<https://example.org/r04?a=1,b="2">\n文章沒有提到「習近平」。');
  });

  it('pages a long article within Discord’s limits, for the asker in place and for a colleague in a copy', async () => {
    const first = await callbackOf(command('read', { article: 'long-report' }, 'guild', 'en-US'));
    const [embed] = first.body.data.embeds;
    expect(embed.description.length).toBeLessThanOrEqual(4096);
    expect(embed.footer.text).toMatch(/^long-report · 3月1日 · Page 1 of \d+$/);
    const [, next] = first.body.data.components[0].components;
    const second = await callbackOf(press(next.custom_id, 'guild'));
    expect(second.body.type).toBe(7);
    expect(second.body.data.embeds[0].footer.text).toMatch(/Page 2 of/);
    const copy = await callbackOf(press(next.custom_id, 'guild', '400000000000000099'));
    expect(copy.body).toMatchObject({ type: 4, data: { flags: 64 } });
    expect(copy.body.data.embeds[0].footer.text).toMatch(/Page 2 of/);
    const expired = await callbackOf(press('read:nosuchsession:1', 'guild'));
    expect(expired.body.data.embeds[0].description).toBe('These pages can no longer be turned; run /read again.');
  });

  it('autocompletes its article option', async () => {
    const callback = await callbackOf(autocomplete('read', '东方电气', 'guild', 'zh-TW'));
    expect(callback.body.data.choices).toEqual([{ name: '2月18日 東方電氣集團舉行黨組理論學習中心組(擴大)學習會', value: '004_62825ae384032cb4' }]);
  });
});

describe('/trend', () => {
  // A user of its own, so that the cooldown counts only these tests' commands.
  const ASKER = '400000000000000201';
  const edited = (interaction: { token: string }) => fake.waitForRequest(request => request.method === 'PATCH' && request.path === `/api/v10/webhooks/${APPLICATION_ID}/${interaction.token}/messages/@original`);

  it('answers with the chart attached as a PNG and each phrase’s totals beside it, in Simplified for zh-CN', async () => {
    const interaction = command('trend', { phrases: '新質生產力、高質量發展' }, 'guild', 'zh-CN', ASKER);
    // Deferred in the channel (not ephemerally) while the chart is drawn.
    const deferred = await callbackOf(interaction);
    expect(deferred.body.type).toBe(5);
    expect(deferred.body.data?.flags ?? 0).toBe(0);
    const answer = await edited(interaction);
    const [embed] = answer.body.embeds;
    expect(embed.title).toBe('趋势：“新质生产力”、“高质量发展”');
    expect(embed.description).toBe(trendAnswer(library, { phrases: ['新質生產力、高質量發展'], by: null, from: null, to: null, measure: null }, 'zh-CN').reply.cards[0]!.description);
    expect(embed.description).toContain('**新质生产力** · 9 篇文章，共 13 处提及 · 最早 2023-12 · 高峰 2024-03（2 篇） · 另有 3 篇没有完整日期，未计入');
    expect(embed.image.url).toBe('attachment://trend.png');
    expect(answer.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    const [file] = answer.files;
    expect(file!.name).toBe('trend.png');
    const header = pngHeader(file!.bytes);
    expect(header.width).toBeGreaterThanOrEqual(800);
    expect(header.height).toBeGreaterThanOrEqual(400);
    const [exportButton] = answer.body.components[0].components;
    expect(exportButton.label).toBe('导出');
    expect(exportButton.custom_id.length).toBeLessThanOrEqual(100);
  });

  it('exports the counts as CSV to whoever presses Export, in their own language', async () => {
    const interaction = command('trend', { phrases: '新質生產力, 高質量發展', by: 'quarter', measure: 'share' }, 'guild', 'zh-TW', ASKER);
    const answer = await edited(interaction);
    expect(answer.body.embeds[0].description.split('\n')[0]).toBe('按季度 · 2022-Q2 至 2024-Q3 · 占比：每千篇文章中提及的篇數');
    const [exportButton] = answer.body.components[0].components;
    expect(exportButton.label).toBe('匯出');
    const pressed = press(exportButton.custom_id, 'guild', '400000000000000055', 'en-US');
    expect((await callbackOf(pressed)).body).toMatchObject({ type: 5, data: { flags: 64 } });
    const exported = await edited(pressed);
    const [file] = exported.files;
    expect(file!.name).toBe('trend.csv');
    expect([...file!.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = parseCsv(file!.bytes.toString('utf8').slice(1));
    expect(header).toEqual(['period', 'articles in period', '新質生產力: articles', '新質生產力: mentions', '新質生產力: per 1000 articles', '高質量發展: articles', '高質量發展: mentions', '高質量發展: per 1000 articles']);
    expect(rows.map(row => row[0])).toEqual(['2022-Q2', '2022-Q3', '2022-Q4', '2023-Q1', '2023-Q2', '2023-Q3', '2023-Q4', '2024-Q1', '2024-Q2', '2024-Q3']);
    expect(rows.at(-2)).toEqual(['2024-Q2', '4', '3', '4', '750', '3', '3', '750']);
    expect(exported.body.embeds[0].description).toBe('The counts for 10 periods as CSV (UTF-8).');
  });

  it('answers in English with the article’s own script, in a DM', async () => {
    const interaction = command('trend', { phrases: '新质生产力', from: '2024-01', to: '2024-06', measure: 'mentions' }, 'dm', 'en-US', ASKER);
    const answer = await edited(interaction);
    expect(answer.body.embeds[0].title).toBe('Trend: “新质生产力”');
    expect(answer.body.embeds[0].description.split('\n')).toEqual(['By month · 2024-01 to 2024-06 · Mentions', '', '**新质生产力** · 7 articles, 11 mentions · first 2024-01 · peak 2024-03 (4 mentions) · 3 undated articles left out']);
    expect(pngHeader(answer.files[0]!.bytes).width).toBeGreaterThanOrEqual(800);
  });

  it('refuses what it cannot count at once, for the asker alone, and says when Export has expired', async () => {
    const refused = await callbackOf(command('trend', { phrases: '改革、發展、黨員、先行、會議' }, 'guild', 'en-US', ASKER));
    expect(refused.body).toMatchObject({ type: 4, data: { flags: 64 } });
    expect(refused.body.data.embeds[0].description).toBe('At most 4 phrases, separated by commas (, ， or 、).');
    const expired = await callbackOf(press('trend:nosuchsession:export', 'guild', ASKER, 'zh-CN'));
    expect(expired.body.data.flags).toBe(64);
    expect(expired.body.data.embeds[0].description).toBe('这些统计已不能导出，请重新运行 /trend。');
  });
});

describe('the Sources button under /participants and /summary', () => {
  const ASKER = '400000000000000101';
  const OTHER = '400000000000000102';

  function sourcesButtonOf(body: any) {
    const [button] = body.components[0].components;
    expect(button.custom_id.length).toBeLessThanOrEqual(100);
    return button;
  }

  it('shows each participant with the sentence naming them in bold, to the presser alone', async () => {
    const answer = await callbackOf(command('participants', { article: '001_d409caa57de1005b' }, 'guild', 'en-US', ASKER));
    const button = sourcesButtonOf(answer.body.data);
    expect(button.label).toBe('Sources');

    const sources = await callbackOf(press(button.custom_id, 'guild', ASKER));
    expect(sources.body.type).toBe(4);
    expect(sources.body.data.flags).toBe(64);
    expect(sources.body.data.allowed_mentions).toEqual({ parse: [], replied_user: false });
    const [embed] = sources.body.data.embeds;
    expect(embed.title).toBe('Sources: 我院黨委組織開展“踐行十四五戰略 打赢數字化攻堅戰”揭榜挂帥活動');
    expect(embed.description).toContain('• **劉洋河** · spoke\n> **劉洋河**在講話中肯定了勇于揭榜挂帥的各位黨員和青年員工');
  });

  it('pages the sources of a long list in place, with Previous and Next', async () => {
    const answer = await callbackOf(command('participants', { article: '000_5a4681f7358e924d' }, 'guild', 'en-US', ASKER));
    const first = await callbackOf(press(sourcesButtonOf(answer.body.data).custom_id, 'guild', ASKER));
    expect(first.body.data.flags).toBe(64);
    expect(first.body.data.embeds[0].footer.text).toBe('000_5a4681f7358e924d · Page 1 of 2');
    const [previous, next] = first.body.data.components[0].components;
    expect([previous.disabled, next.disabled]).toEqual([true, false]);

    const second = await callbackOf(press(next.custom_id, 'guild', ASKER));
    expect(second.body.type).toBe(7);
    expect(second.body.data.embeds[0].footer.text).toBe('000_5a4681f7358e924d · Page 2 of 2');
    expect(second.body.data.embeds[0].description).not.toBe(first.body.data.embeds[0].description);
    const [back, onward] = second.body.data.components[0].components;
    expect([back.disabled, onward.disabled]).toEqual([false, true]);

    const again = await callbackOf(press(back.custom_id, 'guild', ASKER));
    expect(again.body.type).toBe(7);
    expect(again.body.data.embeds[0].description).toBe(first.body.data.embeds[0].description);
  });

  it('shows the sources of /summary in Simplified for zh-CN, and to a second presser in their own script', async () => {
    const answer = await callbackOf(command('summary', { article: '004_62825ae384032cb4' }, 'guild', 'zh-CN', ASKER));
    const button = sourcesButtonOf(answer.body.data);
    expect(button.label).toBe('来源');

    const mine = await callbackOf(press(button.custom_id, 'guild', ASKER, 'zh-CN'));
    expect(mine.body.data.flags).toBe(64);
    expect(mine.body.data.embeds[0].title).toBe('来源：东方电气集团举行党组理论学习中心组(扩大)学习会');
    expect(mine.body.data.embeds[0].description).toContain('主持: **俞培根** · 党组书记、董事长\n> 党组书记、董事长**俞培根**主持学习会');

    const theirs = await callbackOf(press(button.custom_id, 'guild', OTHER, 'zh-TW'));
    expect(theirs.body.type).toBe(4);
    expect(theirs.body.data.flags).toBe(64);
    expect(theirs.body.data.embeds[0].title).toBe('來源：東方電氣集團舉行黨組理論學習中心組(擴大)學習會');
    expect(theirs.body.data.embeds[0].description).toContain('黨組書記、董事長**俞培根**主持學習會');
  });

  it('works for an article whose id is too long for a custom id', async () => {
    const answer = await callbackOf(command('participants', { article: '研究院召開安全生產會議' }, 'dm', 'en-US', ASKER));
    expect(answer.body.data.embeds[0].footer.text).toBe(LONG_ID);
    const sources = await callbackOf(press(sourcesButtonOf(answer.body.data).custom_id, 'dm', ASKER));
    expect(sources.body.data.flags).toBe(64);
    expect(sources.body.data.embeds[0].description).toContain('> **院長陳明**主持會議並講話');
  });

  it('defers the sources of a very long article not analysed yet, ephemerally, then edits them in', async () => {
    // As after a restart, a button under an old answer: the article has not been analysed since.
    const pressed = press('summary:sources:@long-minutes', 'guild', ASKER);
    const deferred = await callbackOf(pressed);
    expect(deferred.body).toMatchObject({ type: 5, data: { flags: 64 } });
    const edited = await fake.waitForRequest(request => request.method === 'PATCH' && request.path === `/api/v10/webhooks/${APPLICATION_ID}/${pressed.token}/messages/@original`);
    expect(edited.body.embeds[0].description).toContain('**李明**主持會議');
  });

  it('answers the sources of a very long article at once when it was just analysed', async () => {
    const interaction = command('summary', { article: 'long-report' }, 'guild', 'en-US', ASKER);
    const callback = await callbackOf(interaction);
    // Deferred unless an earlier test has had it analysed already.
    const answer = callback.body.type === 4 ? callback.body.data : (await fake.waitForRequest(request => request.method === 'PATCH' && request.path === `/api/v10/webhooks/${APPLICATION_ID}/${interaction.token}/messages/@original`)).body;
    const sources = await callbackOf(press(sourcesButtonOf(answer).custom_id, 'guild', ASKER));
    expect(sources.body).toMatchObject({ type: 4, data: { flags: 64 } });
    expect(sources.body.data.embeds[0].description).toContain('**張偉**主持會議');
  });

  it('is not offered under an error, and says so ephemerally when the article is gone', async () => {
    const refused = await callbackOf(command('participants', { article: 'no-such-article' }, 'guild', 'en-US', ASKER));
    expect(refused.body.data.flags).toBe(64);
    expect(refused.body.data.components).toEqual([]);

    for (const customId of ['participants:sources:@no-such-article', 'summary:sources-page:1:#AAAAAAAAAAAAAAAAAAAAAA', 'summary:sources:../data/000_5a4681f7358e924d']) {
      const gone = await callbackOf(press(customId, 'guild', ASKER));
      expect(gone.body.data.flags).toBe(64);
      expect(gone.body.data.embeds[0].description).toBe('That article is no longer in the library, so its sources cannot be shown.');
    }
  });
});
