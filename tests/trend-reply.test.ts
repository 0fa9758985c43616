import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../src/corpus/load';
import { toMessage } from '../src/discord/render';
import { Library } from '../src/library/library';
import { REPLY_LOCALES } from '../src/replies/locale';
import { TREND_CHART_FILE, trendAnswer } from '../src/replies/trend';
import { trendCsv } from '../src/replies/trend-export';
import type { TrendRequest } from '../src/trends/request';
import { parseCsv } from './csv';
import { bundledLibrary, OPTIONS_CORPUS } from './helpers';

const ASK: TrendRequest = { phrases: [], by: null, from: null, to: null, measure: null };
let library: Library;

beforeAll(async () => {
  library = new Library((await loadCorpus(OPTIONS_CORPUS)).articles);
});

describe('the /trend answer', () => {
  it('gives each phrase’s totals, first and peak periods and undated articles, in English', () => {
    const answer = trendAnswer(library, { ...ASK, phrases: ['新質生產力，高質量發展'], to: '2024-06', measure: 'mentions' }, 'en');
    const [card] = answer.reply.cards;
    expect(card!.title).toBe('Trend: “新質生產力”, “高質量發展”');
    expect(card!.description.split('\n')).toEqual([
      'By month · 2023-12 to 2024-06 · Mentions',
      '',
      '**新質生產力** · 8 articles, 12 mentions · first 2023-12 · peak 2024-03 (4 mentions) · 2 undated articles left out',
      '**高質量發展** · 8 articles, 8 mentions · first 2023-12 · peak 2024-03 (2 mentions) · 2 undated articles left out',
    ]);
    expect(card!.image).toBe(TREND_CHART_FILE);
    expect(answer.chart).toMatchObject({ title: 'Mentions of each phrase, by month', subtitle: '2023-12 to 2024-06 · 9 dated articles', valueAxisName: 'mentions', wholeNumbers: true });
    expect(answer.chart!.series).toEqual([
      { name: '新質生產力', values: [1, 2, 1, 4, 1, 0, 3] },
      { name: '高質量發展', values: [1, 1, 1, 2, 0, 1, 2] },
    ]);
  });

  it('speaks Simplified to zh-CN readers, phrases and chart alike, and Traditional labels to zh-TW readers', () => {
    const simplified = trendAnswer(library, { ...ASK, phrases: ['新質生產力', '高質量發展'], by: 'quarter', measure: 'share' }, 'zh-CN');
    expect(simplified.reply.cards[0]!.title).toBe('趋势：“新质生产力”、“高质量发展”');
    expect(simplified.reply.cards[0]!.description.split('\n')).toEqual([
      '按季度 · 2023-Q4 至 2024-Q3 · 占比：每千篇文章中提及的篇数',
      '',
      '**新质生产力** · 9 篇文章，共 13 处提及 · 最早 2023-Q4 · 高峰 2023-Q4（每千篇 1,000 篇） · 另有 2 篇没有完整日期，未计入',
      '**高质量发展** · 9 篇文章，共 9 处提及 · 最早 2023-Q4 · 高峰 2023-Q4（每千篇 1,000 篇） · 另有 2 篇没有完整日期，未计入',
    ]);
    expect(simplified.chart).toMatchObject({ title: '每季度每千篇文章中提及各短语的篇数', valueAxisName: '篇/千篇', wholeNumbers: false });
    expect(simplified.chart!.series.map(series => series.name)).toEqual(['新质生产力', '高质量发展']);
    expect(simplified.chart!.series[0]!.values).toEqual([1000, 1000, 750, 1000]);

    const traditional = trendAnswer(library, { ...ASK, phrases: ['新质生产力'], from: '2024-03', to: '2024-04' }, 'zh-TW');
    expect(traditional.reply.cards[0]!.title).toBe('趨勢：「新质生产力」');
    expect(traditional.reply.cards[0]!.description.split('\n')).toEqual(['按月 · 2024-03 至 2024-04 · 提及的文章數', '', '**新质生产力** · 3 篇文章，共 5 處提及 · 最早 2024-03 · 高峰 2024-03（2 篇） · 另有 2 篇沒有完整日期，未計入']);
    expect(traditional.chart!.title).toBe('每月提及各短語的文章數');
  });

  it('says so when no dated article in range mentions a phrase, and charts it at zero', () => {
    const answer = trendAnswer(library, { ...ASK, phrases: ['新質生產力, 擴大開放'] }, 'en');
    expect(answer.reply.cards[0]!.description.split('\n').at(-1)).toBe('**擴大開放** · 1 article, 1 mention · first 2024-05 · peak 2024-05 (1 article)');
    const absent = trendAnswer(library, { ...ASK, phrases: ['碳達峰'] }, 'en');
    expect(absent.reply.cards[0]!.description.split('\n').at(-1)).toBe('**碳達峰** · no dated article in the range mentions it');
    expect(absent.chart!.series[0]!.values.every(value => value === 0)).toBe(true);
  });

  it('draws nothing when no article with a full date is in range, and says why', async () => {
    const answer = trendAnswer(await bundledLibrary(), { ...ASK, phrases: ['新質生產力'], from: '2023' }, 'zh-TW');
    expect(answer.chart).toBeNull();
    expect(answer.reply.error).toBeUndefined();
    expect(answer.reply.cards[0]!.description).toBe('範圍內沒有日期完整的文章，無法按時間統計。\n**新質生產力** · 另有 1 篇沒有完整日期，未計入');
  });

  it('refuses, for the asker alone and in their language, what it cannot count', () => {
    const refused = (request: Partial<TrendRequest>, locale: 'en' | 'zh-CN' | 'zh-TW' = 'en') => {
      const answer = trendAnswer(library, { ...ASK, ...request }, locale);
      expect(answer.reply.error).toBe(true);
      expect(answer.chart).toBeNull();
      return answer.reply.cards[0]!.description;
    };
    expect(refused({ phrases: ['改革、發展、黨員、先行、會議'] })).toBe('At most 4 phrases, separated by commas (, ， or 、).');
    expect(refused({ phrases: ['改革、發展、黨員、先行、會議'] }, 'zh-CN')).toBe('最多 4 个短语，用逗号（, ， 或 、）分隔。');
    expect(refused({ phrases: ['，'] }, 'zh-TW')).toBe('請輸入至少包含一個漢字、字母或數字的短語。');
    expect(refused({ phrases: ['改革'], by: 'week' })).toBe('Count by month, quarter or year, not “week”.');
    expect(refused({ phrases: ['改革'], measure: '*bold*' }, 'zh-TW')).toBe('指標可為 articles、mentions 或 share，而不是「\\*bold\\*」。');
    expect(refused({ phrases: ['改革'], from: '2024-13' }, 'zh-CN')).toBe('日期请写作 YYYY、YYYY-MM 或 YYYY-MM-DD，而不是“2024-13”。');
    expect(refused({ phrases: ['改革'], from: '2024', to: '2023' })).toBe('The date range starts after it ends.');
  });

  it('stays inside Discord’s limits with four phrases of 100 characters full of markdown, in every locale', () => {
    const phrases = ['*', '_', '`', '|'].map(marker => `${marker}發展${marker}`.repeat(25));
    for (const locale of REPLY_LOCALES) {
      const { reply } = trendAnswer(library, { ...ASK, phrases: [phrases.join('、')] }, locale);
      const [embed] = toMessage(reply).embeds!.map(embed => ('toJSON' in embed ? embed.toJSON() : embed));
      expect(embed!.title!.length).toBeLessThanOrEqual(256);
      expect(embed!.description!.length).toBeLessThanOrEqual(4096);
      expect(embed!.description).not.toMatch(/(?<!\\)[*_`|]發展/);
    }
  });
});

describe('the /trend export', () => {
  it('is CSV with a byte-order mark, one row for every period, each phrase’s articles, mentions and share', () => {
    const { trend } = trendAnswer(library, { ...ASK, phrases: ['新質生產力', '高質量發展'], by: 'quarter' }, 'zh-CN');
    const csv = trendCsv(trend!);
    expect(csv.startsWith('\ufeff')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const [header, ...rows] = parseCsv(csv.slice(1));
    expect(header).toEqual([
      'period',
      'articles in period',
      '新質生產力: articles',
      '新質生產力: mentions',
      '新質生產力: per 1000 articles',
      '高質量發展: articles',
      '高質量發展: mentions',
      '高質量發展: per 1000 articles',
    ]);
    expect(rows).toEqual([
      ['2023-Q4', '1', '1', '1', '1000', '1', '1', '1000'],
      ['2024-Q1', '4', '4', '7', '1000', '4', '4', '1000'],
      ['2024-Q2', '4', '3', '4', '750', '3', '3', '750'],
      ['2024-Q3', '1', '1', '1', '1000', '1', '1', '1000'],
    ]);
  });
});
