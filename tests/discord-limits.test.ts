import { describe, expect, it } from 'vitest';
import type { APIEmbed } from 'discord.js';
import { pagingButtons, toMessage } from '../src/discord/render';
import { Library } from '../src/library';
import { DISCORD_LIMITS } from '../src/replies/limits';
import { REPLY_LOCALES } from '../src/replies/locale';
import { searchReply } from '../src/replies/search';
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
  it('on every page of a heavy result, in every locale', () => {
    for (const locale of REPLY_LOCALES) {
      const first = searchReply(heavy, '改革', 0, locale);
      expect(first.page).toEqual({ index: 0, count: 5 });
      for (let page = 0; page < first.page!.count; page++) {
        const reply = searchReply(heavy, '改革', page, locale);
        assertWithinLimits(toMessage(reply, [pagingButtons('search:abcdefgh:-1', 'search:abcdefgh:1', { previous: 'p', next: 'n' }, reply.page!)]));
      }
    }
  });

  it('for the bundled articles, an absent phrase and a refused one', async () => {
    const library = await bundledLibrary();
    for (const query of ['會議', '不存在的短語', '   ', '@everyone **粗體**']) assertWithinLimits(toMessage(searchReply(library, query, 0, 'en')));
  });

  it('escapes markdown from articles and queries so that only mentions are bold', () => {
    const reply = searchReply(heavy, '改革', 0, 'en');
    const description = reply.cards[0]!.description;
    expect(description).toContain('\\*\\*標題\\*\\*');
    expect(description).toContain('\\`代碼\\`');
    expect(description).not.toMatch(/(?<!\\)\[鏈接\]/);
    expect(description).toContain('**改革**');
  });

  it('makes refusals ephemeral', () => {
    const message = toMessage(searchReply(heavy, '。。。', 0, 'en'));
    expect(message.flags).toBe(64);
  });

  it('disables Previous on the first page and Next on the last', () => {
    const row = (index: number) => pagingButtons('search:s:-1', 'search:s:1', { previous: 'p', next: 'n' }, { index, count: 3 }).toJSON();
    expect(row(0).components.map(button => button.disabled)).toEqual([true, false]);
    expect(row(2).components.map(button => button.disabled)).toEqual([false, true]);
  });
});
