import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../src/corpus/load';
import type { Article } from '../src/corpus/article';
import { Library } from '../src/library/library';
import { countTrend, type Trend } from '../src/trends/count';
import { periodForSpan, periodLabel, periodOf } from '../src/trends/periods';
import { parseTrendRequest, splitPhrases, type TrendQuery, type TrendRequest } from '../src/trends/request';
import { formatDateNumbers } from '../src/text/dates';
import { fold } from '../src/text/fold';
import { articleFrom, bundledLibrary, OPTIONS_CORPUS } from './helpers';

const ASK: TrendRequest = { phrases: [], by: null, from: null, to: null, measure: null };

function query(request: Partial<TrendRequest>): TrendQuery {
  const parsed = parseTrendRequest({ ...ASK, ...request });
  if ('reason' in parsed) throw new Error(`refused: ${parsed.reason}`);
  return parsed;
}

/**
 * The same counts the slow, obvious way: every article's folded text read for the phrase, its date
 * written out as YYYY-MM and compared as a string.
 */
function bruteForceByMonth(articles: readonly Article[], phrase: string, from = '', to = '9999') {
  const needle = fold(phrase);
  const articlesByMonth = new Map<string, number>();
  const mentionsByMonth = new Map<string, number>();
  let undated = 0;
  for (const article of articles) {
    const mentions = fold(article.text).split(needle).length - 1;
    if (mentions === 0) continue;
    const date = article.date && article.date.year !== null ? formatDateNumbers(article.date) : null;
    if (date === null) {
      undated++;
      continue;
    }
    if (date < from || date.slice(0, to.length) > to) continue;
    const month = date.slice(0, 7);
    articlesByMonth.set(month, (articlesByMonth.get(month) ?? 0) + 1);
    mentionsByMonth.set(month, (mentionsByMonth.get(month) ?? 0) + mentions);
  }
  return { articlesByMonth, mentionsByMonth, undated };
}

/** A phrase's non-zero counts by period, as a map, to compare with the brute force. */
function nonZero(trend: Trend, values: readonly number[]): Map<string, number> {
  return new Map(trend.periods.flatMap((period, at) => (values[at] ? [[period, values[at]!] as [string, number]] : [])));
}

let options: Library;
beforeAll(async () => {
  options = new Library((await loadCorpus(OPTIONS_CORPUS)).articles);
});

describe('periods', () => {
  it('number consecutive months, quarters and years one apart, and label them as they sort', () => {
    expect(periodOf(20231230, 'month') + 1).toBe(periodOf(20240105, 'month'));
    expect(periodLabel(periodOf(20240301, 'month'), 'month')).toBe('2024-03');
    expect(periodLabel(periodOf(20240630, 'quarter'), 'quarter')).toBe('2024-Q2');
    expect(periodLabel(periodOf(20240701, 'quarter'), 'quarter')).toBe('2024-Q3');
    expect(periodLabel(periodOf(20240701, 'year'), 'year')).toBe('2024');
  });

  it('fit the span: months up to three years, quarters up to ten, years beyond', () => {
    expect(periodForSpan(20220901, 20250831)).toBe('month');
    expect(periodForSpan(20220901, 20250901)).toBe('quarter');
    expect(periodForSpan(20150101, 20241231)).toBe('quarter');
    expect(periodForSpan(20150101, 20250101)).toBe('year');
  });
});

describe('a trend request', () => {
  it('splits phrases at commas of either width and enumeration commas, dropping blanks', () => {
    expect(splitPhrases(['新質生產力, 高質量發展，鄉村振興、碳達峰', ' ，'])).toEqual(['新質生產力', '高質量發展', '鄉村振興', '碳達峰']);
    expect(query({ phrases: ['新質生產力', ' 高質量發展 '] }).phrases.map(phrase => phrase.typed)).toEqual(['新質生產力', '高質量發展']);
  });

  it('counts a phrase given twice, in either script, once', () => {
    expect(query({ phrases: ['新質生產力，新质生产力'] }).phrases).toEqual([{ typed: '新質生產力', folded: '新质生产力' }]);
  });

  it('takes months, quarters or years, and articles, mentions or share, articles by default', () => {
    expect(query({ phrases: ['改革'], by: 'Quarter', measure: 'share' })).toMatchObject({ by: 'quarter', measure: 'share' });
    expect(query({ phrases: ['改革'] })).toMatchObject({ by: null, measure: 'articles', from: null, to: null });
    expect(query({ phrases: ['改革'], from: '2024-01', to: '2024' })).toMatchObject({ from: 20240101, to: 20241231 });
  });

  it('refuses what it cannot count, saying why', () => {
    const refusal = (request: Partial<TrendRequest>) => parseTrendRequest({ ...ASK, ...request });
    expect(refusal({ phrases: ['，、'] })).toEqual({ reason: 'empty' });
    expect(refusal({ phrases: ['改革, ！！'] })).toEqual({ reason: 'empty' });
    expect(refusal({ phrases: ['甲'.repeat(101)] })).toEqual({ reason: 'too-long' });
    expect(refusal({ phrases: ['改革、發展、黨員、先行、會議'] })).toEqual({ reason: 'too-many' });
    expect(refusal({ phrases: ['改革'], by: 'week' })).toEqual({ reason: 'bad-period', value: 'week' });
    expect(refusal({ phrases: ['改革'], measure: 'words' })).toEqual({ reason: 'bad-measure', value: 'words' });
    expect(refusal({ phrases: ['改革'], from: '2024-13' })).toEqual({ reason: 'bad-date', value: '2024-13' });
    expect(refusal({ phrases: ['改革'], from: '2024-06', to: '2024-01' })).toEqual({ reason: 'reversed-range' });
  });
});

describe('counting a trend', () => {
  it('counts articles and mentions month by month, every month from the first dated article to the last, undated apart', () => {
    const trend = countTrend(options, query({ phrases: ['新質生產力、高質量發展'] }));
    expect(trend.by).toBe('month');
    expect(trend.periods).toEqual(['2023-12', '2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06', '2024-07']);
    expect(trend.articlesInPeriod).toEqual([1, 1, 1, 2, 1, 1, 2, 1]);
    const [newForces, quality] = trend.phrases;
    expect(newForces).toMatchObject({ phrase: '新質生產力', articles: [1, 1, 1, 2, 1, 0, 2, 1], mentions: [1, 2, 1, 4, 1, 0, 3, 1], totalArticles: 9, totalMentions: 13, undated: 2 });
    expect(quality).toMatchObject({ articles: [1, 1, 1, 2, 0, 1, 2, 1], undated: 2 });
    for (const phrase of trend.phrases) {
      const expected = bruteForceByMonth(options.articles, phrase.phrase);
      expect(nonZero(trend, phrase.articles)).toEqual(expected.articlesByMonth);
      expect(nonZero(trend, phrase.mentions)).toEqual(expected.mentionsByMonth);
      expect(phrase.undated).toBe(expected.undated);
    }
  });

  it('names the first period that mentions a phrase and the first period where the measure peaks', () => {
    const trend = countTrend(options, query({ phrases: ['新質生產力'] }));
    expect(trend.periods[trend.phrases[0]!.first!]).toBe('2023-12');
    // 2024-03 and 2024-06 both have two articles: the first of equals.
    expect(trend.periods[trend.phrases[0]!.peak!]).toBe('2024-03');
    const byMentions = countTrend(options, query({ phrases: ['新質生產力'], measure: 'mentions' }));
    expect(byMentions.periods[byMentions.phrases[0]!.peak!]).toBe('2024-03');
  });

  it('keeps to the date range, on days as /search does', () => {
    const trend = countTrend(options, query({ phrases: ['新質生產力'], from: '2024-02', to: '2024-06-15' }));
    expect(trend.periods).toEqual(['2024-02', '2024-03', '2024-04', '2024-05', '2024-06']);
    // r11 (2024-06-10) is in, r07 (2024-06-30) is out.
    expect(trend.phrases[0]!.articles).toEqual([1, 2, 1, 0, 1]);
    expect(trend.phrases[0]!.undated).toBe(2);
    const expected = bruteForceByMonth(options.articles, '新質生產力', '2024-02', '2024-06-15');
    expect(nonZero(trend, trend.phrases[0]!.articles)).toEqual(expected.articlesByMonth);
  });

  it('counts by quarter and by year', () => {
    const quarters = countTrend(options, query({ phrases: ['新質生產力'], by: 'quarter' }));
    expect(quarters.periods).toEqual(['2023-Q4', '2024-Q1', '2024-Q2', '2024-Q3']);
    expect(quarters.phrases[0]!.articles).toEqual([1, 4, 3, 1]);
    const years = countTrend(options, query({ phrases: ['新質生產力'], by: 'year' }));
    expect(years.periods).toEqual(['2023', '2024']);
    expect(years.articlesInPeriod).toEqual([1, 9]);
  });

  it('gives each period’s share per 1,000 of its dated articles, and none for a period without articles', () => {
    const quarters = countTrend(options, query({ phrases: ['新質生產力'], by: 'quarter', measure: 'share' }));
    expect(quarters.articlesInPeriod).toEqual([1, 4, 4, 1]);
    expect(quarters.phrases[0]!.share).toEqual([1000, 1000, 750, 1000]);

    // January and March reported, February not: February is a period all the same, with no share.
    const reports = new Library([
      articleFrom('jan', '2024年1月5日，集團召開會議，部署新質生產力工作。'),
      articleFrom('jan-2', '2024年1月20日，公司召開安全生產會議。'),
      articleFrom('mar', '2024年3月1日，研究院召開會議，研究新質生產力。'),
    ]);
    const gap = countTrend(reports, query({ phrases: ['新質生產力'], measure: 'share' }));
    expect(gap.periods).toEqual(['2024-01', '2024-02', '2024-03']);
    expect(gap.articlesInPeriod).toEqual([2, 0, 1]);
    expect(gap.phrases[0]!.share).toEqual([500, null, 1000]);
    expect(gap.periods[gap.phrases[0]!.peak!]).toBe('2024-03');
  });

  it('has no periods when no article with a full date is in range, and still counts the undated', async () => {
    const bundled = await bundledLibrary();
    // Of the bundled five only 001 (2022-06-17) states its year; 000 mentions 新質生產力 on 3月25日.
    const trend = countTrend(bundled, query({ phrases: ['新質生產力'] }));
    expect(trend.periods).toEqual(['2022-06']);
    expect(trend.phrases[0]).toMatchObject({ totalArticles: 0, undated: 1, first: null, peak: null });
    const none = countTrend(bundled, query({ phrases: ['揭榜'], from: '2023' }));
    expect(none.periods).toEqual([]);
    expect(none.phrases[0]).toMatchObject({ articles: [], totalArticles: 0, undated: 0 });
  });
});
