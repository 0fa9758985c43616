import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
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
 * longest event-loop delay, the collector's longest pause on the main thread and the answers' latency,
 * without and during the reload, as JSON.
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

// Every phrase a few times, untimed: the first answers load the segmenter and start the lookups
// worker, and a running bot's compiler has optimised its answers long before.
for (let round = 0; round < 3; round++) for (const phrase of BENCH_PHRASES) await searchReply(live.library, phrase, 0, 'en');
// The collector's pauses on this thread, to tell its share of the delays from the reload's own.
let collectorPauses: number[] = [];
new PerformanceObserver(list => collectorPauses.push(...list.getEntries().map(entry => entry.duration))).observe({ entryTypes: ['gc'] });
const longestPause = () => {
  const longest = Math.round(Math.max(0, ...collectorPauses) * 100) / 100;
  collectorPauses = [];
  return longest;
};
// A running bot has its lookups built (or read back) long before a reload: wait for them here too.
await live.library.didYouMean(BENCH_PHRASES.at(-1)!, 1, 30 * 60_000);
// Before: the same load without a reload, the baseline of the same run.
let quietUntil = performance.now() + 5000;
const quietDelay = monitorEventLoopDelay({ resolution: 1 });
quietDelay.enable();
collectorPauses = [];
const quiet = await answerWhile(() => performance.now() < quietUntil);
quietDelay.disable();
const quietLongestPause = longestPause();

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
const reloadLongestPause = longestPause();
clearInterval(sampler);
quietUntil = 0;

const ms = (nanoseconds: number) => Math.round(nanoseconds / 1e4) / 100;
const summary = (samples: number[]) => ({ answers: samples.length, p50Ms: percentile(samples, 50), p99Ms: percentile(samples, 99), maxMs: Math.max(...samples) });
process.stdout.write(
  `${JSON.stringify(
    {
      articles: live.library.articles.length,
      reloadMs: Math.round(reloadMs),
      withoutReload: { ...summary(quiet), loopDelayMaxMs: ms(quietDelay.max), loopDelayP99Ms: ms(quietDelay.percentile(99)), longestCollectorPauseMs: quietLongestPause },
      duringReload: { ...summary(during), loopDelayMaxMs: ms(delay.max), loopDelayP99Ms: ms(delay.percentile(99)), longestCollectorPauseMs: reloadLongestPause },
      rssBeforeMb: Math.round(rssBefore / 2 ** 20),
      rssPeakMb: Math.round(rssPeak / 2 ** 20),
    },
    null,
    2,
  )}\n`,
);
await live.library.lookups.stop();
