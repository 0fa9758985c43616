import { parentPort, workerData } from 'node:worker_threads';
import { loadCorpus } from '../corpus/load';
import { Library } from './library';
import { registerSecret } from '../log';

/**
 * Builds a library off the main thread, so that a reload while the bot is connected never stalls the
 * gateway or other users' answers. The index's typed arrays are transferred, not copied.
 */
const { directory, secrets } = workerData as { directory: string; secrets: string[] };
// The loader blanks these out of articles, as the main thread's loader does.
for (const secret of secrets) registerSecret(secret);
const { articles, warnings } = await loadCorpus(directory);
const prepared = articles.length ? new Library(articles).prepared() : null;
const transfer = prepared ? [prepared.index.pairKeys, prepared.index.pairIds, prepared.index.offsets, prepared.index.postings, prepared.index.positionOffsets, prepared.index.positionStarts, prepared.index.positions, prepared.index.characterCounts].map(array => array.buffer as ArrayBuffer) : [];
parentPort!.postMessage({ articles, warnings, prepared }, transfer);
