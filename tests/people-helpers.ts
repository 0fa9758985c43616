import { fileURLToPath } from 'node:url';
import { analyseArticle } from '../src/analysis/analyse';
import type { Article } from '../src/corpus/article';
import type { Library } from '../src/library/library';
import { LivePeople, type PeopleAnalysis, type PeopleIndexOptions } from '../src/library/live-people';

/** Reports in which the same names stand for different people, and people whose titles change over time. */
export const PEOPLE_CORPUS = fileURLToPath(new URL('fixtures/people', import.meta.url));

/** Articles analysed on the test's own thread, counted: what the worker threads would answer. */
export function inlineAnalysis(counts: { analysed: number } = { analysed: 0 }): () => PeopleAnalysis {
  return () => ({
    analyse: async (article: Article) => {
      counts.analysed++;
      return analyseArticle(article, undefined, 'meetings');
    },
    close: async () => {},
  });
}

/** The people index of a library, built without worker threads and without a cache. */
export async function peopleOf(library: Library, options: Partial<PeopleIndexOptions> = {}): Promise<LivePeople> {
  const people = new LivePeople({ library }, { dataDirectory: PEOPLE_CORPUS, cacheDirectory: null, analysis: inlineAnalysis(), ...options });
  await people.refresh();
  return people;
}
