import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { analyseArticle } from '../src/analysis/analyse';
import type { Article } from '../src/corpus/article';
import { loadCorpus } from '../src/corpus/load';
import { LiveLibrary } from '../src/library/live-library';
import { readConfig } from '../src/config';
import { connectBot, type RunningBot } from '../src/bot/bot';
import { Library } from '../src/library/library';
import { LivePeople } from '../src/library/live-people';
import { parseCsv } from './csv';
import { APPLICATION_ID, asker, FakeDiscord, messageObject, nextSnowflake, type RecordedRequest } from './fake-discord';
import { articleFrom, bundledLibrary } from './helpers';
import { PEOPLE_CORPUS } from './people-helpers';

/**
 * /person through the real discord.js client against the fake Discord: the answer while the people
 * index is still being built, autocomplete, paging and Export, and the menu under /participants.
 */

let fake: FakeDiscord;
let bot: RunningBot;
let people: LivePeople;
let library: Library;
/** Articles the people index analyses before it waits for the test to let it go on. */
const ANALYSED_FIRST = 2;
let letGo: () => void = () => {};
let analysed = 0;

beforeAll(async () => {
  fake = await FakeDiscord.start();
  // Twelve reports of one chair, for two pages of appearances.
  const chaired = Array.from({ length: 12 }, (_, n) => articleFrom(`zhao-${String(n + 1).padStart(2, '0')}`, `2024年1月${n + 1}日，集團召開第${n + 1}次黨委會。黨委書記趙剛主持會議。`));
  library = new Library([...(await bundledLibrary()).articles, ...(await loadCorpus(PEOPLE_CORPUS)).articles, ...chaired]);
  const live = new LiveLibrary(library, PEOPLE_CORPUS);
  const held = new Promise<void>(resolve => (letGo = resolve));
  people = new LivePeople(live, {
    dataDirectory: PEOPLE_CORPUS,
    cacheDirectory: null,
    analysis: () => ({
      analyse: async (article: Article) => {
        if (++analysed > ANALYSED_FIRST) await held;
        return analyseArticle(article, undefined, 'meetings');
      },
      close: async () => {},
    }),
  });
  const config = readConfig({ DISCORD_TOKEN: 'fake-bot-token.for-person-tests', DISCORD_API_URL: fake.apiUrl, DATA_DIR: PEOPLE_CORPUS });
  bot = await connectBot(config, live, undefined, people);
});

afterAll(async () => {
  letGo();
  await bot?.stop();
  await fake?.close();
});

function command(name: string, options: Record<string, string>, locale: string, userId?: string) {
  return fake.dispatchInteraction({
    type: 2,
    locale,
    ...asker('guild', userId),
    data: { id: nextSnowflake(), name, type: 1, options: Object.entries(options).map(([option, value]) => ({ name: option, type: 3, value })) },
  });
}

function autocomplete(typed: string, locale: string) {
  return fake.dispatchInteraction({ type: 4, locale, ...asker('guild'), data: { id: nextSnowflake(), name: 'person', type: 1, options: [{ name: 'name', type: 3, value: typed, focused: true }] } });
}

function press(customId: string, userId?: string, locale = 'en-US', messageFlags = 0) {
  const who = asker('guild', userId);
  return fake.dispatchInteraction({ type: 3, locale, ...who, data: { custom_id: customId, component_type: 2 }, message: messageObject({ flags: messageFlags }, who.channel_id) });
}

function choose(customId: string, value: string, locale = 'en-US', userId?: string) {
  const who = asker('guild', userId);
  return fake.dispatchInteraction({ type: 3, locale, ...who, data: { custom_id: customId, component_type: 3, values: [value] }, message: messageObject({}, who.channel_id) });
}

function callbackOf(interaction: { id: string; token: string }): Promise<RecordedRequest> {
  return fake.waitForRequest(request => request.method === 'POST' && request.path === `/api/v10/interactions/${interaction.id}/${interaction.token}/callback`);
}

describe('/person', () => {
  it('says how far the people index is while it is built, and /search answers meanwhile', async () => {
    void people.refresh();
    try {
      await vi.waitFor(() => expect(people.status()).toMatchObject({ kind: 'indexing', done: ANALYSED_FIRST }));
      const percent = Math.floor((ANALYSED_FIRST * 100) / library.articles.length);
      const answer = await callbackOf(command('person', { name: '劉洋' }, 'zh-TW'));
      expect(answer.body.data.flags).toBe(64);
      expect(answer.body.data.embeds[0].description).toBe(`人物索引仍在建立中（${percent}%），請稍後再試。/search 可以照常使用。`);
      const choices = await callbackOf(autocomplete('劉', 'en-US'));
      expect(choices.body.data.choices).toEqual([{ name: `The people index is still being built (${percent}%); try again in a moment. /search answers meanwhile.`, value: '劉' }]);
      const search = await callbackOf(command('search', { phrase: '黨委會' }, 'en-US'));
      expect(search.body.data.embeds[0].description).toMatch(/^14 articles/);
    } finally {
      letGo();
    }
    await people.ready();
  });

  it('autocompletes people by a start of their name in either script, with the latest title and appearances', async () => {
    const callback = await callbackOf(autocomplete('刘', 'zh-CN'));
    expect(callback.body.type).toBe(8);
    expect(callback.body.data.choices).toContainEqual({ name: '刘洋 · 总经理 · 3 次出现', value: '刘洋' });
    const byOrganisation = await callbackOf(autocomplete('南平', 'zh-TW'));
    expect(byOrganisation.body.data.choices).toEqual([
      { name: '張偉 · 南平市市長 · 1 次出現', value: '张伟' },
      // The appearance that could be either namesake's.
      { name: '張偉 · (南平市 / 江南大學) · 1 次出現', value: '张伟#3' },
    ]);
  });

  it('answers with the latest title, titles over time, appearances and companions, paged and exported', async () => {
    const answer = await callbackOf(command('person', { name: '赵刚' }, 'en-US'));
    const [embed] = answer.body.data.embeds;
    expect(embed.title).toBe('Person: 趙剛');
    expect(embed.footer.text).toBe('Page 1 of 2');
    expect(embed.description.split('\n').slice(0, 4)).toEqual(['**Latest title**: 黨委書記', '', '**12 appearances, newest first**', '• 2024-01-12 · 集團 · 第12次黨委會 · chaired · 黨委書記 · `zhao-12`']);
    expect(embed.fields).toEqual([{ name: 'Titles over time', value: '• 黨委書記 · 2024-01-01 to 2024-01-12 · 12' }]);
    expect(answer.body.data.allowed_mentions).toEqual({ parse: [], replied_user: false });
    const [previous, next, exportButton] = answer.body.data.components[0].components;
    expect([previous.disabled, next.disabled, exportButton.label]).toEqual([true, false, 'Export']);

    const turned = await callbackOf(press(next.custom_id));
    expect(turned.body.type).toBe(7);
    expect(turned.body.data.embeds[0].footer.text).toBe('Page 2 of 2');
    const appearances = turned.body.data.embeds[0].description.split('\n').filter((line: string) => line.startsWith('• '));
    expect(appearances.map((line: string) => line.split(' · ').at(-1))).toEqual(['`zhao-02`', '`zhao-01`']);
    const colleague = await callbackOf(press(previous.custom_id.replace(/:-1$/u, ':0'), '400000000000000066', 'zh-CN'));
    expect(colleague.body.data.flags).toBe(64);
    expect(colleague.body.data.embeds[0].title).toBe('人物：赵刚');

    const pressed = press(exportButton.custom_id, '400000000000000066', 'zh-CN');
    expect((await callbackOf(pressed)).body).toMatchObject({ type: 5, data: { flags: 64 } });
    const exported = await fake.waitForRequest(request => request.method === 'PATCH' && request.path === `/api/v10/webhooks/${APPLICATION_ID}/${pressed.token}/messages/@original`);
    const [file] = exported.files;
    expect(file!.name).toBe('person.csv');
    const [header, ...rows] = parseCsv(file!.bytes.toString('utf8').slice(1));
    expect(header).toEqual(['id', 'date', 'name', 'title', 'roles', 'organizer', 'meeting', 'sentence']);
    expect(rows.map(row => row[0])).toEqual(Array.from({ length: 12 }, (_, n) => `zhao-${String(12 - n).padStart(2, '0')}`));
    expect(rows[0]!.slice(1, 5)).toEqual(['2024-01-12', '趙剛', '黨委書記', 'chaired']);
    expect(exported.body.embeds[0].description).toBe('全部 12 条结果，CSV 格式（UTF-8）。');

    const expired = await callbackOf(press('person:nosuchsession:1'));
    expect(expired.body.data.embeds[0].description).toBe('These appearances can no longer be paged or exported; run /person again.');
  });

  it('tells a name it does not know, offering the closest', async () => {
    const answer = await callbackOf(command('person', { name: '劉洋洋' }, 'en-US'));
    expect(answer.body.data.flags).toBe(64);
    expect(answer.body.data.embeds[0].description).toMatch(/^No one named “劉洋洋” took part in a meeting of the corpus\.\nDid you mean:\n• 劉洋 · 總經理 · 3 appearances/);
  });
});

describe('from /participants to /person', () => {
  it('offers a menu of the participants, each leading to their own view, namesakes told apart', async () => {
    const answer = await callbackOf(command('participants', { article: 'zhang-wei-city' }, 'en-US'));
    const [sourcesRow, menuRow] = answer.body.data.components;
    expect(sourcesRow.components[0].label).toBe('Sources');
    const [menu] = menuRow.components;
    expect(menu.type).toBe(3);
    expect(menu.placeholder).toBe('Open a participant’s appearances');
    expect(menu.options.map((option: { label: string; value: string }) => [option.label, option.value])).toEqual([
      ['張偉 · 南平市市長', '张伟'],
      ['王剛 · 副市長', '王刚'],
    ]);

    const view = await callbackOf(choose(menu.custom_id, '张伟', 'zh-CN', '400000000000000077'));
    expect(view.body.data.flags).toBe(64);
    const [embed] = view.body.data.embeds;
    expect(embed.title).toBe('人物：张伟');
    expect(embed.description.split('\n')[0]).toBe('**最新职务**: 南平市市长 (南平市)');
    expect(embed.description).toContain('`zhang-wei-city`');
    expect(embed.description).not.toContain('`zhang-wei-university`');
    expect(view.body.data.components[0].components.map((button: { label: string }) => button.label)).toEqual(['导出']);
  });
});
