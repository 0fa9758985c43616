import { execFile } from 'node:child_process';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import { parseArgs } from 'node:util';
import { createGunzip, createGzip } from 'node:zlib';
import { openLibrary } from '../src/library/open';
import { defaultBuildWorkers } from '../src/library/index-build';
import { setQuiet } from '../src/log';
import { fold } from '../src/text/fold';
import { searchReply } from '../src/replies/search';
import { BENCH_CORPUS, BENCH_PHRASES } from './phrases';
import { benchLookups, type LookupsFigures } from './lookups';
import { benchOptions, percentile, STRESS_PHRASES, timings, type OptionFigures, type Timings } from './search-options';
import { benchTrend } from './trend';
import { benchPerson, personRows } from './person';

/**
 * `npm run bench [-- --times N] [-- --limit N] [-- --json]`: start-up, memory and phrase-search latency on a real news
 * corpus, against a brute-force scan measured in the same run. Fails when the index and the scan give
 * different articles or counts for any phrase.
 */

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    data: { type: 'string', default: BENCH_CORPUS },
    times: { type: 'string', default: '1' },
    limit: { type: 'string' },
    repeats: { type: 'string', default: '100' },
    'option-repeats': { type: 'string', default: '20' },
    json: { type: 'boolean', default: false },
  },
});
const times = Number(values.times);
const repeats = Number(values.repeats);
const optionRepeats = Number(values['option-repeats']);

setQuiet(true);
const work = await mkdtemp(join(tmpdir(), 'bench-'));
try {
  const corpus = join(work, 'corpus');
  const articlesWritten = await replicate(values.data!, corpus, times, values.limit ? Number(values.limit) : Infinity);
  const cache = join(work, 'cache');

  const build = await startOnce(corpus, cache);
  const cacheBytes = await startUpCacheBytes(cache);
  const cached = await startOnce(corpus, cache);

  const library = await openLibrary(corpus, cache);
  const folded = library.articles.map(article => fold(article.text));
  const index: number[] = [];
  const baseline: number[] = [];
  const nextPage: number[] = [];
  const mismatches: string[] = [];
  for (const phrase of BENCH_PHRASES) {
    const needle = fold(phrase);
    const expected = scan(folded, needle);
    const matches = library.findPhrase(needle);
    const found = Array.from(matches.documents, (document, at) => `${library.articles[document]!.id}:${matches.counts[at]}`).sort();
    const want = expected.map(([document, count]) => `${library.articles[document]!.id}:${count}`).sort();
    if (found.join() !== want.join()) mismatches.push(`${phrase}: index ${found.length} articles, scan ${want.length}`);
    // One untimed run of each first: the figures are for a warmed-up process, as a running bot is.
    library.findPhrase(needle);
    // Each kind in a loop of its own, so that the garbage one leaves is not collected in another's time.
    const time = (samples: number[], action: () => unknown) => {
      for (let round = 0; round < repeats; round++) {
        const started = performance.now();
        action();
        samples.push(performance.now() - started);
      }
    };
    time(index, () => library.findPhrase(needle));
    time(baseline, () => scan(folded, needle));
    // A Next press on a result (an absent phrase has no pages): the search was ranked for its first page moments before.
    if (library.search(phrase).kind !== 'found') continue;
    await searchReply(library, phrase, 0, 'en');
    time(nextPage, () => searchReply(library, phrase, 1, 'en'));
  }
  // Twice: the first start builds the worker's indexes and writes them beside the start-up cache, the
  // second reads them back. Before the searches, so that no build runs beside them; it is stopped
  // after, so an absent phrase's answer is timed without "did you mean".
  const lookupsBuilt = await benchLookups(library, 3);
  const lookupsCached = await benchLookups(await openLibrary(corpus, cache), 3);
  const options = await benchOptions(library, BENCH_PHRASES, optionRepeats);
  mismatches.push(...options.mismatches);

  const trend = await benchTrend(library, folded, repeats);
  mismatches.push(...trend.mismatches);

  const report = {
    articles: library.articles.length,
    written: articlesWritten,
    characters: library.articles.reduce((sum, article) => sum + article.text.length, 0),
    buildWorkers: defaultBuildWorkers(),
    buildMs: Math.round(build.wallMs),
    buildOpenMs: Math.round(build.openMs),
    cacheMb: Math.round(cacheBytes / 2 ** 20),
    startWithCacheMs: Math.round(cached.wallMs),
    startWithCacheOpenMs: Math.round(cached.openMs),
    startWithCacheTextsMs: Math.round(cached.textsMs),
    rssAfterStartMb: Math.round(cached.rssMb),
    rssAfterBuildMb: Math.round(build.rssMb),
    index: timings(index),
    baseline: timings(baseline),
    p99Ratio: Math.round((percentile(baseline, 99) / percentile(index, 99)) * 10) / 10,
    options: options.figures,
    nextPage: timings(nextPage),
    longestSearchMs: options.longestMs,
    lookupsBuilt,
    lookupsCached,
    trend: trend.figures,
    phrases: BENCH_PHRASES.length,
    repeats,
    complete: mismatches.length === 0,
    person: await benchPerson(corpus, cache, library, repeats),
  };
  if (values.json) process.stdout.write(`${JSON.stringify(report)}\n`);
  else printTable(report, trend.rows);
  for (const mismatch of mismatches) process.stderr.write(`MISMATCH ${mismatch}\n`);
  process.exitCode = mismatches.length === 0 ? 0 : 1;
} finally {
  await rm(work, { recursive: true, force: true });
}

/** Copies the corpus (its first `limit` items) `copies` times into one JSONL file, ids suffixed from the second copy on. */
async function replicate(source: string, directory: string, copies: number, limit: number): Promise<number> {
  const { mkdir } = await import('node:fs/promises');
  await mkdir(directory, { recursive: true });
  const lines: string[] = [];
  for await (const line of createInterface({ input: createReadStream(source).pipe(createGunzip()), crlfDelay: Infinity })) {
    if (line.trim()) lines.push(line);
    if (lines.length >= limit) break;
  }
  let written = 0;
  const gzip = createGzip({ level: 1 });
  const done = pipeline(gzip, createWriteStream(join(directory, 'corpus.jsonl.gz')));
  for (let copy = 0; copy < copies; copy++) {
    for (const line of lines) {
      const record = JSON.parse(line) as { id: string };
      if (copy > 0) record.id = `${record.id}~${copy}`;
      if (!gzip.write(`${JSON.stringify(record)}\n`)) await new Promise(resolveDrain => gzip.once('drain', resolveDrain));
      written++;
    }
  }
  gzip.end();
  await done;
  return written;
}

/** The start-up cache's size (without what lookups and people keep beside it). */
async function startUpCacheBytes(cache: string): Promise<number> {
  const { readdir, stat } = await import('node:fs/promises');
  const files = (await readdir(cache)).filter(name => name.endsWith('.cache'));
  return (await Promise.all(files.map(async name => (await stat(join(cache, name))).size))).reduce((sum, size) => sum + size, 0);
}

/** Starts a fresh process that opens the library, as the bot does at start. */
async function startOnce(corpus: string, cache: string): Promise<{ wallMs: number; openMs: number; textsMs: number; rssMb: number }> {
  const started = performance.now();
  const { stdout } = await run(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'start.ts'), corpus, cache], { cwd: ROOT, maxBuffer: 1 << 20 });
  const wallMs = performance.now() - started;
  const reported = JSON.parse(stdout.trim().split('\n').at(-1)!) as { openMs: number; textsMs: number; rssMb: number };
  return { wallMs, ...reported };
}

/** The baseline: String.prototype.includes over every folded text, counting where it matches. */
function scan(texts: readonly string[], needle: string): [number, number][] {
  const found: [number, number][] = [];
  texts.forEach((text, document) => {
    if (!text.includes(needle)) return;
    let count = 0;
    for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) count++;
    found.push([document, count]);
  });
  return found.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
}


function printTable(report: Record<string, unknown> & Record<'index' | 'baseline' | 'nextPage', Timings> & Record<'lookupsBuilt' | 'lookupsCached', LookupsFigures> & { options: OptionFigures[] }, trendRows: [string, string][]): void {
  const rows: [string, string][] = [
    ['articles', String(report.articles)],
    ['characters', String(report.characters)],
    ['first build (process start to ready)', `${report.buildMs} ms (open ${report.buildOpenMs} ms), ${report.buildWorkers} build workers`],
    ['start-up cache', `${report.cacheMb} MB`],
    ['start with the cache (process start to ready)', `${report.startWithCacheMs} ms (open ${report.startWithCacheOpenMs} ms, every text in ${report.startWithCacheTextsMs} ms)`],
    ['resident memory after start (cache / build)', `${report.rssAfterStartMb} MB / ${report.rssAfterBuildMb} MB`],
    ['phrase search p50 / p99, index', `${report.index.p50Ms} / ${report.index.p99Ms} ms`],
    ['phrase search p50 / p99, brute-force scan', `${report.baseline.p50Ms} / ${report.baseline.p99Ms} ms`],
    ['p99 ratio, scan / index', `${report.p99Ratio}×`],
    ...report.options.map(({ name, search, scan: scanned, p99Ratio }): [string, string] => [
      `whole /search, ${name}: p50 / p99 (scan p50 / p99)`,
      `${search.p50Ms} / ${search.p99Ms} ms (${scanned.p50Ms} / ${scanned.p99Ms} ms): ${p99Ratio}× at p99`,
    ]),
    ['next page of a search p50 / p99', `${report.nextPage.p50Ms} / ${report.nextPage.p99Ms} ms`],
    [`longest the event loop was held by a /search (with ${STRESS_PHRASES.join(' ')})`, `${report.longestSearchMs} ms`],
    ...(['lookupsBuilt', 'lookupsCached'] as const).flatMap((key): [string, string][] => {
      const figures = report[key];
      const how = key === 'lookupsBuilt' ? 'built' : 'read from the cache';
      return [
        [`autocomplete and vocabulary ${how}: ready after`, `${figures.articlesReadyMs} ms / ${figures.vocabularyReadyMs} ms (+${figures.rssGrowthMb} MB resident)`],
        [`autocomplete p50 / p99 (${how})`, `${figures.autocomplete.p50Ms} / ${figures.autocomplete.p99Ms} ms`],
        [`did you mean p50 / p99 (${how})`, `${figures.didYouMean.p50Ms} / ${figures.didYouMean.p99Ms} ms`],
      ];
    }),
    ...trendRows,
    ...personRows(report.person as Parameters<typeof personRows>[0]),
    ['same articles and counts for every phrase, option and month', report.complete ? 'yes' : 'NO'],
  ];
  const width = Math.max(...rows.map(([name]) => name.length));
  for (const [name, value] of rows) process.stdout.write(`${name.padEnd(width)}  ${value}\n`);
}
