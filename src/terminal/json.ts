import { isPartial, type ArticleAnalysis } from '../analysis/analyse';
import type { Article } from '../corpus/article';
import type { Library } from '../library/library';
import type { Meeting } from '../meetings/summarize';
import type { Participant } from '../people/participants';
import { labelsFor } from '../replies/labels';
import { refusalMessage } from '../replies/search';
import { trendRefusalMessage } from '../replies/trend';
import { roundShare } from '../replies/trend-export';
import { countTrend, type Trend } from '../trends/count';
import { parseTrendRequest, type TrendRequest } from '../trends/request';
import { NO_OPTIONS, type SearchOptions } from '../search/options';
import { buildSnippets, SNIPPET_CONTEXT } from '../search/snippets';

/** The machine-readable answers of the CLI's --json mode: every result, no paging. */

/** Articles named in the error for a value that fits several, as the replies list them. */
const ARTICLES_LISTED = 5;

export function articleJson(article: Article) {
  return { id: article.id, title: article.title, date: article.date, ...(article.url === undefined ? {} : { url: article.url }) };
}

export function articlesJson(library: Library) {
  return library.articles.map(articleJson);
}

/** The articles a search finds, in rank order, or a usage error saying why it cannot be run. */
export function searchHits(library: Library, query: string, options: SearchOptions) {
  const outcome = library.search(query, options);
  if (outcome.kind === 'refused') throw new UsageError(refusalMessage(outcome, labelsFor('en')));
  return outcome;
}

export function searchJson(library: Library, query: string, options: SearchOptions = NO_OPTIONS) {
  const outcome = searchHits(library, query, options);
  const hits = outcome.kind === 'found' ? outcome.hits : [];
  return {
    query,
    total: hits.length,
    undated: outcome.kind === 'found' ? outcome.undated : 0,
    results: hits.map(hit => ({
      ...articleJson(hit.article),
      occurrences: hit.occurrences,
      snippets: buildSnippets(hit.article.text, library.mentions(hit), { context: SNIPPET_CONTEXT, maxSnippets: Infinity }).map(snippet => ({
        text: snippet.text,
        highlights: snippet.highlights,
      })),
    })),
    ...(outcome.kind === 'absent' ? { closest: outcome.closest.map(articleJson) } : {}),
  };
}

/** A trend's counts, or a usage error saying why it cannot be counted. */
export function trendCounts(library: Library, request: TrendRequest): Trend {
  const query = parseTrendRequest(request);
  if ('reason' in query) throw new UsageError(trendRefusalMessage(query, labelsFor('en')));
  return countTrend(library, query);
}

/**
 * A trend as JSON: every period from the first to the last, none missing, with the dated articles of
 * the period (`total`) and each phrase's articles and mentions there, keyed by the phrase as typed (and
 * its share per 1,000 articles of the period, null for a period without any); then each phrase's first
 * and peak period; and the undated articles that mention any phrase, left out.
 */
export function trendJson(trend: Trend) {
  const period = (at: number | null) => (at === null ? null : trend.periods[at]!);
  return {
    by: trend.by,
    measure: trend.measure,
    phrases: trend.phrases.map(phrase => phrase.phrase),
    periods: trend.periods.map((label, at) => ({
      period: label,
      total: trend.articlesInPeriod[at]!,
      counts: Object.fromEntries(
        trend.phrases.map(phrase => [phrase.phrase, { articles: phrase.articles[at]!, mentions: phrase.mentions[at]!, share: phrase.share[at] === null ? null : roundShare(phrase.share[at]!) }]),
      ),
    })),
    first: Object.fromEntries(trend.phrases.map(phrase => [phrase.phrase, period(phrase.first)])),
    peak: Object.fromEntries(trend.phrases.map(phrase => [phrase.phrase, period(phrase.peak)])),
    undated: trend.undated,
  };
}

/** A person with where the article says each thing: [start, end) ranges into the article's own text. */
function personJson(person: Participant) {
  return {
    name: person.name,
    title: person.title,
    roles: person.roles,
    evidence: person.evidence,
    titleEvidence: person.titleEvidence,
    roleEvidence: person.roleEvidence,
  };
}

/** The one article a typed value names (see Library.articlesNamed). */
function articleFor(library: Library, typed: string): Article {
  const named = library.articlesNamed(typed);
  if (named.length === 1) return named[0]!;
  if (named.length > 1) {
    const shown = named.slice(0, ARTICLES_LISTED).map(article => article.id);
    throw new UsageError(`"${typed}" matches ${named.length} articles (${shown.join(', ')}${named.length > shown.length ? ', …' : ''}); give more of the id or title`);
  }
  throw new UsageError(`no article's id, title or organisation matches "${typed}"; \`articles\` lists them`);
}

/** Answers for one article, or with --all an array with one answer per article. */
export async function forArticles<T>(library: Library, typed: string, all: boolean, answer: (article: Article) => Promise<T>): Promise<T | T[]> {
  if (all) return Promise.all(library.articles.map(answer));
  if (!typed.trim()) throw new UsageError('name an article (its id, the start of it, or words of its title), or give --all');
  return answer(articleFor(library, typed));
}

/**
 * Only an opening of the article was analysed, for it took too long whole: how many characters of how
 * many. Absent when the whole article was analysed.
 */
function partialJson(analysis: ArticleAnalysis) {
  return isPartial(analysis) ? { partial: { analysed: analysis.analysed, length: analysis.length } } : {};
}

export async function participantsJson(library: Library, article: Article) {
  const analysis = await library.analyse(article);
  const meetings = analysis.summary.meetings;
  // A participant listed in a meeting is the same object as in the list, even from a worker.
  const meetingOf = (person: Participant) => Math.max(0, meetings.findIndex(meeting => meeting.people.includes(person)));
  const { people, groups } = analysis.participants;
  return {
    id: article.id,
    ...partialJson(analysis),
    people: people.map(person => ({ ...personJson(person), meeting: meetingOf(person) })),
    groups: groups.map(group => ({ text: group.text, evidence: group.evidence })),
  };
}

export async function summaryJson(library: Library, article: Article) {
  const analysis = await library.analyse(article);
  const { meetings, summary, keywords } = analysis.summary;
  return {
    id: article.id,
    ...partialJson(analysis),
    meetings: meetings.map((meeting: Meeting) => ({
      date: meeting.date,
      organizer: meeting.organizer,
      organizerEvidence: meeting.organizerEvidence,
      name: meeting.name,
      host: meeting.host ? personJson(meeting.host) : null,
      speakers: meeting.speakers.map(personJson),
      presenters: meeting.presenters.map(personJson),
      attendees: meeting.attendees.map(personJson),
      groups: meeting.groups.map(group => ({ text: group.text, evidence: group.evidence })),
      points: meeting.points,
    })),
    summary,
    keywords,
  };
}

/** A request the CLI cannot answer as asked: reported on stderr with a non-zero exit. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
