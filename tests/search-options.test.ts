import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../src/corpus/load';
import { Library } from '../src/library/library';
import { searchReply } from '../src/replies/search';
import { searchCsv, searchCsvWithin } from '../src/replies/search-export';
import { NO_OPTIONS, parseDateBound, type SearchOptions } from '../src/search/options';
import { bruteForceSearch, converse, OPTIONS_CORPUS } from './helpers';

describe('search options', async () => {
  const { articles } = await loadCorpus(OPTIONS_CORPUS);
  const library = new Library(articles);
  const ids = (phrase: string, options: Partial<SearchOptions>) => {
    const outcome = library.search(phrase, { ...NO_OPTIONS, ...options });
    if (outcome.kind !== 'found') throw new Error(`${phrase}: ${outcome.kind}`);
    return outcome.hits.map(hit => hit.article.id);
  };

  it('reads dates as YYYY, YYYY-MM or YYYY-MM-DD, as the first or last day they stand for', () => {
    expect(parseDateBound('2024', 'from')).toBe(20240101);
    expect(parseDateBound('2024', 'to')).toBe(20241231);
    expect(parseDateBound('2024-6', 'to')).toBe(20240631);
    expect(parseDateBound(' 2024-06-09 ', 'from')).toBe(20240609);
    for (const bad of ['24', '2024-13', '2024-06-32', '2024/06', 'June', '']) expect(parseDateBound(bad, 'from')).toBeNull();
  });

  it('gives exactly the articles a brute-force filter gives, in date order, whatever the options', () => {
    const cases = [
      { also: ['高質量發展'], without: ['習近平'], from: '2024-01', to: '2024-06', sort: 'newest' as const },
      { also: ['高質量發展'], sort: 'oldest' as const },
      { without: ['高質量發展'], from: '2024', sort: 'newest' as const },
      { to: '2024-03-01', sort: 'oldest' as const },
      { from: '2024-03-01', to: '2024-03-01', sort: 'newest' as const },
    ];
    for (const options of cases) {
      const expected = bruteForceSearch(articles, '新质生产力', options);
      const outcome = library.search('新质生产力', { ...NO_OPTIONS, from: null, to: null, ...options });
      expect(outcome.kind === 'found' && [outcome.hits.map(hit => hit.article.id), outcome.undated], JSON.stringify(options)).toEqual([expected.ids, expected.undated]);
    }
    // The done-when check, on the fixture: r03 names 習近平, r08 is July, r09 and r10 (no year) are undated.
    expect(ids('新質生產力', { also: ['高質量發展'], without: ['習近平'], from: '2024-01', to: '2024-06', sort: 'newest' })).toEqual(['r07', 'r11', 'r04', 'r05', 'r02']);
  });

  it('leaves undated articles out of a date range and says how many, and puts them last when sorting by date', async () => {
    const ranged = library.search('新質生產力', { ...NO_OPTIONS, from: '2020' });
    expect(ranged.kind === 'found' && ranged.undated).toBe(2);
    expect(ids('新質生產力', { sort: 'oldest' }).slice(-2)).toEqual(['r09', 'r10']);
    expect(ids('新質生產力', { sort: 'newest' }).slice(0, 2)).toEqual(['r08', 'r07']);
    const description = (await searchReply(library, '新質生產力', 0, 'en', { ...NO_OPTIONS, also: ['高質量發展'], from: '2024-01', to: '2024-06', sort: 'newest' })).cards[0]!.description;
    expect(description.split('\n').slice(0, 3)).toEqual(['6 articles, 10 mentions', 'Also: “高質量發展” · 2024-01 to 2024-06 · Newest first', '2 articles without a full date left out of the range.']);
  });

  it('ranks by BM25 relevance: more mentions in a shorter text first, a mention in the title counting more', () => {
    const ranked = ids('新質生產力', { sort: 'relevance' });
    // r06: one mention in ten characters, and the phrase in its title.
    expect(ranked[0]).toBe('r06');
    // r04 (three mentions) outranks r05 (one, in a text of about the same length).
    expect(ranked.indexOf('r04')).toBeLessThan(ranked.indexOf('r05'));
    expect(new Set(ranked)).toEqual(new Set(ids('新質生產力', {})));
  });

  it('says when articles contain the phrase but none meets the conditions', async () => {
    const outcome = library.search('新質生產力', { ...NO_OPTIONS, also: ['擴大開放'] });
    expect(outcome).toMatchObject({ kind: 'found', hits: [] });
    const reply = await searchReply(library, '新質生產力', 0, 'zh-TW', { ...NO_OPTIONS, also: ['擴大開放'] });
    expect(reply.cards[0]!.description).toBe('有文章包含「新質生產力」，但沒有一篇符合全部條件。\n同時包含：「擴大開放」');
  });

  it('refuses a date it cannot read, a range that ends before it starts, too many phrases and an empty one', async () => {
    expect(library.search('新質生產力', { ...NO_OPTIONS, from: '2024-13' })).toMatchObject({ kind: 'refused', reason: 'bad-date', value: '2024-13' });
    expect(library.search('新質生產力', { ...NO_OPTIONS, from: '2024-06', to: '2024-01' })).toMatchObject({ kind: 'refused', reason: 'reversed-range' });
    expect(library.search('新質生產力', { ...NO_OPTIONS, also: ['a', 'b', 'c', 'd'] })).toMatchObject({ kind: 'refused', reason: 'too-many' });
    expect(library.search('新質生產力', { ...NO_OPTIONS, without: ['，'] })).toMatchObject({ kind: 'refused', reason: 'empty' });
    const reply = await searchReply(library, '新質生產力', 0, 'zh-CN', { ...NO_OPTIONS, to: 'June' });
    expect(reply).toMatchObject({ error: true, cards: [{ description: '日期请写作 YYYY、YYYY-MM 或 YYYY-MM-DD，而不是“June”。' }] });
  });

  it('keeps a record’s url on its article', () => {
    expect(library.get('r01')!.url).toBe('https://example.org/r01');
    expect(library.get('r03')!.url).toBeUndefined();
  });

  it('takes the options in the console too, and says an unknown sort', async () => {
    const said = await converse(['/search 新質生產力 --also 高質量發展 --also 推動 --without 習近平 --to 2024-03 --sort oldest', '/search 新質生產力 --sort best'], 'en', library);
    expect(said).toContain('4 articles, 7 mentions\nAlso: “高質量發展”, “推動” · Without: “習近平” · Until 2024-03 · Oldest first\n1 article without a full date left out of the range.\n\n1. **年終會議談新質生產力**');
    expect(said).toContain('Sort by mentions, newest, oldest or relevance, not “best”.');
  });

  it('cuts an export at whole rows when it would pass a size limit', () => {
    const outcome = library.search('新質生產力');
    if (outcome.kind !== 'found') throw new Error('not found');
    const whole = searchCsv(library, outcome.hits);
    expect(searchCsvWithin(library, outcome.hits, Infinity)).toEqual({ csv: whole, rows: outcome.hits.length });
    const limit = Math.floor(Buffer.byteLength(whole) / 2);
    const cut = searchCsvWithin(library, outcome.hits, limit);
    expect(Buffer.byteLength(cut.csv)).toBeLessThanOrEqual(limit);
    expect(cut.rows).toBeGreaterThan(0);
    expect(cut.csv.split('\r\n').slice(0, -1)).toEqual(whole.split('\r\n').slice(0, cut.rows + 1));
  });
});
