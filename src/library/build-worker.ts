import { parentPort, workerData } from 'node:worker_threads';
import type { CorpusWarning } from '../corpus/article';
import { loadCorpus } from '../corpus/load';
import { registerSecret } from '../log';
import { runInBackground } from '../threads';
import type { PhraseIndexArrays } from '../search/index-build';
import { batchBuffers, packBatch, type ArticleBatch } from './article-batch';
import { buildIndex, indexBuffers } from './index-build';

/**
 * Builds a library off the main thread, so that a reload while the bot is connected never stalls the
 * gateway or other users' answers. The index's arrays are moved, not copied; the articles follow in
 * batches, each sent when the main thread asks for it, so that taking one in is a short piece of work.
 */

export type FromBuildWorker =
  | { readonly type: 'index'; readonly index: PhraseIndexArrays | null; readonly warnings: CorpusWarning[]; readonly count: number }
  | { readonly type: 'articles'; readonly batch: ArticleBatch };

export type ToBuildWorker = { readonly type: 'more' };

const ARTICLES_PER_BATCH = 1000;

runInBackground();
const port = parentPort!;
const { directory, secrets, workers } = workerData as { directory: string; secrets: string[]; workers: number };
// The loader blanks these out of articles, as the main thread's loader does.
for (const secret of secrets) registerSecret(secret);
const { articles, warnings } = await loadCorpus(directory);
const index = articles.length ? await buildIndex(articles, workers) : null;
const send = (message: FromBuildWorker, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);
send({ type: 'index', index, warnings, count: articles.length }, index ? indexBuffers(index) : []);
let sent = 0;
port.on('message', (_: ToBuildWorker) => {
  const batch = packBatch(articles.slice(sent, sent + ARTICLES_PER_BATCH));
  send({ type: 'articles', batch }, batchBuffers(batch));
  sent += ARTICLES_PER_BATCH;
  if (sent >= articles.length) port.close();
});
