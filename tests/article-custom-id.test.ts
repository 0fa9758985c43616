import { describe, expect, it } from 'vitest';
import { articleForKey, customIdFor } from '../src/discord/article-custom-id';
import { Library } from '../src/library/library';
import { DISCORD_LIMITS } from '../src/replies/limits';
import { articleFrom } from './helpers';

const PREFIX = 'participants:sources-page:123:';
const SHORT = '000_5a4681f7358e924d';
const LONG = `報告:${'研究院安全生產會議'.repeat(15)}:第1部分`;
const library = new Library([articleFrom(SHORT, '院長陳明主持會議。'), articleFrom(LONG, '副院長王立出席會議。')]);

/** The key as the router hands it on: the custom id split on colons, the prefix's parts removed, joined again. */
function keyOf(customId: string): string {
  return customId.split(':').slice(PREFIX.split(':').length - 1).join(':');
}

describe('article ids in button custom ids', () => {
  it('writes an id that fits as it is, and finds the article again', () => {
    const customId = customIdFor(PREFIX, SHORT);
    expect(customId).toBe(`${PREFIX}@${SHORT}`);
    expect(articleForKey(library, keyOf(customId))?.id).toBe(SHORT);
  });

  it('stays within Discord’s 100 characters for an id far longer, colons and all', () => {
    const customId = customIdFor(PREFIX, LONG);
    expect(customId.length).toBeLessThanOrEqual(DISCORD_LIMITS.customId);
    expect(articleForKey(library, keyOf(customId))?.id).toBe(LONG);
  });

  it('finds nothing outside the library, whatever the key says', () => {
    for (const key of ['@../../etc/passwd', '@', '#', '#AAAAAAAAAAAAAAAAAAAAAA', SHORT, '', `@${SHORT.slice(0, 10)}`]) expect(articleForKey(library, key)).toBeUndefined();
  });

  it('finds nothing once a reload has removed the article', () => {
    const reloaded = new Library([articleFrom('other', '院長陳明主持會議。')]);
    expect(articleForKey(reloaded, keyOf(customIdFor(PREFIX, SHORT)))).toBeUndefined();
    expect(articleForKey(reloaded, keyOf(customIdFor(PREFIX, LONG)))).toBeUndefined();
  });
});
