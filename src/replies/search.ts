import type { Article } from '../corpus/article';
import type { Library, SearchHit, SearchRefusal } from '../library/library';
import { NO_OPTIONS, type SearchOptions } from '../search/options';
import { SNIPPET_CONTEXT, type Snippet } from '../search/snippets';
import { inScript, type Script } from '../text/script';
import { errorReply, type Reply } from './card';
import { labelsFor, type Labels } from './labels';
import { DISCORD_LIMITS, truncate } from './limits';
import { scriptFor, type ReplyLocale } from './locale';
import { bold, codeSpan, escapeMarkdown } from './markdown';

export const HITS_PER_PAGE = 5;
export const SNIPPETS_PER_HIT = 3;
const CORRECTIONS_SHOWN = 3;
/**
 * How long an answer waits for the vocabulary to offer corrections: read back from the cache it is
 * ready within seconds of a start, but built anew it takes minutes, and no answer should wait long.
 */
const CORRECTIONS_WAIT_MS = 250;
/** Room for the conditions restated under the totals: six phrases of 100 characters would not fit beside the entries. */
const CONDITIONS_MAX = 400;
// Five entries, the totals line and the conditions always fit in one embed description.
const ENTRY_MAX = Math.floor((DISCORD_LIMITS.embedDescription - 200 - CONDITIONS_MAX) / HITS_PER_PAGE);

/**
 * The /search answer for one page of results; when nothing matches, the phrases the user may have meant
 * and the closest articles.
 */
export async function searchReply(library: Library, query: string, pageIndex: number, locale: ReplyLocale, options: SearchOptions = NO_OPTIONS): Promise<Reply> {
  const labels = labelsFor(locale);
  const script = scriptFor(locale);
  const outcome = library.search(query, options);
  const shownQuery = escapeMarkdown(truncate(query, DISCORD_LIMITS.optionValue));
  if (outcome.kind === 'refused') return errorReply(refusalMessage(outcome, labels));
  const title = truncate(labels.searchTitle(shownQuery), DISCORD_LIMITS.embedTitle);
  if (outcome.kind === 'absent') {
    const closest = outcome.closest.map((article, rank) => `${rank + 1}. ${articleLine(article, script)}`);
    const meant = (await library.didYouMean(query, CORRECTIONS_SHOWN, CORRECTIONS_WAIT_MS)).map(({ phrase, articles }) => `• ${bold(escapeMarkdown(inScript(phrase, script)))} · ${labels.articleCount(articles)}`);
    const lines = [labels.noMatch(shownQuery), ...(meant.length ? [labels.didYouMean, ...meant] : []), closest.length ? labels.closestByWords : labels.nothingClose, ...closest];
    return { cards: [{ title, description: lines.join('\n'), fields: [] }] };
  }
  const conditions = conditionLines(options, outcome.undated, labels);
  if (outcome.count === 0) return { cards: [{ title, description: [labels.noneMeetsOptions(shownQuery), ...conditions].join('\n'), fields: [] }] };

  const pageCount = Math.ceil(outcome.count / HITS_PER_PAGE);
  const index = Math.min(Math.max(0, pageIndex), pageCount - 1);
  const pageHits = outcome.page(index * HITS_PER_PAGE, (index + 1) * HITS_PER_PAGE);
  const entries = pageHits.map((hit, offset) => truncate(hitEntry(library, hit, index * HITS_PER_PAGE + offset + 1, script, labels), ENTRY_MAX));
  return {
    cards: [
      {
        title,
        description: [labels.searchTotals(outcome.count, outcome.mentions), ...conditions, '', entries.join('\n\n')].join('\n'),
        fields: [],
        footer: pageCount > 1 ? labels.page(index, pageCount) : undefined,
      },
    ],
    page: { index, count: pageCount },
  };
}

/** What a refused search is told, in the reader's language. */
export function refusalMessage(refusal: SearchRefusal, labels: Labels): string {
  switch (refusal.reason) {
    case 'empty':
      return labels.emptyPhrase;
    case 'too-long':
      return labels.phraseTooLong;
    case 'too-many':
      return labels.tooManyPhrases;
    case 'bad-date':
      return labels.badDate(escapeMarkdown(truncate(refusal.value, DISCORD_LIMITS.optionValue)));
    case 'reversed-range':
      return labels.reversedRange;
  }
}

/** The options restated (on one line), and how many undated articles a date range left out. */
function conditionLines(options: SearchOptions, undated: number, labels: Labels): string[] {
  const shown = (phrases: readonly string[]) => phrases.map(phrase => escapeMarkdown(truncate(phrase, DISCORD_LIMITS.optionValue)));
  const shownDate = (date: string | null) => (date === null ? null : escapeMarkdown(truncate(date.trim(), 20)));
  const parts = [
    options.also.length ? labels.also(shown(options.also)) : '',
    options.without.length ? labels.without(shown(options.without)) : '',
    options.from !== null || options.to !== null ? labels.dateRange(shownDate(options.from), shownDate(options.to)) : '',
    options.sort !== 'mentions' ? labels.sorts[options.sort] : '',
  ].filter(Boolean);
  return [...(parts.length ? [truncate(parts.join(' · '), CONDITIONS_MAX)] : []), ...(undated ? [labels.undatedLeftOut(undated)] : [])];
}

function articleLine(article: Article, script: Script): string {
  const date = article.date ? ` · ${inScript(article.date.text, script)}` : '';
  return `${bold(escapeMarkdown(inScript(article.title, script)))}${date} · ${codeSpan(article.id)}`;
}

function hitEntry(library: Library, hit: SearchHit, rank: number, script: Script, labels: Labels): string {
  const snippets = library.snippets(hit, { context: SNIPPET_CONTEXT, maxSnippets: SNIPPETS_PER_HIT });
  const lines = snippets.map(snippet => `> ${renderSnippet(snippet, script)}`);
  return [`${rank}. ${articleLine(hit.article, script)} · ${labels.mentions(hit.occurrences)}`, ...lines].join('\n');
}

/** A snippet in the reader's script, escaped, with each mention in bold. */
export function renderSnippet(snippet: Snippet, script: Script): string {
  let out = snippet.clippedStart ? '…' : '';
  let at = 0;
  for (const [start, end] of boldSpans(snippet.highlights)) {
    out += escapeMarkdown(inScript(snippet.text.slice(at, start), script));
    out += bold(escapeMarkdown(inScript(snippet.text.slice(start, end), script)));
    at = end;
  }
  out += escapeMarkdown(inScript(snippet.text.slice(at), script));
  return snippet.clippedEnd ? `${out}…` : out;
}

/**
 * Highlights that touch (會會 searched for 會) make one bold span: `**會****會**` is not bold in Discord's
 * markdown, and its markers would show.
 */
function boldSpans(highlights: Snippet['highlights']): [number, number][] {
  const spans: [number, number][] = [];
  for (const [start, end] of highlights) {
    const last = spans[spans.length - 1];
    if (last && last[1] === start) last[1] = end;
    else spans.push([start, end]);
  }
  return spans;
}
