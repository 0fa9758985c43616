import 'dotenv/config';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ArticleAnalyses } from './analysis/analyses';
import { lineChartPng } from './charts/line-chart';
import { readConfig } from './config';
import { openLibrary } from './library/open';
import type { Library } from './library/library';
import { log, registerSecret, setQuiet } from './log';
import { LivePeople } from './library/live-people';
import { labelsFor } from './replies/labels';
import { parseReplyLocale, type ReplyLocale } from './replies/locale';
import { personCsv } from './replies/person-export';
import { searchCsv } from './replies/search-export';
import { trendAnswer } from './replies/trend';
import { trendCsv } from './replies/trend-export';
import { answerTerminalRequest, searchOptionsOf } from './terminal/commands';
import { articlesJson, forArticles, participantsJson, searchHits, searchJson, summaryJson, trendCounts, trendJson, UsageError } from './terminal/json';
import { peopleNamed, personJson } from './terminal/person-json';
import type { TrendRequest } from './trends/request';
import { renderForTerminal } from './terminal/render';

/**
 * The command line: `cli <command> [args] [--data DIR] [--json | --format F] [--page N] [--locale L]`,
 * for search --also, --without, --from, --to and --sort, and for trend (each argument a phrase)
 * --by, --from, --to, --measure and --png FILE. Answers go to stdout (valid JSON with --json); errors
 * go to stderr with a non-zero exit. `person` waits for the people index (read from its cache, or
 * built in worker threads).
 */
const FORMATS = ['text', 'json', 'jsonl', 'csv'];

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
      sources: { type: 'boolean', default: false },
      format: { type: 'string', default: 'text' },
      also: { type: 'string', multiple: true, default: [] },
      without: { type: 'string', multiple: true, default: [] },
      from: { type: 'string' },
      to: { type: 'string' },
      sort: { type: 'string' },
      by: { type: 'string' },
      measure: { type: 'string' },
      png: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, ...rest] = positionals;
  const locale = parseReplyLocale(values.locale);
  if (!locale) throw new UsageError(`--locale must be en, zh-CN or zh-TW, not "${values.locale}"`);
  if (values.help || !command) {
    const usage = `Usage: npm run --silent cli -- <command> [args] [--data DIR] [--json | --format text|json|jsonl|csv | --png FILE] [--sources] [--page N] [--locale en|zh-CN|zh-TW]\n${labelsFor(locale).terminal.help}\n`;
    // Asked for, the usage is the answer; given in place of a command, it says what went wrong.
    (values.help ? process.stdout : process.stderr).write(usage);
    return values.help ? 0 : 2;
  }
  const format = values.json ? 'json' : values.format;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be ${FORMATS.join(', ')}, not "${format}"`);
  if (format === 'jsonl' && command !== 'search') throw new UsageError('--format jsonl is for search');
  if (format === 'csv' && !['search', 'trend', 'person'].includes(command)) throw new UsageError('--format csv is for search, trend and person');
  if (values.png !== undefined && (command !== 'trend' || format !== 'text')) throw new UsageError('--png is for trend, instead of --json or --format');
  const searchOptions = searchOptionsOf({ also: values.also, without: values.without, from: values.from ?? null, to: values.to ?? null, sort: values.sort ?? null });
  if ('unknownSort' in searchOptions) throw new UsageError(`--sort must be mentions, newest, oldest or relevance, not "${searchOptions.unknownSort}"`);
  const page = Number(values.page);
  if (!Number.isInteger(page) || page < 1) throw new UsageError(`--page must be a whole number from 1, not "${values.page}"`);

  setQuiet(true);
  const config = readConfig();
  // As the bot does: blanked out of logs and articles, and the start-up cache is shared with the bot's.
  registerSecret(config.discordToken ?? undefined);
  const dataDirectory = values.data ? resolve(values.data) : config.dataDir;
  const library = await openLibrary(dataDirectory, config.cacheDir, new ArticleAnalyses({ budgetMs: config.analysisBudgetMs }), { buildWorkers: config.buildWorkers, textsWhenRead: true });
  // The lookups worker may have started (for "did you mean" or an unknown article's neighbours): it ends
  // itself before the process does, never cut off inside the segmenter.
  try {
    const text = rest.join(' ');
    const people = new LivePeople({ library }, { dataDirectory, cacheDirectory: config.cacheDir, budgetMs: config.analysisBudgetMs });
    if (command === 'person') {
      await people.refresh();
      // A build that failed was logged, and leaves no index to answer from.
      const index = people.status();
      if (index.kind !== 'ready') throw new Error('the people index could not be built');
      if (format === 'csv') {
        const [shown] = peopleNamed(index, text);
        process.stdout.write(personCsv(library, shown!));
        return 0;
      }
      if (format === 'json') {
        process.stdout.write(`${JSON.stringify({ query: text, people: peopleNamed(index, text).map(personJson) })}\n`);
        return 0;
      }
    }

    if (command === 'trend') return answerTrend(library, { phrases: rest, by: values.by ?? null, from: values.from ?? null, to: values.to ?? null, measure: values.measure ?? null }, format, values.png, locale);

    if (format === 'csv' || format === 'jsonl') {
      if (format === 'jsonl') {
        for (const result of searchJson(library, text, searchOptions).results) process.stdout.write(`${JSON.stringify(result)}\n`);
      } else {
        const outcome = searchHits(library, text, searchOptions);
        process.stdout.write(searchCsv(library, outcome.kind === 'found' ? outcome.hits : []));
      }
      return 0;
    }

    if (format === 'json') {
      const answer = await (async () => {
        switch (command) {
          case 'search':
            return searchJson(library, text, searchOptions);
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

    const trendOptions = { by: values.by ?? null, measure: values.measure ?? null };
    const reply = await answerTerminalRequest(library, people, { command, text, page: page - 1, all: values.all, sources: values.sources, searchOptions, trendOptions }, locale);
    // A refusal (no such article, nothing to search for, an unknown command) is an error, as with --json.
    const stream = reply.error ? process.stderr : process.stdout;
    stream.write(`${renderForTerminal(reply, stream.isTTY === true)}\n`);
    return reply.error ? 2 : 0;
  } finally {
    await library.lookups.stop();
  }
}

/**
 * `trend P1 [P2 …]`: each argument a phrase (or several, separated by commas). The counts as JSON or
 * as the Export's CSV; or the text answer, with --png FILE the chart written there too.
 */
async function answerTrend(library: Library, request: TrendRequest, format: string, pngFile: string | undefined, locale: ReplyLocale): Promise<number> {
  if (format === 'json' || format === 'csv') {
    const trend = trendCounts(library, request);
    process.stdout.write(format === 'json' ? `${JSON.stringify(trendJson(trend))}\n` : trendCsv(trend));
    return 0;
  }
  const answer = trendAnswer(library, request, locale);
  const stream = answer.reply.error ? process.stderr : process.stdout;
  if (!answer.reply.error && pngFile !== undefined) {
    if (!answer.chart) throw new UsageError(labelsFor('en').trendNoPeriods);
    await writeFile(pngFile, await lineChartPng(answer.chart));
  }
  stream.write(`${renderForTerminal(answer.reply, stream.isTTY === true)}\n`);
  return answer.reply.error ? 2 : 0;
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
