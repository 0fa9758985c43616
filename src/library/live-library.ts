import { unwatchFile, watch, watchFile, type FSWatcher, type Stats } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { addToColumns, emptyColumns, Library, type PreparedIndex } from './library';
import type { PhraseIndexArrays } from '../search/index-build';
import { unpackBatch } from './article-batch';
import type { FromBuildWorker, ToBuildWorker } from './build-worker';
import { log, registeredSecrets } from '../log';
import type { Article, CorpusWarning } from '../corpus/article';
import { coalesce } from '../corpus/coalesce';
import { EmptyCorpusError, reportWarnings } from './open';
import { defaultBuildWorkers } from './index-build';

export interface WatchTiming {
  /** A reload waits for this long without changes... */
  readonly quietMs: number;
  /** ...but no longer than this after the first change it has not loaded, however often files change. */
  readonly maxWaitMs: number;
  /** How often the folder's path is checked for a folder that was replaced (renamed, or removed and made again). */
  readonly pollMs: number;
}

export const WATCH_TIMING: WatchTiming = { quietMs: 500, maxWaitMs: 3000, pollMs: 1000 };

/**
 * The library the bot answers from, replaced whole when the corpus changes. A rebuild runs in a worker
 * thread while queries keep getting answers from the current library; the new one is swapped in with a
 * single assignment, so every answer comes from one whole index, old or new. A failed rebuild keeps
 * the current library and logs why.
 */
export class LiveLibrary {
  private rebuilding: Promise<void> | null = null;
  private again = false;
  private watcher: FSWatcher | null = null;
  private readonly changes: ReturnType<typeof coalesce>;
  private readonly folderChanged = (current: Stats, previous: Stats) => this.followFolder(current, previous);
  private readonly reloadListeners: (() => void)[] = [];

  constructor(
    private current: Library,
    private readonly directory: string,
    private readonly timing: WatchTiming = WATCH_TIMING,
    private readonly buildWorkers = defaultBuildWorkers(),
  ) {
    this.changes = coalesce(() => void this.reload(), timing.quietMs, timing.maxWaitMs);
  }

  get library(): Library {
    return this.current;
  }

  /** Calls back whenever a reload has swapped a new library in: what is built from the library is built again. */
  onReloaded(listener: () => void): void {
    this.reloadListeners.push(listener);
  }

  /** Rebuilds from the corpus folder; a reload asked for during a rebuild runs once it ends. */
  reload(): Promise<void> {
    if (this.rebuilding) {
      this.again = true;
      return this.rebuilding;
    }
    this.rebuilding = this.rebuild().finally(() => {
      this.rebuilding = null;
      if (this.again) {
        this.again = false;
        void this.reload();
      }
    });
    return this.rebuilding;
  }

  /**
   * Reloads whenever a file in the corpus folder changes: a moment after the last change, and every
   * few seconds at most while changes keep coming. fs.watch follows the folder it was given, not its
   * path, and goes quiet once that folder is renamed or removed; so the path is also polled, and a
   * folder found replaced is watched anew and reloaded.
   */
  watch(): void {
    this.attach();
    watchFile(this.directory, { interval: this.timing.pollMs, persistent: false }, this.folderChanged);
  }

  close(): void {
    unwatchFile(this.directory, this.folderChanged);
    this.detach();
    this.changes.cancel();
  }

  private attach(): void {
    this.detach();
    try {
      this.watcher = watch(this.directory, () => this.changes.poke());
    } catch (error) {
      log.warn(`cannot watch ${this.directory}; watching again when it is replaced`, error);
      return;
    }
    this.watcher.on('error', error => log.warn(`stopped watching ${this.directory}; watching again when it is replaced`, error));
    this.watcher.unref();
  }

  private detach(): void {
    this.watcher?.close();
    this.watcher = null;
  }

  /** Called by the poll of the path whenever its stat changes, files added included; acts only for another folder. */
  private followFolder(current: Stats, previous: Stats): void {
    if (current.ino === previous.ino && current.dev === previous.dev && current.birthtimeMs === previous.birthtimeMs) return;
    if (current.ino === 0) {
      log.warn(`the corpus folder ${this.directory} is gone; still answering from the articles loaded before`);
      this.detach();
      return;
    }
    log.info(`the corpus folder ${this.directory} was replaced; watching the new one`);
    this.attach();
    this.changes.poke();
  }

  private async rebuild(): Promise<void> {
    const started = performance.now();
    try {
      // A core is left to the main thread, which keeps answering while the new library is built.
      const built = await buildInWorker(this.directory, Math.max(1, Math.min(this.buildWorkers, availableParallelism() - 1)));
      reportWarnings(built.warnings);
      if (!built.prepared || built.articles.length === 0) throw new EmptyCorpusError(this.directory);
      // The analyses are handed on: an article the reload left as it was is not analysed again.
      const previous = this.current;
      this.current = new Library(built.articles, built.prepared, previous.analyses);
      // The old library's autocomplete worker answers for articles that may be gone: the new one takes over.
      if (previous.lookups.started) this.current.lookups.start();
      void previous.lookups.stop();
      log.info(`reloaded ${built.articles.length} articles from ${this.directory} in ${Math.round(performance.now() - started)} ms`);
      for (const listener of this.reloadListeners) listener();
    } catch (error) {
      log.error(`reload of ${this.directory} failed; still answering from the ${this.current.articles.length} articles loaded before`, error);
    }
  }
}

interface Built {
  articles: Article[];
  warnings: CorpusWarning[];
  prepared: PreparedIndex | null;
}

/**
 * Builds in a worker and takes the result in without holding the event loop: the index arrives moved,
 * the articles a batch per turn, each looked up (folded title and id, date) as it comes.
 */
function buildInWorker(directory: string, workers: number): Promise<Built> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./build-worker-entry.mjs', import.meta.url), { workerData: { directory, secrets: registeredSecrets(), workers } });
    const articles: Article[] = [];
    const columns = emptyColumns();
    let index: PhraseIndexArrays | null = null;
    let warnings: CorpusWarning[] = [];
    let count = 0;
    const ask = () => setImmediate(() => worker.postMessage({ type: 'more' } satisfies ToBuildWorker));
    const finish = () => resolve({ articles, warnings, prepared: index ? { index, columns } : null });
    worker.on('message', (message: FromBuildWorker) => {
      if (message.type === 'index') {
        ({ index, warnings, count } = message);
        if (count === 0) finish();
        else ask();
        return;
      }
      const batch = unpackBatch(message.batch);
      articles.push(...batch);
      addToColumns(columns, batch);
      if (articles.length < count) ask();
      else finish();
    });
    worker.once('error', reject);
    worker.once('exit', code => {
      if (articles.length < count || index === null) reject(new Error(`the build worker stopped with code ${code}`));
    });
  });
}
