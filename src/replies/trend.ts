import type { LineChart } from '../charts/line-chart';
import type { Library } from '../library/library';
import { countTrend, type PhraseTrend, type Trend } from '../trends/count';
import { parseTrendRequest, type TrendMeasure, type TrendRefusal, type TrendRequest } from '../trends/request';
import { inScript } from '../text/script';
import { errorReply, type Reply } from './card';
import { labelsFor, type Labels } from './labels';
import { DISCORD_LIMITS, truncate } from './limits';
import { scriptFor, type ReplyLocale } from './locale';
import { bold, escapeMarkdown } from './markdown';
import { refusalMessage } from './search';

/** The name the chart is attached under, which the card's image points to. */
export const TREND_CHART_FILE = 'trend.png';

/** The /trend answer: its words, and when there are periods to show, the counts and the chart to draw from them. */
export interface TrendAnswer {
  readonly reply: Reply;
  /** null when the request was refused. */
  readonly trend: Trend | null;
  /** null when refused, or when no dated article falls in the range. */
  readonly chart: LineChart | null;
}

/**
 * How often each phrase is mentioned, period by period: for each phrase its totals, the first period
 * that mentions it, the period where the measure peaks and the undated articles left out, in the
 * reader's language and script; the chart plots the measure.
 */
export function trendAnswer(library: Library, request: TrendRequest, locale: ReplyLocale): TrendAnswer {
  const labels = labelsFor(locale);
  const query = parseTrendRequest(request);
  if ('reason' in query) return { reply: errorReply(trendRefusalMessage(query, labels)), trend: null, chart: null };
  const trend = countTrend(library, query);
  const names = trend.phrases.map(({ phrase }) => inScript(phrase, scriptFor(locale)));
  const shownNames = names.map(name => escapeMarkdown(truncate(name, DISCORD_LIMITS.optionValue)));
  const title = truncate(labels.trendTitle(shownNames), DISCORD_LIMITS.embedTitle);
  if (trend.periods.length === 0) {
    const undated = trend.phrases.flatMap((phrase, at) => (phrase.undated ? [`${bold(shownNames[at]!)} · ${labels.trendUndated(phrase.undated)}`] : []));
    return { reply: { cards: [{ title, description: [labels.trendNoPeriods, ...undated].join('\n'), fields: [] }] }, trend, chart: null };
  }
  const basis = [labels.trendPeriods[trend.by], labels.dateRange(trend.periods[0]!, trend.periods.at(-1)!), labels.trendMeasures[trend.measure]].join(' · ');
  const lines = trend.phrases.map((phrase, at) => phraseLine(trend, phrase, shownNames[at]!, labels));
  return {
    reply: { cards: [{ title, description: [basis, '', ...lines].join('\n'), fields: [], image: TREND_CHART_FILE }] },
    trend,
    chart: trendChart(trend, names, labels),
  };
}

/** What a refused trend is told, in the reader's language: as a refused search, but for its own options. */
export function trendRefusalMessage(refusal: TrendRefusal, labels: Labels): string {
  switch (refusal.reason) {
    case 'too-many':
      return labels.tooManyTrendPhrases;
    case 'bad-period':
      return labels.badPeriod(shownValue(refusal.value));
    case 'bad-measure':
      return labels.badMeasure(shownValue(refusal.value));
    default:
      return refusalMessage(refusal, labels);
  }
}

function shownValue(value: string): string {
  return escapeMarkdown(truncate(value, DISCORD_LIMITS.optionValue));
}

/** A phrase's totals, its first and peak periods, and its undated articles, on one line. */
function phraseLine(trend: Trend, phrase: PhraseTrend, name: string, labels: Labels): string {
  const undated = phrase.undated ? [labels.trendUndated(phrase.undated)] : [];
  if (phrase.first === null || phrase.peak === null) return [bold(name), labels.trendNotMentioned, ...undated].join(' · ');
  const measured = { articles: phrase.articles, mentions: phrase.mentions, share: phrase.share }[trend.measure][phrase.peak]!;
  return [
    bold(name),
    labels.searchTotals(phrase.totalArticles, phrase.totalMentions),
    labels.trendFirst(trend.periods[phrase.first]!),
    labels.trendPeak(trend.periods[phrase.peak]!, labels.trendValue(trend.measure, formatValue(trend.measure, measured))),
    ...undated,
  ].join(' · ');
}

/** Counts in full (1,234), shares to one decimal (12.5). */
export function formatValue(measure: TrendMeasure, value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: measure === 'share' ? 1 : 0 });
}

function trendChart(trend: Trend, names: readonly string[], labels: Labels): LineChart {
  const datedArticles = trend.articlesInPeriod.reduce((sum, count) => sum + count, 0);
  return {
    title: labels.trendChartTitle(trend.measure, trend.by),
    subtitle: labels.trendChartSubtitle(trend.periods[0]!, trend.periods.at(-1)!, datedArticles),
    categories: trend.periods,
    series: trend.phrases.map((phrase, at) => ({ name: names[at]!, values: { articles: phrase.articles, mentions: phrase.mentions, share: phrase.share }[trend.measure] })),
    valueAxisName: labels.trendAxis[trend.measure],
    wholeNumbers: trend.measure !== 'share',
  };
}
