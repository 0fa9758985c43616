import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Article } from '../corpus/article';
import { log } from '../log';
import { buildPhraseIndex, type PhraseIndexArrays } from '../search/index-build';
import { mergePhraseIndexes, type PackedRun } from '../search/index-merge';
import { fold } from '../text/fold';

/** Below this many characters one thread builds the index sooner than workers can start. */
const WORKERS_FROM_CHARACTERS = 2_000_000;
const INDEX_WORKER = new URL('./index-worker-entry.mjs', import.meta.url);

/** One build worker per core, as BUILD_WORKERS defaults to. */
export function defaultBuildWorkers(): number {
  return availableParallelism();
}

/**
 * The phrase index over the articles, built across `workers` threads: the corpus is cut into runs of
 * about equal text, each folded and indexed by a worker of its own, and the runs' indexes merged into
 * one. A small corpus is indexed here, at once.
 */
export async function buildIndex(articles: readonly Article[], workers: number): Promise<PhraseIndexArrays> {
  const characters = articles.reduce((sum, article) => sum + article.text.length, 0);
  if (workers <= 1 || characters < WORKERS_FROM_CHARACTERS) return buildPhraseIndex(articles.map(article => fold(article.text)));
  const started = performance.now();
  const runs = cutIntoRuns(articles, workers, characters);
  let done = 0;
  const parts = await Promise.all(
    runs.map(async run => {
      const part = await indexInWorker(run.map(article => article.text));
      done += run.length;
      log.info(`index: ${done} of ${articles.length} articles (${Math.round((100 * done) / articles.length)}%), ${Math.round(done / ((performance.now() - started) / 1000))} a second, in ${runs.length} workers`);
      return part;
    }),
  );
  const merged = mergePhraseIndexes(parts);
  log.info(`index of ${articles.length} articles built by ${runs.length} workers in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return merged;
}

/** Consecutive runs of about equal text, one a worker. */
function cutIntoRuns(articles: readonly Article[], workers: number, characters: number): Article[][] {
  const runs: Article[][] = [[]];
  let inRun = 0;
  for (const article of articles) {
    if (inRun >= characters / workers && runs.length < workers) {
      runs.push([]);
      inRun = 0;
    }
    runs.at(-1)!.push(article);
    inRun += article.text.length;
  }
  return runs;
}

function indexInWorker(texts: readonly string[]): Promise<PackedRun> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(INDEX_WORKER, { workerData: { texts } });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', code => reject(new Error(`an index worker stopped with code ${code}`)));
  });
}

/** The buffers under an index's arrays, to move them to another thread rather than copy them. */
export function indexBuffers(index: PhraseIndexArrays | PackedRun): ArrayBuffer[] {
  const { pairKeys, pairIds, offsets, postings, postingBytes, characterCounts, positions, positionSkips, lengths } = index;
  const lastDocuments = 'lastDocuments' in index ? [index.lastDocuments] : [];
  return [pairKeys, pairIds, offsets, postings, postingBytes, characterCounts, positions, positionSkips, lengths, ...lastDocuments].map(array => array.buffer as ArrayBuffer);
}
