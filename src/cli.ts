import 'dotenv/config';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readConfig } from './config';
import { openLibrary } from './corpus/open';
import { log, registerSecret, setQuiet } from './log';
import { parseReplyLocale } from './replies/locale';
import { answerTerminalRequest, TERMINAL_HELP } from './terminal/commands';
import { articlesJson, forArticles, participantsJson, searchJson, summaryJson, UsageError } from './terminal/json';
import { renderForTerminal } from './terminal/render';

/**
 * The command line: `cli <command> [args] [--data DIR] [--json] [--page N] [--locale L]`.
 * Answers go to stdout (valid JSON with --json); errors go to stderr with a non-zero exit.
 */
async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      data: { type: 'string' },
      json: { type: 'boolean', default: false },
      page: { type: 'string', default: '1' },
      locale: { type: 'string', default: 'en' },
      all: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    process.stdout.write(`Usage: npm run --silent cli -- <command> [args] [--data DIR] [--json] [--page N] [--locale en|zh-CN|zh-TW]\n${TERMINAL_HELP}\n`);
    return command || values.help ? 0 : 2;
  }
  const locale = parseReplyLocale(values.locale);
  if (!locale) throw new UsageError(`--locale must be en, zh-CN or zh-TW, not "${values.locale}"`);
  const page = Number(values.page);
  if (!Number.isInteger(page) || page < 1) throw new UsageError(`--page must be a whole number from 1, not "${values.page}"`);

  setQuiet(true);
  const config = readConfig();
  // As the bot does: blanked out of logs and articles, and the start-up cache is shared with the bot's.
  registerSecret(config.discordToken ?? undefined);
  const library = await openLibrary(values.data ? resolve(values.data) : config.dataDir, config.cacheDir);
  const text = rest.join(' ');

  if (values.json) {
    const answer = (() => {
      switch (command) {
        case 'search':
          return searchJson(library, text);
        case 'articles':
          return articlesJson(library);
        case 'participants':
          return forArticles(library, text, values.all, article => participantsJson(library, article));
        case 'summary':
          return forArticles(library, text, values.all, article => summaryJson(library, article));
        default:
          throw new UsageError(`unknown command "${command}"`);
      }
    })();
    process.stdout.write(`${JSON.stringify(answer)}\n`);
    return 0;
  }

  const reply = answerTerminalRequest(library, { command, text, page: page - 1, all: values.all }, locale);
  process.stdout.write(`${renderForTerminal(reply, process.stdout.isTTY === true)}\n`);
  return reply.error ? 1 : 0;
}

main(process.argv.slice(2)).then(
  code => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError || (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      process.stderr.write(`cli: ${error.message}\n`);
      process.exitCode = 2;
      return;
    }
    log.error('cli failed', error);
    process.exitCode = 1;
  },
);
