import { watch, type FSWatcher } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { Library, type PreparedIndex } from '../library';
import { log } from '../log';
import type { Article, CorpusWarning } from './article';
import { EmptyCorpusError, reportWarnings } from './open';

const DEBOUNCE_MS = 500;

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
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private current: Library,
    private readonly directory: string,
  ) {}

  get library(): Library {
    return this.current;
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

  /** Reloads whenever a file in the corpus folder changes, a moment after the last change. */
  watch(): void {
    this.watcher = watch(this.directory, () => {
      if (this.timer) clearTimeout(this.timer);
      this.timer = setTimeout(() => void this.reload(), DEBOUNCE_MS);
      this.timer.unref();
    });
    this.watcher.on('error', error => log.warn(`stopped watching ${this.directory}`, error));
    this.watcher.unref();
  }

  close(): void {
    this.watcher?.close();
    if (this.timer) clearTimeout(this.timer);
  }

  private async rebuild(): Promise<void> {
    const started = performance.now();
    try {
      const built = await buildInWorker(this.directory);
      reportWarnings(built.warnings);
      if (!built.prepared || built.articles.length === 0) throw new EmptyCorpusError(this.directory);
      this.current = new Library(built.articles, built.prepared);
      log.info(`reloaded ${built.articles.length} articles from ${this.directory} in ${Math.round(performance.now() - started)} ms`);
    } catch (error) {
      log.error(`reload of ${this.directory} failed; still answering from the ${this.current.articles.length} articles loaded before`, error);
    }
  }
}

/**
 * SIGHUP, the conventional "read your files again", reloads the corpus, in the bot and in the console
 * alike: it must never end the process, which is what it does unhandled.
 */
export function reloadOnHangup(live: LiveLibrary): void {
  process.on('SIGHUP', () => {
    log.info('SIGHUP received; reloading the corpus');
    void live.reload();
  });
}

interface Built {
  articles: Article[];
  warnings: CorpusWarning[];
  prepared: PreparedIndex | null;
}

function buildInWorker(directory: string): Promise<Built> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./build-worker-entry.mjs', import.meta.url), { workerData: { directory } });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', code => reject(new Error(`the build worker stopped with code ${code}`)));
  });
}
