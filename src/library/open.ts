import { ArticleAnalyses } from '../analysis/analyses';
import { log } from '../log';
import { Library } from './library';
import { ConfigError } from '../config';
import { readCache, writeCache } from './cache';
import { prepareCacheFolder } from '../storage/cache-folder';
import { cacheFile, corpusKey } from '../storage/corpus-key';
import type { CorpusWarning } from '../corpus/article';
import { loadCorpus } from '../corpus/load';
import { buildIndex, defaultBuildWorkers } from './index-build';

/** The start-up cache's key of the corpus each library was opened from, for what is cached beside it. */
const openedUnder = new WeakMap<Library, string>();

/** The corpus key a library was opened under, when openLibrary computed one (with a cache folder). */
export function corpusKeyOf(library: Library): string | undefined {
  return openedUnder.get(library);
}

export class EmptyCorpusError extends Error {
  constructor(directory: string) {
    super(`no article could be loaded from ${directory}`);
    this.name = 'EmptyCorpusError';
  }
}

/**
 * Loads a corpus folder into a library, logging what was skipped; fails only when nothing loads. With a
 * cache folder, a start after an unchanged corpus reads the built index back instead of rebuilding it.
 */
export interface OpenOptions {
  /** Threads that build the index when there is no cache to read (BUILD_WORKERS). */
  readonly buildWorkers?: number;
  /** Leave the articles' texts in the cache until one is read: for a command that shows a few. */
  readonly textsWhenRead?: boolean;
}

export async function openLibrary(directory: string, cacheDirectory: string | null = null, analyses: ArticleAnalyses = new ArticleAnalyses(), options: OpenOptions = {}): Promise<Library> {
  const started = performance.now();
  // Before the load, which may take a minute: a cache folder that cannot be used is a wrong setting.
  if (cacheDirectory) {
    await prepareCacheFolder(cacheDirectory).catch((error: unknown) => {
      throw new ConfigError('CACHE_DIR', `cannot be used (${error instanceof Error ? error.message : String(error)}): give a folder the bot can create and write, or "off"`);
    });
  }
  log.info(`loading the corpus from ${directory}`);
  const key = cacheDirectory ? await corpusKey(directory) : null;
  const file = cacheDirectory && key ? cacheFile(cacheDirectory, directory) : null;
  // Autocomplete and the vocabulary are kept beside the index, by their worker (see lookups/).
  const lookupsCache = file && key ? { file: `${file}.lookups`, key } : null;
  if (file && key) {
    const cached = await readCache(file, key, options.textsWhenRead);
    if (cached.status === 'hit') {
      reportWarnings(cached.corpus.warnings);
      const library = new Library(cached.corpus.articles, cached.corpus.prepared, analyses, lookupsCache);
      openedUnder.set(library, key);
      log.info(`loaded ${library.articles.length} articles from ${directory} (start-up cache) in ${Math.round(performance.now() - started)} ms`);
      return library;
    }
    if (cached.status === 'corrupt') log.warn(`start-up cache ${file} is damaged (${cached.reason}); rebuilding it`);
    else if (cached.status === 'stale') log.info(`start-up cache ${file} cannot be used (${cached.reason}); rebuilding it`);
    else log.info(`no start-up cache yet at ${file}; building it`);
  }

  const { articles, warnings } = await loadCorpus(directory);
  reportWarnings(warnings);
  if (articles.length === 0) throw new EmptyCorpusError(directory);
  const library = new Library(articles, { index: await buildIndex(articles, options.buildWorkers ?? defaultBuildWorkers()) }, analyses, lookupsCache);
  if (key) openedUnder.set(library, key);
  log.info(`loaded ${articles.length} articles from ${directory} in ${Math.round(performance.now() - started)} ms`);
  if (file && key) {
    // Written while the library already answers: the write yields between its pieces.
    const writing = performance.now();
    const saved = writeCache(file, key, { articles, warnings, prepared: library.prepared() }).then(
      () => log.info(`start-up cache ${file} written in ${Math.round(performance.now() - writing)} ms`),
      (error: unknown) => log.warn(`could not write the start-up cache ${file}`, error),
    );
    cacheWrites.set(library, saved);
  }
  return library;
}

const cacheWrites = new WeakMap<Library, Promise<void>>();

/** Resolves once the start-up cache a build writes is written (or could not be); at once when none is. */
export function startUpCacheWritten(library: Library): Promise<void> {
  return cacheWrites.get(library) ?? Promise.resolve();
}

/** Logs what the loader skipped or repaired, one line a warning, naming the file and line. */
export function reportWarnings(warnings: readonly CorpusWarning[]): void {
  for (const warning of warnings) log.warn(`${warning.file}${warning.line ? `:${warning.line}` : ''}: ${warning.message}`);
}
