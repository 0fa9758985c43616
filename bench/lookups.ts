import type { Library } from '../src/library/library';
import { timings, type Timings } from './search-options';

/**
 * Autocomplete and "did you mean" as the bot runs them: through their worker thread, from the moment it
 * starts (building its indexes, or reading them back from the cache) to answers, timed one by one.
 */
export interface LookupsFigures {
  /** From start to the article finder answering, and to the vocabulary answering. */
  readonly articlesReadyMs: number;
  readonly vocabularyReadyMs: number;
  /** Resident memory the worker's indexes add to the process. */
  readonly rssGrowthMb: number;
  readonly autocomplete: Timings;
  readonly didYouMean: Timings;
}

/** What users type into the article option: words, their starts, a mistyped word, ids, dates. */
function typedValues(library: Library): string[] {
  const titles = library.articles.filter((_, position) => position % Math.max(1, Math.floor(library.articles.length / 40)) === 0).map(article => article.title);
  const starts = titles.flatMap(title => [title.slice(0, 1), title.slice(0, 2), title.slice(0, 4), title.slice(2, 7)]);
  const ids = library.articles.slice(0, 10).map(article => article.id.slice(0, 6));
  return [...starts, ...ids, '2023', '2023-09', '9月5日', '習近平', '国务院常务会议', '鄉村振新', ''];
}

const MISTYPED = ['新質生產立', '高質量發現', '鄉村振新', '碳達風', '一带一路倡議十周念', '人工智慧', '量子糾纏貓'];

export async function benchLookups(library: Library, repeats: number): Promise<LookupsFigures> {
  const rssBefore = process.memoryUsage().rss;
  const started = performance.now();
  library.lookups.start();
  await library.suggest('', 1, 3_600_000);
  const articlesReadyMs = performance.now() - started;
  await library.didYouMean('新質生產立', 1, 3_600_000);
  const vocabularyReadyMs = performance.now() - started;
  const rssGrowthMb = (process.memoryUsage().rss - rssBefore) / 2 ** 20;

  const autocomplete: number[] = [];
  const didYouMean: number[] = [];
  for (let round = 0; round < repeats; round++) {
    for (const typed of typedValues(library)) {
      const asked = performance.now();
      await library.suggest(typed, 25, 0);
      autocomplete.push(performance.now() - asked);
    }
  }
  // Once each: the worker keeps its recent answers, and a phrase asked again would time the keeping.
  for (const phrase of MISTYPED) {
    const asked = performance.now();
    await library.didYouMean(phrase, 3, 0);
    didYouMean.push(performance.now() - asked);
  }
  await library.lookups.saved;
  await library.lookups.stop();
  return { articlesReadyMs: Math.round(articlesReadyMs), vocabularyReadyMs: Math.round(vocabularyReadyMs), rssGrowthMb: Math.round(rssGrowthMb), autocomplete: timings(autocomplete), didYouMean: timings(didYouMean) };
}
