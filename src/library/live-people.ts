import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { analysisDigest, ArticleAnalyses } from '../analysis/analyses';
import type { ArticleAnalysis } from '../analysis/analyse';
import { AnalysisPool } from '../analysis/pool';
import { DEFAULT_ANALYSIS_BUDGET_MS } from '../config';
import { cacheFile } from '../storage/corpus-key';
import { corpusKeyOf } from './open';
import type { Article } from '../corpus/article';
import type { Library } from './library';
import { log, registeredSecrets } from '../log';
import { TimeSlices } from '../text/time-slices';
import { articlePeople, type ArticlePeople } from '../people-index/appearances';
import { PeopleDirectory, type PersonEntry } from '../people-index/directory';
import { PersonSearch } from '../people-index/person-search';
import { PEOPLE_VERSION, peopleCacheFile, readCachedDirectory, readPeopleCache, writePeopleCache } from '../people-index/people-cache';

/** Where the analyses of the articles not yet indexed come from. */
export interface PeopleAnalysis {
  analyse(article: Article): Promise<ArticleAnalysis>;
  /** Frees what analysing took (the worker threads); called once the index is built. */
  close(): Promise<void>;
}

/**
 * Articles analysed in worker threads, one per core by default, each within the time budget of
 * /participants (an article that overruns it is answered from its opening, as there), for their
 * people and meetings only (no points, summary or keywords). The threads stop once the index is built,
 * giving their memory back.
 */
export function workerAnalysis(budgetMs = DEFAULT_ANALYSIS_BUDGET_MS, workers = availableParallelism()): PeopleAnalysis {
  const pool = new AnalysisPool({ size: workers });
  const analyses = new ArticleAnalyses({ pool, budgetMs, maxEntries: 0, scope: 'meetings' });
  return { analyse: article => analyses.analyse(article), close: () => pool.close() };
}

export interface PeopleIndexOptions {
  /** The corpus folder, whose content keys the people cache. */
  readonly dataDirectory: string;
  /** The start-up cache's folder, where the people cache is kept beside it; null keeps none. */
  readonly cacheDirectory: string | null;
  /** The time budget of each article's analysis in the default worker threads (ANALYSIS_BUDGET_MS). */
  readonly budgetMs?: number;
  /** How articles are analysed: worker threads by default. Made anew for each build. */
  readonly analysis?: () => PeopleAnalysis;
  /** Articles being analysed at once: enough to keep every worker busy. */
  readonly concurrency?: number;
}

/** Everyone in the corpus, and the search over them that autocomplete uses. */
export interface PeopleIndex {
  readonly directory: PeopleDirectory;
  readonly search: PersonSearch;
}

export type PeopleStatus =
  | ({ readonly kind: 'ready' } & PeopleIndex)
  | { readonly kind: 'indexing'; readonly done: number; readonly total: number };

/** How often a long build says how far it is. */
const PROGRESS_EVERY_MS = 5000;

/**
 * The people of the library being served, built across the corpus after the phrase index is ready, in
 * the background: the analysis runs in worker threads, and what the main thread does (hashing,
 * reading the cache, building the directory) pauses between short time slices. Until the first build
 * ends, the status says how far it is; a rebuild after a reload answers from the last whole directory
 * meanwhile and analyses again only the articles whose text or date changed.
 */
export class LivePeople {
  private index: PeopleIndex | null = null;
  private progress = { done: 0, total: 0 };
  /** The last build's people by article digest: what a rebuild need not analyse again. */
  private known = new Map<string, ArticlePeople>();
  private building: Promise<void> | null = null;
  private again = false;
  private readonly waiting: ((index: PeopleIndex) => void)[] = [];

  constructor(
    private readonly source: { readonly library: Library },
    private readonly options: PeopleIndexOptions,
  ) {}

  status(): PeopleStatus {
    return this.index ? { kind: 'ready', ...this.index } : { kind: 'indexing', ...this.progress };
  }

  /** The index once there is one. */
  ready(): Promise<PeopleIndex> {
    return this.index ? Promise.resolve(this.index) : new Promise(resolve => this.waiting.push(resolve));
  }

  /** Builds for the library served now; asked during a build, builds once more after it. Never rejects: a failure is logged. */
  refresh(): Promise<void> {
    if (this.building) {
      this.again = true;
      return this.building;
    }
    this.building = this.build()
      .catch((error: unknown) => log.error('the people index could not be built; /person answers from the last one, if any', error))
      .finally(() => {
        this.building = null;
        if (this.again) {
          this.again = false;
          void this.refresh();
        }
      });
    return this.building;
  }

  private async build(): Promise<void> {
    const started = performance.now();
    const library = this.source.library;
    const articles = library.articles;
    const slices = new TimeSlices();
    this.progress = { done: 0, total: articles.length };
    const file = this.options.cacheDirectory ? peopleCacheFile(cacheFile(this.options.cacheDirectory, this.options.dataDirectory)) : null;
    const key = file ? (corpusKeyOf(library) ?? (await corpusKeyInWorker(this.options.dataDirectory))) : null;
    const cachedEntries = file && key !== null ? await readCachedDirectory(file, key, slices) : null;
    // The corpus is as it was when the cache was written: nothing to hash, analyse or aggregate.
    if (cachedEntries && (await everyArticleIn(library, cachedEntries, slices))) {
      await this.serve(await PeopleDirectory.fromEntries(cachedEntries, slices), slices);
      log.info(`people index: ${cachedEntries.length} people in ${articles.length} articles, from the people cache, in ${Math.round(performance.now() - started)} ms`);
      return;
    }

    const cached = file ? await readPeopleCache(file, slices) : null;
    const reusable = new Map([...(cached?.byDigest ?? []), ...this.known]);
    const digests: string[] = [];
    for (const article of articles) {
      digests.push(analysisDigest(article));
      await slices.pause();
    }
    // Articles of the same text and date (a story filed twice) are analysed once.
    const byDigest = new Map<string, ArticlePeople>();
    const missing: number[] = [];
    const queued = new Set<string>();
    digests.forEach((digest, position) => {
      const people = reusable.get(digest);
      if (people) byDigest.set(digest, people);
      else if (!queued.has(digest)) {
        queued.add(digest);
        missing.push(position);
      }
    });
    const analysed = await this.analyseMissing(library, missing, digests, byDigest, started);
    this.progress = { done: articles.length, total: articles.length };
    const directory = await PeopleDirectory.build(
      articles.map((article, position) => ({ id: article.id, people: byDigest.get(digests[position]!)! })),
      slices,
    );
    if (file && key !== null) {
      await writePeopleCache(file, { key, version: PEOPLE_VERSION, digests, byDigest }, directory.entries).catch((error: unknown) => log.warn(`could not write the people cache ${file}`, error));
    }
    this.known = byDigest;
    await this.serve(directory, slices);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    log.info(`people index: ${directory.entries.length} people in ${articles.length} articles (${analysed} analysed, the rest from before) in ${seconds} s`);
  }

  /** Swaps a new directory in, with its search, and answers whoever waited for one. */
  private async serve(directory: PeopleDirectory, slices: TimeSlices): Promise<void> {
    const index = { directory, search: await PersonSearch.build(directory, slices) };
    this.index = index;
    for (const resolve of this.waiting.splice(0)) resolve(index);
  }

  /**
   * Analyses the articles at the given positions, a few at a time so that every worker stays busy and
   * the progress is known; an article whose digest another has is analysed once. Returns how many were.
   */
  private async analyseMissing(library: Library, missing: readonly number[], digests: readonly string[], byDigest: Map<string, ArticlePeople>, started: number): Promise<number> {
    const total = library.articles.length;
    this.progress = { done: total - missing.length, total };
    if (missing.length === 0) return 0;
    const analysis = (this.options.analysis ?? (() => workerAnalysis(this.options.budgetMs)))();
    const concurrency = this.options.concurrency ?? availableParallelism() * 2;
    let next = 0;
    let analysed = 0;
    let reported = performance.now();
    const work = async () => {
      while (next < missing.length) {
        const position = missing[next++]!;
        const article = library.articles[position]!;
        byDigest.set(digests[position]!, articlePeople(article, await analysis.analyse(article)));
        analysed++;
        this.progress = { done: this.progress.done + 1, total };
        if (performance.now() - reported >= PROGRESS_EVERY_MS) {
          reported = performance.now();
          log.info(`people index: ${percentOf(this.progress)}% (${this.progress.done} of ${total} articles) after ${Math.round((reported - started) / 1000)} s`);
        }
      }
    };
    try {
      await Promise.all(Array.from({ length: Math.max(1, concurrency) }, work));
    } finally {
      await analysis.close();
    }
    return analysed;
  }
}

/** Whether every appearance of the entries is of an article of the library: a cache of this corpus, not another's. */
async function everyArticleIn(library: Library, entries: readonly PersonEntry[], slices: TimeSlices): Promise<boolean> {
  for (const entry of entries) {
    if (!entry.appearances.every(appearance => library.get(appearance.articleId))) return false;
    await slices.pause();
  }
  return true;
}

/** How far a build is, in whole percent (never 100 before it ends). */
export function percentOf({ done, total }: { done: number; total: number }): number {
  return total === 0 ? 0 : Math.min(99, Math.floor((done * 100) / total));
}

/** The start-up cache's key of the corpus folder, computed in a worker thread; null when it cannot be. */
function corpusKeyInWorker(directory: string): Promise<string | null> {
  return new Promise(resolve => {
    const worker = new Worker(new URL('../people-index/key-worker-entry.mjs', import.meta.url), { workerData: { directory, secrets: registeredSecrets() } });
    worker.once('message', (key: string | null) => resolve(key));
    worker.once('error', error => {
      log.warn(`could not compute the corpus key of ${directory}; the people are indexed without their cache`, error);
      resolve(null);
    });
    worker.once('exit', () => resolve(null));
  });
}
