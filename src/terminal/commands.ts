import type { Library } from '../library/library';
import type { PeopleStatus } from '../library/live-people';
import { personReply } from '../replies/person';
import { errorReply, type Reply } from '../replies/card';
import { labelsFor } from '../replies/labels';
import type { ReplyLocale } from '../replies/locale';
import { participantsReply } from '../replies/participants';
import { readReply } from '../replies/read';
import { searchReply } from '../replies/search';
import { parseSort, type SearchOptions } from '../search/options';
import { sourcesReply } from '../replies/sources';
import { summaryReply } from '../replies/summary';
import { trendAnswer } from '../replies/trend';

/** A command as typed in the console or given to the CLI: the same names and options as in Discord. */
export interface TerminalRequest {
  readonly command: string;
  readonly text: string;
  readonly page: number;
  /** --all: answer for every article (participants, summary). */
  readonly all: boolean;
  /** --sources: each answer of participants or summary with the sentence it comes from. */
  readonly sources: boolean;
  /** --also, --without, --from, --to and --sort of a search, as typed; a trend takes its --from and --to too. */
  readonly searchOptions: TypedSearchOptions;
  /** --by and --measure of a trend, as typed. */
  readonly trendOptions: TypedTrendOptions;
}

export interface TypedTrendOptions {
  readonly by: string | null;
  readonly measure: string | null;
}

/** A search's options as typed, before the sort is known to be one there is. */
export interface TypedSearchOptions {
  readonly also: readonly string[];
  readonly without: readonly string[];
  readonly from: string | null;
  readonly to: string | null;
  readonly sort: string | null;
}

/** The options of a search, or the sort typed when it names none there is. */
export function searchOptionsOf(typed: TypedSearchOptions): SearchOptions | { readonly unknownSort: string } {
  const sort = parseSort(typed.sort);
  return sort ? { ...typed, sort } : { unknownSort: typed.sort ?? '' };
}

/** Where /person's answers come from: the people index, or how far its build is. */
export interface PeopleSource {
  status(): PeopleStatus;
}

/** The answer to a request; /participants and /summary wait for the article's analysis, which runs in a worker. */
export async function answerTerminalRequest(library: Library, people: PeopleSource, request: TerminalRequest, locale: ReplyLocale): Promise<Reply> {
  switch (request.command) {
    case 'search': {
      const options = searchOptionsOf(request.searchOptions);
      if ('unknownSort' in options) return errorReply(labelsFor(locale).badSort(options.unknownSort));
      return await searchReply(library, request.text, request.page, locale, options);
    }
    case 'participants':
    case 'summary': {
      const of = request.command;
      const answer = request.sources ? (lib: Library, id: string, replyLocale: ReplyLocale) => sourcesReply(lib, id, of, request.page, replyLocale) : of === 'participants' ? participantsReply : summaryReply;
      if (!request.all) return answer(library, request.text, locale);
      const replies = await Promise.all(library.articles.map(article => answer(library, article.id, locale)));
      return { cards: replies.flatMap(reply => reply.cards) };
    }
    case 'read': {
      // The article first, then the phrase: `read 000 新質生產力`.
      const [article = '', ...phrase] = request.text.split(' ');
      return await readReply(library, article, phrase.join(' '), request.page, locale);
    }
    case 'trend': {
      // Phrases are separated by commas, as in Discord's option: `trend 新質生產力, 高質量發展`.
      const { from, to } = request.searchOptions;
      return trendAnswer(library, { phrases: [request.text], from, to, ...request.trendOptions }, locale).reply;
    }
    case 'articles':
      return articlesReply(library, locale);
    case 'person':
      return personReply(people.status(), request.text, request.page, locale);
    default: {
      const { terminal } = labelsFor(locale);
      return errorReply(`${terminal.unknownCommand(request.command)}\n${terminal.help}`);
    }
  }
}

function articlesReply(library: Library, locale: ReplyLocale): Reply {
  const lines = library.articles.map(article => `${article.id}  ${article.date?.text ?? '-'}  ${article.title}`);
  return { cards: [{ title: labelsFor(locale).terminal.articles(library.articles.length), description: lines.join('\n'), fields: [] }] };
}

/** Options that take the word after them as their value; --also and --without may be given several times. */
const VALUED_OPTIONS = new Set(['--also', '--without', '--from', '--to', '--sort', '--by', '--measure']);

/**
 * Splits a typed line into command, text, --page, --all, --sources, a search's options and a trend's:
 * `/search 黨員 先行 --also 改革 --sort newest --page 2`. Pages are counted from 1 by people and from 0 inside.
 */
export function parseTerminalLine(line: string): TerminalRequest | null {
  const trimmed = line.trim();
  if (trimmed === '') return null;
  const [head = '', ...rest] = trimmed.split(/\s+/u);
  const words: string[] = [];
  let page = 0;
  let all = false;
  let sources = false;
  const also: string[] = [];
  const without: string[] = [];
  const single: Record<string, string> = {};
  for (let i = 0; i < rest.length; i++) {
    const word = rest[i]!;
    if (VALUED_OPTIONS.has(word) && i + 1 < rest.length) {
      const value = rest[++i]!;
      if (word === '--also') also.push(value);
      else if (word === '--without') without.push(value);
      else single[word] = value;
      continue;
    }
    if (word === '--all') {
      all = true;
      continue;
    }
    if (word === '--sources') {
      sources = true;
      continue;
    }
    if (word === '--page' && /^\d+$/.test(rest[i + 1] ?? '')) {
      page = Math.max(0, Number(rest[++i]) - 1);
      continue;
    }
    words.push(word);
  }
  const searchOptions = { also, without, from: single['--from'] ?? null, to: single['--to'] ?? null, sort: single['--sort'] ?? null };
  const trendOptions = { by: single['--by'] ?? null, measure: single['--measure'] ?? null };
  return { command: head.replace(/^\//, '').toLowerCase(), text: words.join(' '), page, all, sources, searchOptions, trendOptions };
}
