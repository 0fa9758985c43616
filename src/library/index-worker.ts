import { parentPort, workerData } from 'node:worker_threads';
import { buildIndexLists } from '../search/index-build';
import { packRun } from '../search/index-merge';
import { fold } from '../text/fold';
import { runInBackground } from '../threads';
import { indexBuffers } from './index-build';

/** Folds, indexes and packs one run of the corpus's texts; the arrays go back moved, not copied. */
runInBackground();
const { texts } = workerData as { texts: string[] };
const index = packRun(buildIndexLists(texts.map(fold)));
parentPort!.postMessage(index, indexBuffers(index));
