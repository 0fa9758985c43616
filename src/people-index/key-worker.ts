import { parentPort, workerData } from 'node:worker_threads';
import { corpusKey } from '../storage/corpus-key';
import { registerSecret } from '../log';

/**
 * Computes the start-up cache's corpus key off the main thread: it hashes every byte of the corpus,
 * which at 200,000 articles would hold the event loop for a good part of a second.
 */
const { directory, secrets } = workerData as { directory: string; secrets: string[] };
// The key holds the registered secrets, as the main thread's does.
for (const secret of secrets) registerSecret(secret);
parentPort!.postMessage(await corpusKey(directory));
