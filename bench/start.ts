import { openLibrary } from '../src/library/open';
import { setQuiet } from '../src/log';

/**
 * One start of the library, as the bot makes it, reported as JSON for the benchmark: how long until it
 * answers, and the resident memory once every text is in (a start from the cache inflates the texts
 * after it is ready; reading each one here waits for the rest).
 */
setQuiet(true);
const [directory, cacheDirectory] = process.argv.slice(2);
const started = performance.now();
const library = await openLibrary(directory!, cacheDirectory ?? null);
const openMs = performance.now() - started;
let characters = 0;
for (const article of library.articles) characters += article.text.length;
const textsMs = performance.now() - started;
process.stdout.write(`${JSON.stringify({ articles: library.articles.length, characters, openMs, textsMs, rssMb: process.memoryUsage().rss / 2 ** 20 })}\n`);
