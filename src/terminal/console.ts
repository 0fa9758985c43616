import { createInterface } from 'node:readline';
import type { Library } from '../library';
import type { ReplyLocale } from '../replies/locale';
import { answerTerminalRequest, parseTerminalLine, TERMINAL_HELP, type TerminalRequest } from './commands';
import { renderForTerminal } from './render';

/**
 * The local console: reads commands line by line from standard input and prints the answers the bot
 * would give in Discord. Ends at end of input, so it also answers piped input.
 */
export async function runConsole(library: Library, locale: ReplyLocale, input: NodeJS.ReadableStream = process.stdin, output: NodeJS.WritableStream & { isTTY?: boolean } = process.stdout): Promise<void> {
  const interactive = output.isTTY === true && (input as { isTTY?: boolean }).isTTY === true;
  const lines = createInterface({ input, output: interactive ? output : undefined, terminal: interactive, prompt: '> ' });
  const print = (text: string) => output.write(`${text}\n`);

  if (interactive) {
    print(`${library.articles.length} articles loaded. ${TERMINAL_HELP}`);
    lines.prompt();
  }
  let lastSearch: TerminalRequest | null = null;
  for await (const line of lines) {
    const request = parseTerminalLine(line);
    if (request) {
      if (request.command === 'quit' || request.command === 'exit') break;
      if (request.command === 'help') {
        print(TERMINAL_HELP);
      } else {
        const paged = pagedRequest(request, lastSearch);
        const reply = answerTerminalRequest(library, paged, locale);
        // Remember the page shown, which is clamped to the pages there are.
        if (paged.command === 'search' && reply.page) lastSearch = { ...paged, page: reply.page.index };
        print(renderForTerminal(reply, interactive));
      }
    }
    if (interactive) lines.prompt();
  }
  lines.close();
}

/** /next and /prev page through the last search. */
function pagedRequest(request: TerminalRequest, lastSearch: TerminalRequest | null): TerminalRequest {
  if ((request.command !== 'next' && request.command !== 'prev') || !lastSearch) return request;
  return { ...lastSearch, page: Math.max(0, lastSearch.page + (request.command === 'next' ? 1 : -1)) };
}
