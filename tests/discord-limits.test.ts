import { describe, expect, it } from 'vitest';
import type { APIEmbed } from 'discord.js';
import { pagingButtons, toEphemeralMessage, toMessage } from '../src/discord/render';
import { Library } from '../src/library/library';
import { DISCORD_LIMITS } from '../src/replies/limits';
import { REPLY_LOCALES } from '../src/replies/locale';
import { participantsReply } from '../src/replies/participants';
import { readReply } from '../src/replies/read';
import { searchReply } from '../src/replies/search';
import { sourcesReply } from '../src/replies/sources';
import { summaryReply } from '../src/replies/summary';
import { articleFrom, bundledLibrary } from './helpers';

function assertWithinLimits(message: ReturnType<typeof toMessage>) {
  const embeds = (message.embeds ?? []).map(embed => ('toJSON' in embed ? embed.toJSON() : embed) as APIEmbed);
  expect(embeds.length).toBeLessThanOrEqual(DISCORD_LIMITS.embedsPerMessage);
  let total = 0;
  for (const embed of embeds) {
    expect(embed.title?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.embedTitle);
    expect(embed.description?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.embedDescription);
    expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.embedFields);
    for (const field of embed.fields ?? []) {
      expect(field.name.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldName);
      expect(field.value.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldValue);
    }
    expect(embed.footer?.text.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.footer);
    total += (embed.title?.length ?? 0) + (embed.description?.length ?? 0) + (embed.footer?.text.length ?? 0);
    total += (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0);
  }
  expect(total).toBeLessThanOrEqual(DISCORD_LIMITS.embedTotal);
  expect(String(message.content ?? '').length).toBeLessThanOrEqual(DISCORD_LIMITS.content);
  expect(message.allowedMentions).toEqual({ parse: [], repliedUser: false });
}

// Long articles full of mentions, markdown and pings: the worst a page can hold.
const heavy = new Library(
  Array.from({ length: 23 }, (_, n) =>
    articleFrom(
      `article-${n}-${'x'.repeat(60)}`,
      `${'**標題**||@everyone||'.repeat(8)}\n${`改革發展${'`代碼`[鏈接](https://example.com)'.repeat(3)}黨員先行。`.repeat(40)}`,
    ),
  ),
);

describe('/search replies stay inside Discord’s limits', () => {
  it('on every page of a heavy result, in every locale', async () => {
    for (const locale of REPLY_LOCALES) {
      const first = await searchReply(heavy, '改革', 0, locale);
      expect(first.page).toEqual({ index: 0, count: 5 });
      for (let page = 0; page < first.page!.count; page++) {
        const reply = await searchReply(heavy, '改革', page, locale);
        assertWithinLimits(toMessage(reply, [pagingButtons('search:abcdefgh:-1', 'search:abcdefgh:1', { previous: 'p', next: 'n' }, reply.page!)]));
      }
    }
  });

  it('with the longest options restated under the totals', async () => {
    const options = { also: ['黨員先行', '發展`代碼`', '改'], without: ['甲'.repeat(100), '乙'.repeat(100), '丁*'.repeat(50)], from: null, to: null, sort: 'relevance' as const };
    for (const locale of REPLY_LOCALES) {
      for (let page = 0; page < 5; page++) {
        const reply = await searchReply(heavy, '改革', page, locale, options);
        expect(reply.page?.count).toBe(5);
        assertWithinLimits(toMessage(reply, [pagingButtons('search:abcdefgh:-1', 'search:abcdefgh:1', { previous: 'p', next: 'n' }, reply.page!)]));
      }
    }
  });

  it('for the bundled articles, an absent phrase and a refused one', async () => {
    const library = await bundledLibrary();
    for (const query of ['會議', '不存在的短語', '   ', '@everyone **粗體**']) assertWithinLimits(toMessage(await searchReply(library, query, 0, 'en')));
  });

  it('for /read of a heavy article, whole and by passages, on every page, in every locale', async () => {
    for (const locale of REPLY_LOCALES) {
      for (const phrase of ['', '改革', '`代碼`']) {
        const first = await readReply(heavy, heavy.articles[0]!.id, phrase, 0, locale);
        expect(first.page!.count).toBeGreaterThan(1);
        for (let page = 0; page < first.page!.count; page++) assertWithinLimits(toMessage(await readReply(heavy, heavy.articles[0]!.id, phrase, page, locale)));
      }
    }
  });

  it('for /participants and /summary of every bundled article, in every locale', async () => {
    const library = await bundledLibrary();
    for (const locale of REPLY_LOCALES) {
      for (const article of library.articles) {
        assertWithinLimits(toMessage(await participantsReply(library, article.id, locale)));
        assertWithinLimits(toMessage(await summaryReply(library, article.id, locale)));
      }
    }
  });

  it('for /summary of an article with many meetings, people and points', async () => {
    const units = ['總體設計部', '物資部', '財務部', '人力資源部', '科技部', '質量部', '規劃部', '審計部', '法務部', '後勤部', '安全部', '市場部'];
    const text = units
      .map((unit, n) => `新年伊始，${unit}召開工作會。部長王${'一二三四五六七八九十'[n % 10]}明主持會議。${Array.from({ length: 30 }, (_, k) => `黨組成員李${'甲乙丙丁戊己庚辛壬癸'[k % 10]}${'子丑寅卯辰巳午未申酉'[Math.floor(k / 10)]}出席。`).join('')}提出3點要求：一是統一思想。二是提高站位。三是狠抓落實。`)
      .join('\n');
    const library = new Library([articleFrom('many', text)]);
    for (const locale of REPLY_LOCALES) {
      assertWithinLimits(toMessage(await summaryReply(library, 'many', locale)));
      assertWithinLimits(toMessage(await participantsReply(library, 'many', locale)));
    }
    expect((await library.analyse(library.get('many')!)).summary.meetings).toHaveLength(units.length);
    expect((await summaryReply(library, 'many', 'en')).cards[0]!.description).toContain('Showing 9 of 12 meetings');
  });

  it('for every page of the sources of /participants and /summary, in every locale', async () => {
    const people = Array.from({ length: 60 }, (_, k) => `黨組成員李${'甲乙丙丁戊己庚辛壬癸'[k % 10]}${'子丑寅卯辰巳午未申酉'[Math.floor(k / 10)]}${'**@everyone**'.repeat(20)}出席。`).join('');
    const library = new Library([...(await bundledLibrary()).articles, articleFrom('crowded', `3月1日，總體設計部召開工作會。部長王明主持會議。${people}`)]);
    for (const locale of REPLY_LOCALES) {
      for (const article of library.articles) {
        for (const of of ['participants', 'summary'] as const) {
          const count = (await sourcesReply(library, article.id, of, 0, locale)).page!.count;
          for (let page = 0; page < count; page++) assertWithinLimits(toEphemeralMessage(await sourcesReply(library, article.id, of, page, locale)));
        }
      }
    }
    expect((await sourcesReply(library, 'crowded', 'participants', 0, 'en')).page!.count).toBeGreaterThan(5);
  });

  it('escapes markdown from articles and queries so that only mentions are bold', async () => {
    const reply = await searchReply(heavy, '改革', 0, 'en');
    const description = reply.cards[0]!.description;
    expect(description).toContain('\\*\\*標題\\*\\*');
    expect(description).toContain('\\`代碼\\`');
    expect(description).not.toMatch(/(?<!\\)\[鏈接\]/);
    expect(description).toContain('**改革**');
  });

  it('makes refusals ephemeral', async () => {
    const message = toMessage(await searchReply(heavy, '。。。', 0, 'en'));
    expect(message.flags).toBe(64);
  });

  it('disables Previous on the first page and Next on the last', () => {
    const row = (index: number) => pagingButtons('search:s:-1', 'search:s:1', { previous: 'p', next: 'n' }, { index, count: 3 }).toJSON();
    expect(row(0).components.map(button => button.disabled)).toEqual([true, false]);
    expect(row(2).components.map(button => button.disabled)).toEqual([false, true]);
  });
});
