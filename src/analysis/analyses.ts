import { createHash } from 'node:crypto';
import { DEFAULT_ANALYSIS_BUDGET_MS } from '../config';
import type { Article } from '../corpus/article';
import { log } from '../log';
import { runWithin, TimeBudgetExceeded } from '../text/time-budget';
import { analyseArticle, emptyAnalysis, isPartial, openingEnd, type ArticleAnalysis } from './analyse';
import type { SummaryScope } from '../meetings/summarize';
import { sharedAnalysisPool, type AnalysisPool } from './pool';

/** Openings shorter than this are not tried again: one that overruns the budget too gets an empty answer. */
const SHORTEST_OPENING = 1000;

export interface AnalysesOptions {
  /** Time allowed for each attempt at an article in a worker (ANALYSIS_BUDGET_MS). */
  readonly budgetMs?: number;
  /** The worker threads to analyse in (the process's shared pool by default); null analyses on this thread, without a budget. */
  readonly pool?: AnalysisPool | null;
  /** At most this many articles' results are kept... */
  readonly maxEntries?: number;
  /** ...and results of at most this many analysed characters in all; the least recently used go first. */
  readonly maxCharacters?: number;
  /** How much of the summary to make: all of it (the default), or only the meetings. */
  readonly scope?: SummaryScope;
}

interface Entry {
  readonly digest: string;
  readonly analysis: ArticleAnalysis;
}

/**
 * Who took part in each article's meetings, its summary and keywords: computed once per article's text
 * and kept across reloads, since a reloaded library hands the same ArticleAnalyses on. Results are kept
 * by article id with a digest of what the analysis reads (the text and the record's date), so an
 * article that a reload leaves unchanged is not analysed again, and one that changed is.
 *
 * Analyses run in worker threads, never on the event loop. Each attempt has a time budget: an article
 * that overruns it is analysed again from its opening, a quarter as long each time, and answered with
 * what that opening holds (the answer says how many characters were analysed). When no worker can
 * start, articles are analysed on the calling thread, whole, with a warning logged.
 */
export class ArticleAnalyses {
  readonly budgetMs: number;
  private readonly pool: AnalysisPool | null;
  private readonly maxEntries: number;
  private readonly maxCharacters: number;
  private readonly scope: SummaryScope;
  /** By article id, least recently used first. */
  private readonly cache = new Map<string, Entry>();
  private characters = 0;
  private readonly pending = new Map<string, Promise<ArticleAnalysis>>();
  private readonly digests = new WeakMap<Article, string>();
  /** How many analyses were computed, and how many answered from the cache: for logs and tests. */
  readonly counts = { computed: 0, reused: 0 };

  constructor(options: AnalysesOptions = {}) {
    this.budgetMs = options.budgetMs ?? DEFAULT_ANALYSIS_BUDGET_MS;
    this.pool = options.pool === undefined ? sharedAnalysisPool() : options.pool;
    this.maxEntries = options.maxEntries ?? 5000;
    this.maxCharacters = options.maxCharacters ?? 50_000_000;
    this.scope = options.scope ?? 'whole';
  }

  /** Starts a worker now, so that the first article asked about does not wait for one; settles once it is ready. */
  warmUp(): Promise<void> {
    return this.pool?.warmUp() ?? Promise.resolve();
  }

  /** The article's analysis if it is ready, without computing anything. */
  peek(article: Article): ArticleAnalysis | undefined {
    const entry = this.cache.get(article.id);
    return entry && entry.digest === this.digest(article) ? entry.analysis : undefined;
  }

  /** The article's analysis: kept from before, being computed for someone else, or computed now. */
  analyse(article: Article): Promise<ArticleAnalysis> {
    const ready = this.peek(article);
    if (ready) {
      this.counts.reused++;
      // Most recently used last.
      const entry = this.cache.get(article.id)!;
      this.cache.delete(article.id);
      this.cache.set(article.id, entry);
      return Promise.resolve(ready);
    }
    const key = `${article.id}\u0000${this.digest(article)}`;
    let pending = this.pending.get(key);
    if (!pending) {
      pending = this.compute(article).then(analysis => {
        this.remember(article, analysis);
        return analysis;
      });
      const settled = () => this.pending.delete(key);
      void pending.then(settled, settled);
      this.pending.set(key, pending);
    }
    return pending;
  }

  private async compute(article: Article): Promise<ArticleAnalysis> {
    this.counts.computed++;
    const length = article.text.length;
    let upTo = length;
    for (let urgent = false; ; urgent = true) {
      const outcome = this.pool ? await this.pool.run(article, upTo, this.budgetMs, urgent, this.scope) : { kind: 'unavailable' as const };
      if (outcome.kind === 'done') {
        if (isPartial(outcome.analysis)) log.info(`answering for ${article.id} from its first ${upTo} of ${length} characters`);
        return outcome.analysis;
      }
      // No worker: the same budget holds on this thread, checked by the analysis as it goes.
      const here = outcome.kind === 'unavailable' ? analyseWithin(this.budgetMs, article, upTo, this.scope) : null;
      if (here) return here;
      if (upTo <= SHORTEST_OPENING) {
        log.warn(`analysing even the first ${upTo} characters of ${article.id} took over ${this.budgetMs} ms; answering with nothing found`);
        return emptyAnalysis(article);
      }
      const next = openingEnd(article.text, Math.max(SHORTEST_OPENING, Math.floor(upTo / 4)));
      log.warn(`analysing ${upTo} characters of ${article.id} took over ${this.budgetMs} ms; analysing its first ${next} instead`);
      upTo = next;
    }
  }

  private remember(article: Article, analysis: ArticleAnalysis): void {
    const old = this.cache.get(article.id);
    if (old) {
      this.characters -= old.analysis.analysed;
      this.cache.delete(article.id);
    }
    this.cache.set(article.id, { digest: this.digest(article), analysis });
    this.characters += analysis.analysed;
    for (const [id, entry] of this.cache) {
      if (this.cache.size <= this.maxEntries && (this.characters <= this.maxCharacters || this.cache.size === 1)) break;
      this.cache.delete(id);
      this.characters -= entry.analysis.analysed;
    }
  }

  private digest(article: Article): string {
    let digest = this.digests.get(article);
    if (digest === undefined) {
      digest = analysisDigest(article);
      this.digests.set(article, digest);
    }
    return digest;
  }
}

/** A digest of what the analysis reads: the text, and the record's date, which dates the meetings. */
export function analysisDigest(article: Article): string {
  return createHash('sha256').update(article.text).update('\u0000').update(JSON.stringify(article.date)).digest('base64');
}

/** The analysis of an opening on this thread within the budget, or null when it ran over. */
function analyseWithin(budgetMs: number, article: Article, upTo: number, scope: SummaryScope): ArticleAnalysis | null {
  try {
    return runWithin(budgetMs, () => analyseArticle(article, upTo, scope));
  } catch (error) {
    if (error instanceof TimeBudgetExceeded) return null;
    throw error;
  }
}
