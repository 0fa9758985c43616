import type { Library } from '../library';
import { errorReply, type Reply } from '../replies/card';
import { labelsFor } from '../replies/labels';
import type { ReplyLocale } from '../replies/locale';
import { participantsReply } from '../replies/participants';
import { searchReply } from '../replies/search';
import { sourcesReply } from '../replies/sources';
import { summaryReply } from '../replies/summary';

/** A command as typed in the console or given to the CLI: the same names and options as in Discord. */
export interface TerminalRequest {
  readonly command: string;
  readonly text: string;
  readonly page: number;
  /** --all: answer for every article (participants, summary). */
  readonly all: boolean;
  /** --sources: each answer of participants or summary with the sentence it comes from. */
  readonly sources: boolean;
}

/** The answer to a request; /participants and /summary wait for the article's analysis, which runs in a worker. */
export async function answerTerminalRequest(library: Library, request: TerminalRequest, locale: ReplyLocale): Promise<Reply> {
  switch (request.command) {
    case 'search':
      return searchReply(library, request.text, request.page, locale);
    case 'participants':
    case 'summary': {
      const of = request.command;
      const answer = request.sources ? (lib: Library, id: string, replyLocale: ReplyLocale) => sourcesReply(lib, id, of, request.page, replyLocale) : of === 'participants' ? participantsReply : summaryReply;
      if (!request.all) return answer(library, request.text, locale);
      const replies = await Promise.all(library.articles.map(article => answer(library, article.id, locale)));
      return { cards: replies.flatMap(reply => reply.cards) };
    }
    case 'articles':
      return articlesReply(library, locale);
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

/**
 * Splits a typed line into command, text, --page, --all and --sources: `/search 黨員 先行 --page 2`. Pages are counted
 * from 1 by people and from 0 inside.
 */
export function parseTerminalLine(line: string): TerminalRequest | null {
  const trimmed = line.trim();
  if (trimmed === '') return null;
  const [head = '', ...rest] = trimmed.split(/\s+/u);
  const words: string[] = [];
  let page = 0;
  let all = false;
  let sources = false;
  for (let i = 0; i < rest.length; i++) {
    const word = rest[i]!;
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
  return { command: head.replace(/^\//, '').toLowerCase(), text: words.join(' '), page, all, sources };
}
