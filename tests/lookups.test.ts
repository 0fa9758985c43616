import { describe, expect, it } from 'vitest';
import { ArticleFinder, SHARD_SIZE, type FinderEntry } from '../src/lookups/article-finder';
import { IdIndex } from '../src/lookups/id-index';
import { terms } from '../src/lookups/terms';
import { Vocabulary, VocabularyCounter } from '../src/lookups/vocabulary';
import { searchReply } from '../src/replies/search';
import { fold } from '../src/text/fold';
import { bundledLibrary } from './helpers';

const entry = (id: string, title: string, day: number, opening = ''): FinderEntry => ({ id, title, date: '', opening, day });

describe('the terms autocomplete indexes', () => {
  it('folds either script into the same words and keeps ids and dates whole', () => {
    expect(terms('國務院常務會議')).toEqual(terms('国务院常务会议'));
    expect(terms('2023-09-05 9月5日')).toEqual(['2023-09-05', '9月5日']);
  });

  it('completes an id from its start or from any part after a separator', () => {
    const ids = new IdIndex(['001_d409caa5', '20230905-01', '20230905-02', 'ABC']);
    expect(ids.withPrefix('001', 10)).toEqual([0]);
    expect(ids.withPrefix('d40', 10)).toEqual([0]);
    expect(ids.withPrefix('20230905', 10)).toEqual([1, 2]);
    expect(ids.withPrefix('02', 10)).toEqual([2]);
    expect(ids.withPrefix('ａｂ', 10)).toEqual([3]);
    expect(ids.withPrefix('x', 10)).toEqual([]);
  });
});

describe('ArticleFinder', () => {
  const entries = [
    entry('a1', '國務院常務會議研究部署鄉村振興', 20230905),
    entry('a2', '東方電氣集團舉行黨委理論學習中心組學習', 20220617, '東方電氣集團黨委書記主持會議'),
    entry('a3', '中國樂凱召開中心組學習擴大會', 0),
  ];
  const finder = ArticleFinder.build(entries);
  const ids = (typed: string) => finder.find(typed, 10).map(position => entries[position]!.id);

  it('completes the last word typed, in either script', () => {
    expect(ids('东方电')).toEqual(['a2']);
    expect(ids('國務院常務')).toEqual(['a1']);
  });

  it('forgives one wrong character in a longer word', () => {
    expect(ids('乡村振新')).toEqual(['a1']);
  });

  it('puts an exact id first and offers the newest articles when nothing is typed', () => {
    expect(ids('a3')[0]).toBe('a3');
    expect(ids('')).toEqual(['a1', 'a2', 'a3']);
  });

  it('answers the same after a round trip through its JSON', () => {
    const restored = ArticleFinder.fromJSON(JSON.parse(JSON.stringify(finder.toJSON())));
    for (const typed of ['东方电', '乡村振新', '', 'a3']) expect(restored.find(typed, 10)).toEqual(finder.find(typed, 10));
  });

  it('fills the list from the newest shard before reading older ones', () => {
    // Two shards' worth of one title: a common word is answered from the newest shard alone.
    const many = Array.from({ length: SHARD_SIZE + 10 }, (_, at) => entry(`n${at}`, '工作會議', 20000101 + at));
    const positions = ArticleFinder.build(many).find('工作会议', 25, Infinity);
    expect(positions).toHaveLength(25);
    expect(Math.min(...positions)).toBeGreaterThanOrEqual(10);
  });
});

describe('Vocabulary', async () => {
  const counter = new VocabularyCounter();
  for (const text of ['推动新质生产力发展', '加快形成新质生产力', '高质量发展是首要任务', '推动高质量发展', '一次性的说法']) counter.add(fold(text));
  const vocabulary = await counter.finish();

  it('counts the articles that use each word and two-word phrase', () => {
    expect(vocabulary.articlesUsing('推动')).toBe(2);
    expect(vocabulary.articlesUsing('高质量发展')).toBe(2);
    expect(vocabulary.articlesUsing('说法')).toBe(1);
  });

  it('leaves out what a single article of a large corpus uses', async () => {
    const large = new VocabularyCounter();
    for (let article = 0; article < 1000; article++) large.add('推动高质量发展');
    large.add('一次性的说法');
    const kept = await large.finish();
    expect(kept.articlesUsing('高质量发展')).toBe(1000);
    expect(kept.articlesUsing('说法')).toBe(0);
  });

  it('offers the corpus word one edit away from a word it does not use', () => {
    expect(vocabulary.corrections(fold('高質量發現'), 3)).toContain(fold('高质量发展'));
  });

  it('answers a phrase asked again as it did the first time, within each limit', () => {
    const typed = fold('高質量發現');
    const first = vocabulary.corrections(typed, 3);
    expect(vocabulary.corrections(typed, 3)).toEqual(first);
    expect(vocabulary.corrections(typed, 1)).toEqual(first.slice(0, 1));
  });

  it('answers the same after a round trip through its JSON', async () => {
    const restored = await Vocabulary.fromJSON(JSON.parse(JSON.stringify(vocabulary.toJSON())));
    expect(restored.corrections(fold('高質量發現'), 3)).toEqual(vocabulary.corrections(fold('高質量發現'), 3));
  });
});

describe('did you mean, on the bundled articles', async () => {
  const library = await bundledLibrary();

  it('offers a phrase the articles contain for one that is a character off, with its article count', async () => {
    const meant = await library.didYouMean('新質生產立', 3, 60_000);
    expect(meant[0]).toEqual({ phrase: '新質生產力', articles: 1 });
    const reply = await searchReply(library, '新質生產立', 0, 'zh-TW');
    expect(reply.cards[0]!.description).toContain('您是否要找：\n• **新質生產力** · 1 篇文章');
  });
});
