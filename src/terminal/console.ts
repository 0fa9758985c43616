import { createInterface } from 'node:readline';
import type { Library } from '../library/library';
import { labelsFor } from '../replies/labels';
import type { ReplyLocale } from '../replies/locale';
import { answerTerminalRequest, parseTerminalLine, type PeopleSource, type TerminalRequest } from './commands';
import { renderForTerminal } from './render';

/** Where the console reads its articles and people: read again for every line, so a reload answers the next one. */
export interface LibrarySource {
  readonly library: Library;
  readonly people: PeopleSource;
}

/** Commands whose answers come in pages that /next and /prev turn. */
const PAGED = new Set(['search', 'read', 'person']);

/** The last search or read answered, and the page of it shown, which /next and /prev move from. */
interface ShownSearch {
  readonly request: TerminalRequest;
  readonly page: { readonly index: number; readonly count: number };
}

/**
 * The local console: reads commands line by line from standard input and prints the answers the bot
 * would give in Discord. Ends at end of input, so it also answers piped input.
 */
export async function runConsole(source: LibrarySource, locale: ReplyLocale, input: NodeJS.ReadableStream = process.stdin, output: NodeJS.WritableStream & { isTTY?: boolean } = process.stdout): Promise<void> {
  const interactive = output.isTTY === true && (input as { isTTY?: boolean }).isTTY === true;
  const lines = createInterface({ input, output: interactive ? output : undefined, terminal: interactive, prompt: '> ' });
  const print = (text: string) => output.write(`${text}\n`);
  const { terminal } = labelsFor(locale);

  if (interactive) {
    print(`${terminal.loaded(source.library.articles.length)} ${terminal.help}`);
    lines.prompt();
  }
  let lastSearch: ShownSearch | null = null;
  for await (const line of lines) {
    const request = parseTerminalLine(line);
    if (request) {
      if (request.command === 'quit' || request.command === 'exit') break;
      if (request.command === 'help') {
        print(terminal.help);
      } else if (request.command === 'next' || request.command === 'prev') {
        const step = request.command === 'next' ? 1 : -1;
        if (!lastSearch) print(terminal.nothingToPage);
        else if (step < 0 && lastSearch.page.index === 0) print(terminal.firstPage);
        else if (step > 0 && lastSearch.page.index >= lastSearch.page.count - 1) print(terminal.lastPage);
        else lastSearch = await answer({ ...lastSearch.request, page: lastSearch.page.index + step });
      } else if (PAGED.has(request.command)) {
        lastSearch = await answer(request);
      } else {
        await answer(request);
      }
    }
    if (interactive) lines.prompt();
  }
  lines.close();

  /** Prints the answer; for a search or read with pages, what /next and /prev page through. */
  async function answer(request: TerminalRequest): Promise<ShownSearch | null> {
    const reply = await answerTerminalRequest(source.library, source.people, request, locale);
    print(renderForTerminal(reply, interactive));
    // The page shown is clamped to the pages there are.
    return PAGED.has(request.command) && reply.page ? { request, page: reply.page } : null;
  }
}
