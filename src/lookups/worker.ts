import { readFile } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { replaceFile } from '../storage/replace-file';
import { ArticleFinder, type FinderEntry, type FinderJson } from './article-finder';
import type { FromWorker, LookupsCache, ToWorker } from './protocol';
import { warmUpSegmenter } from '../text/segment';
import { fold } from '../text/fold';
import { Vocabulary, VocabularyCounter, type VocabularyJson } from './vocabulary';

/**
 * Builds and answers from the article finder and the vocabulary, off the main thread: building them
 * takes seconds (the vocabulary segments every text), and so does reading them back. The finder is
 * ready as soon as the articles' fields have arrived; the vocabulary after the last text.
 */
const port = parentPort!;
const { cache, articleCount, stopFlag } = workerData as { cache: LookupsCache | null; articleCount: number; stopFlag: SharedArrayBuffer };
const stopRequested = new Int32Array(stopFlag);

/**
 * Ends this thread when asked to, at a point between two pieces of work. Being terminated from
 * outside while inside the segmenter's native code aborts the whole process, so the thread that asks
 * sets a shared flag, and the loops here look at it.
 */
function stopIfAsked(): void {
  if (Atomics.load(stopRequested, 0) === 1) process.exit(0);
}
const send = (message: FromWorker) => port.postMessage(message);
/** Progress is logged about every this many texts on a build big enough to wait for. */
const PROGRESS_EVERY = 20_000;

let finder: ArticleFinder | null = null;
let vocabulary: Vocabulary | null = null;
const entries: FinderEntry[] = [];
const counter = new VocabularyCounter();
let textsSeen = 0;
const started = performance.now();

port.on('message', (message: ToWorker) => {
  stopIfAsked();
  switch (message.type) {
    case 'stop':
      process.exit(0);
      return;
    case 'entries':
      entries.push(...message.entries);
      if (message.last) {
        finder = ArticleFinder.build(entries, stopIfAsked);
        entries.length = 0;
        send({ type: 'ready', part: 'articles' });
      }
      return;
    case 'texts':
      for (const text of message.texts) {
        stopIfAsked();
        counter.add(fold(text));
        if (++textsSeen % PROGRESS_EVERY === 0) send({ type: 'log', level: 'info', message: `vocabulary: ${textsSeen} of ${articleCount} articles read (${Math.round((100 * textsSeen) / articleCount)}%)` });
      }
      if (message.last) void finishVocabulary();
      else send({ type: 'more' });
      return;
    case 'find':
      send({ type: 'answer', request: message.request, positions: finder?.find(message.typed, message.limit) ?? [] });
      return;
    case 'correct':
      send({ type: 'answer', request: message.request, phrases: vocabulary?.corrections(message.phrase, message.limit) ?? [] });
      return;
  }
});

async function finishVocabulary(): Promise<void> {
  vocabulary = await counter.finish();
  send({ type: 'ready', part: 'vocabulary' });
  send({ type: 'log', level: 'info', message: `article autocomplete and vocabulary (${vocabulary.size} words and word pairs) built in ${Math.round(performance.now() - started)} ms` });
  await save();
}

interface Saved {
  readonly key: string;
  readonly finder: FinderJson;
  readonly vocabulary: VocabularyJson;
}

/** Reads both indexes from the cache when it was written for this corpus. */
async function restore(): Promise<boolean> {
  if (!cache) return false;
  let saved: Saved;
  try {
    saved = JSON.parse(await readFile(cache.file, 'utf8')) as Saved;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') send({ type: 'log', level: 'warn', message: `lookups cache ${cache.file} cannot be read (${String(error)}); rebuilding it` });
    return false;
  }
  if (saved.key !== cache.key) return false;
  // Autocomplete is answered as soon as its part is back; the larger vocabulary follows.
  finder = ArticleFinder.fromJSON(saved.finder);
  send({ type: 'ready', part: 'articles' });
  vocabulary = await Vocabulary.fromJSON(saved.vocabulary);
  send({ type: 'ready', part: 'vocabulary' });
  send({ type: 'log', level: 'info', message: `article autocomplete and vocabulary (${vocabulary.size} words and word pairs) read from the lookups cache in ${Math.round(performance.now() - started)} ms` });
  return true;
}

async function save(): Promise<void> {
  if (!cache || !finder || !vocabulary) {
    send({ type: 'saved' });
    return;
  }
  const saved: Saved = { key: cache.key, finder: finder.toJSON(), vocabulary: vocabulary.toJSON() };
  try {
    await replaceFile(cache.file, handle => handle.writeFile(JSON.stringify(saved)));
  } catch (error) {
    send({ type: 'log', level: 'warn', message: `could not write the lookups cache ${cache.file}: ${String(error)}` });
  }
  send({ type: 'saved' });
}

// The segmenter's dictionaries load on first use (about a second): before the first question, not in it.
warmUpSegmenter();
const hit = await restore();
send({ type: 'cache', hit });
if (hit) send({ type: 'saved' });
