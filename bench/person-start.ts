import { monitorEventLoopDelay } from 'node:perf_hooks';
import { openLibrary } from '../src/library/open';
import { setQuiet } from '../src/log';
import { LivePeople } from '../src/library/live-people';

/**
 * One start of the library and then of the people index, as the bot makes them (the index in the
 * background once /search answers), reported as JSON for the benchmark: when each was ready, the
 * resident memory at each point, and how long the event loop was held while the people were indexed.
 */
setQuiet(true);
const [directory, cacheDirectory] = process.argv.slice(2);
const library = await openLibrary(directory!, cacheDirectory!);
// From the process's start, as the benchmark's own start figures are.
const readyMs = performance.now();
const rssReadyMb = process.memoryUsage().rss / 2 ** 20;
const people = new LivePeople({ library }, { dataDirectory: directory!, cacheDirectory: cacheDirectory! });
const delay = monitorEventLoopDelay({ resolution: 10 });
delay.enable();
const indexStarted = performance.now();
await people.refresh();
const { directory: found } = await people.ready();
delay.disable();
process.stdout.write(
  `${JSON.stringify({
    readyMs,
    peopleMs: performance.now() - indexStarted,
    rssReadyMb,
    rssPeopleMb: process.memoryUsage().rss / 2 ** 20,
    loopMaxMs: delay.max / 1e6,
    loopP99Ms: delay.percentile(99) / 1e6,
    people: found.entries.length,
  })}\n`,
);
