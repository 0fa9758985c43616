import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { LiveLibrary, WATCH_TIMING } from '../src/library/live-library';
import { openLibrary } from '../src/library/open';
import { setQuiet } from '../src/log';
import { searchReply } from '../src/replies/search';
import { BENCH_PHRASES } from './phrases';
import { percentile } from './search-options';

/**
 * `npm run bench:reload -- --data FOLDER [--cache FOLDER] [--workers N]`: a live reload while searches
 * keep coming, as a bot under load sees it. Opens the folder's library, answers /search (a whole first
 * page, phrases in turn) every few milliseconds, reloads the corpus in the background, and reports the
 * longest event-loop delay and the answers' latency during the reload, as JSON.
 */

const { values } = parseArgs({ options: { data: { type: 'string' }, cache: { type: 'string' }, workers: { type: 'string' }, every: { type: 'string', default: '5' } } });
if (!values.data) throw new Error('--data FOLDER is required');
setQuiet(true);
const workers = values.workers ? Number(values.workers) : undefined;
const live = new LiveLibrary(await openLibrary(values.data, values.cache ?? null, undefined, { buildWorkers: workers }), values.data, WATCH_TIMING, workers);
const everyMs = Number(values.every);

async function answerWhile(running: () => boolean): Promise<number[]> {
  const latencies: number[] = [];
  for (let turn = 0; running(); turn++) {
    const started = performance.now();
    await searchReply(live.library, BENCH_PHRASES[turn % BENCH_PHRASES.length]!, 0, 'en');
    latencies.push(performance.now() - started);
    await new Promise(resolve => setTimeout(resolve, everyMs));
  }
  return latencies;
}

// Every phrase once, untimed: the first answers load the segmenter and start the lookups worker.
for (const phrase of BENCH_PHRASES) await searchReply(live.library, phrase, 0, 'en');
// A running bot has its lookups built (or read back) long before a reload: wait for them here too.
await live.library.didYouMean(BENCH_PHRASES.at(-1)!, 1, 30 * 60_000);
// Before: the same load without a reload, the baseline of the same run.
let quietUntil = performance.now() + 5000;
const quietDelay = monitorEventLoopDelay({ resolution: 1 });
quietDelay.enable();
const quiet = await answerWhile(() => performance.now() < quietUntil);
quietDelay.disable();

const delay = monitorEventLoopDelay({ resolution: 1 });
delay.enable();
const rssBefore = process.memoryUsage().rss;
let reloading = true;
let rssPeak = rssBefore;
const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 100);
const started = performance.now();
const reload = live.reload().finally(() => (reloading = false));
const during = await answerWhile(() => reloading);
await reload;
const reloadMs = performance.now() - started;
delay.disable();
clearInterval(sampler);
quietUntil = 0;

const ms = (nanoseconds: number) => Math.round(nanoseconds / 1e4) / 100;
const summary = (samples: number[]) => ({ answers: samples.length, p50Ms: percentile(samples, 50), p99Ms: percentile(samples, 99), maxMs: Math.max(...samples) });
process.stdout.write(
  `${JSON.stringify(
    {
      articles: live.library.articles.length,
      reloadMs: Math.round(reloadMs),
      withoutReload: { ...summary(quiet), loopDelayMaxMs: ms(quietDelay.max), loopDelayP99Ms: ms(quietDelay.percentile(99)) },
      duringReload: { ...summary(during), loopDelayMaxMs: ms(delay.max), loopDelayP99Ms: ms(delay.percentile(99)) },
      rssBeforeMb: Math.round(rssBefore / 2 ** 20),
      rssPeakMb: Math.round(rssPeak / 2 ** 20),
    },
    null,
    2,
  )}\n`,
);
await live.library.lookups.stop();
