import { openLibrary } from '../src/library/open';
import { setQuiet } from '../src/log';

/** One start of the library, as the bot makes it, reported as JSON for the benchmark. */
setQuiet(true);
const [directory, cacheDirectory] = process.argv.slice(2);
const started = performance.now();
const library = await openLibrary(directory!, cacheDirectory ?? null);
const openMs = performance.now() - started;
process.stdout.write(`${JSON.stringify({ articles: library.articles.length, openMs, rssMb: process.memoryUsage().rss / 2 ** 20 })}\n`);
