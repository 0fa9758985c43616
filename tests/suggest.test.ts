import { describe, expect, it } from 'vitest';
import { participantsReply } from '../src/replies/participants';
import { summaryReply } from '../src/replies/summary';
import { bundledLibrary } from './helpers';

describe('Library.suggest, behind autocomplete', async () => {
  const library = await bundledLibrary();
  // The finder is built in a worker on first use; a test waits as long as it takes.
  const ids = async (typed: string) => (await library.suggest(typed, 25, 60_000)).map(article => article.id);

  it('finds an article by part of its title, in either script', async () => {
    expect((await ids('乐凯'))[0]).toBe('000_5a4681f7358e924d');
    expect(await ids('東方電氣')).toEqual(['004_62825ae384032cb4']);
    expect(await ids('东方电气')).toEqual(['004_62825ae384032cb4']);
  });

  it('finds an article by id, the exact id first', async () => {
    expect((await ids('003'))[0]).toBe('003_1e90a82e1525bbfb');
    expect(await ids('001_d409caa57de1005b')).toEqual(['001_d409caa57de1005b']);
  });

  it('finds an article by its date, as written or as numbers', async () => {
    expect(await ids('6月17日')).toEqual(['001_d409caa57de1005b']);
    expect(await ids('2022-06')).toEqual(['001_d409caa57de1005b']);
  });

  it('finds an article by an organisation its opening names', async () => {
    expect(await ids('國投集團')).toContain('001_d409caa57de1005b');
  });

  it('offers the first articles when nothing is typed, and at most the limit', async () => {
    expect(await library.suggest('', 3, 60_000)).toHaveLength(3);
  });

  it('answers an unknown id with suggestions', async () => {
    const reply = await participantsReply(library, 'd409', 'en');
    expect(reply.error).toBe(true);
    expect(reply.cards[0]!.description).toBe('No article’s id, title or organisation matches “d409”.\nDid you mean:\n• `001_d409caa57de1005b` 我院黨委組織開展“踐行十四五戰略 打赢數字化攻堅戰”揭榜挂帥活動');
  });
});

describe('Library.articlesNamed, for a value typed instead of picked', async () => {
  const library = await bundledLibrary();
  const ids = (typed: string) => library.articlesNamed(typed).map(article => article.id);

  it('names an article by its id, the start of its id, its title or the organisation its opening names', () => {
    expect(ids(' 003_1e90a82e1525bbfb ')).toEqual(['003_1e90a82e1525bbfb']);
    expect(ids('000')).toEqual(['000_5a4681f7358e924d']);
    expect(ids('樂凱')).toEqual(['000_5a4681f7358e924d']);
    expect(ids('东方电气集团舉行')).toEqual(['004_62825ae384032cb4']);
    expect(ids('國投集團')).toEqual(['001_d409caa57de1005b']);
  });

  it('gives every article of the first way that names any, and none for nothing typed', () => {
    expect(ids('00')).toHaveLength(5);
    expect(ids('黨委')).toEqual(['000_5a4681f7358e924d', '001_d409caa57de1005b']);
    expect(ids('  ')).toEqual([]);
    expect(ids('nope')).toEqual([]);
  });
});

describe('looking up the article a user named', async () => {
  const library = await bundledLibrary();

  it('answers for the one article a typed value names', async () => {
    for (const typed of ['000', '樂凱', '乐凯']) {
      const reply = await summaryReply(library, typed, 'en');
      expect(reply.error, typed).toBeUndefined();
      expect(reply.cards[0]!.title).toBe('Summary: 中國樂凱黨委組織召開中心組學習擴大會');
    }
  });

  it('says which articles a value fits when it fits several, in the reader’s language', async () => {
    const reply = await participantsReply(library, '黨委', 'zh-TW');
    expect(reply.error).toBe(true);
    expect(reply.cards[0]!.description.split('\n')).toEqual([
      '「黨委」與 2 篇文章相符；請寫出更多的 ID 或標題：',
      '• `000_5a4681f7358e924d` 中國樂凱黨委組織召開中心組學習擴大會',
      '• `001_d409caa57de1005b` 我院黨委組織開展“踐行十四五戰略 打赢數字化攻堅戰”揭榜挂帥活動',
    ]);
  });

  it('asks for an article when none is given, rather than naming an empty id', async () => {
    for (const typed of ['', '   ']) {
      const reply = await summaryReply(library, typed, 'en');
      expect(reply.error).toBe(true);
      expect(reply.cards[0]!.description).toBe('Name an article: its id, the start of it, or words of its title.');
    }
    expect((await participantsReply(library, '', 'zh-CN')).cards[0]!.description).toBe('请指明一篇文章：它的 ID、ID 的开头或标题中的词语。');
  });
});
