import { Worker } from 'node:worker_threads';
import type { Article } from '../corpus/article';
import { log } from '../log';
import type { SummaryScope } from '../meetings/summarize';
import type { ArticleAnalysis } from './analyse';
import type { AnalysisRequest, AnalysisResponse } from './worker';

/** What one attempt at analysing (an opening of) an article came to. */
export type AttemptOutcome =
  | { readonly kind: 'done'; readonly analysis: ArticleAnalysis }
  /** It ran out of time, or its worker died on it: nothing was found. */
  | { readonly kind: 'over-budget' }
  /** No worker could be started: the caller analyses on its own thread. */
  | { readonly kind: 'unavailable' };

export interface PoolOptions {
  /**
   * At most this many worker threads (1 by default): each holds its own copy of the segmenter's
   * dictionaries, about 400 MB.
   */
  readonly size?: number;
  /** The worker's entry module. */
  readonly entry?: URL;
  /** A worker idle this long is stopped, giving its memory back; the next article starts one again. */
  readonly idleMs?: number;
  /** A worker not ready this long after it was started has failed to start. */
  readonly startTimeoutMs?: number;
  /** After a worker failed to start, how long articles are analysed on the caller's thread before trying again. */
  readonly retryStartMs?: number;
}

interface Job {
  readonly id: number;
  readonly article: Article;
  readonly upTo: number;
  readonly budgetMs: number;
  readonly scope: SummaryScope;
  readonly resolve: (outcome: AttemptOutcome) => void;
  readonly reject: (error: Error) => void;
}

interface Slot {
  readonly worker: Worker;
  /** Abandoned: still busy long past its budget; it is stopped once it answers, never while it works. */
  state: 'starting' | 'idle' | 'busy' | 'abandoned';
  job: Job | null;
  /** The start deadline while starting, the time budget while busy, the idle limit while idle. */
  timer: NodeJS.Timeout | null;
}

const WORKER_ENTRY = new URL('./worker-entry.mjs', import.meta.url);
/** A job still unanswered this long after its budget (budgets, plus a grace) is given up. */
const ABANDON_AFTER_BUDGETS = 4;
const ABANDON_GRACE_MS = 5000;

/**
 * The threads that analyse articles, so that an analysis never holds the main thread's event loop. Each
 * attempt has a time budget, which the analysis checks as it goes: one that overruns it stops itself
 * and the attempt comes back over budget. Workers start when there is work and stop when idle for a
 * while (never while they work); while idle they do not keep the process alive.
 */
export class AnalysisPool {
  private readonly slots = new Set<Slot>();
  private readonly queue: Job[] = [];
  private readonly size: number;
  private readonly entry: URL;
  private readonly idleMs: number;
  private readonly startTimeoutMs: number;
  private readonly retryStartMs: number;
  /** Whoever waits for a worker to be ready (warmUp). */
  private readonly warming: (() => void)[] = [];
  private nextJob = 1;
  private unavailableUntil = 0;
  private closed = false;

  constructor(options: PoolOptions = {}) {
    this.size = Math.max(1, options.size ?? 1);
    this.entry = options.entry ?? WORKER_ENTRY;
    this.idleMs = options.idleMs ?? 5 * 60_000;
    this.startTimeoutMs = options.startTimeoutMs ?? 60_000;
    this.retryStartMs = options.retryStartMs ?? 60_000;
  }

  /**
   * Analyses the article's first `upTo` characters in a worker, which has `budgetMs` from when it gets the
   * article (starting a worker is not counted). An urgent job (a retry someone is waiting for) goes first.
   */
  run(article: Article, upTo: number, budgetMs: number, urgent = false, scope: SummaryScope = 'whole'): Promise<AttemptOutcome> {
    if (this.closed || Date.now() < this.unavailableUntil) return Promise.resolve({ kind: 'unavailable' });
    return new Promise((resolve, reject) => {
      const job: Job = { id: this.nextJob++, article, upTo, budgetMs, scope, resolve, reject };
      if (urgent) this.queue.unshift(job);
      else this.queue.push(job);
      this.dispatch();
    });
  }

  /**
   * Starts a worker if none runs, so that the first article does not wait for one to start. Settles once
   * a worker is ready, or failed to start (articles are then analysed on the caller's thread).
   */
  warmUp(): Promise<void> {
    if (this.closed || Date.now() < this.unavailableUntil || [...this.slots].some(slot => slot.state !== 'starting')) return Promise.resolve();
    if (this.slots.size === 0 && !this.spawn()) return Promise.resolve();
    return new Promise(resolve => {
      this.warming.push(resolve);
      this.holdProcess();
    });
  }

  /** Stops every worker; what was asked of them fails. */
  async close(): Promise<void> {
    this.closed = true;
    const closed = () => new Error('the analysis pool was closed');
    for (const job of this.queue.splice(0)) job.reject(closed());
    const slots = [...this.slots];
    this.slots.clear();
    for (const slot of slots) {
      if (slot.timer) clearTimeout(slot.timer);
      slot.job?.reject(closed());
    }
    // A worker at work is let go rather than stopped: stopping it inside native code aborts the process.
    const working = (slot: Slot) => slot.state === 'busy' || slot.state === 'abandoned';
    for (const slot of slots.filter(working)) slot.worker.unref();
    await Promise.all(slots.filter(slot => !working(slot)).map(slot => slot.worker.terminate()));
  }

  /** Gives queued jobs to idle workers, and starts workers for the rest while there is room. */
  private dispatch(): void {
    while (this.queue.length > 0) {
      const idle = [...this.slots].find(slot => slot.state === 'idle');
      if (idle) {
        this.start(idle, this.queue.shift()!);
        continue;
      }
      const starting = [...this.slots].filter(slot => slot.state === 'starting').length;
      const working = [...this.slots].filter(slot => slot.state !== 'abandoned').length;
      if (working < this.size && starting < this.queue.length && Date.now() >= this.unavailableUntil && this.spawn()) continue;
      break;
    }
    this.holdProcess();
  }

  private spawn(): boolean {
    let worker: Worker;
    try {
      worker = new Worker(this.entry);
    } catch (error) {
      this.failedToStart(error);
      return false;
    }
    const slot: Slot = { worker, state: 'starting', job: null, timer: null };
    slot.timer = setTimeout(() => this.lose(slot, new Error(`not ready after ${this.startTimeoutMs} ms`)), this.startTimeoutMs);
    slot.timer.unref();
    this.slots.add(slot);
    worker.on('message', (message: AnalysisResponse) => this.receive(slot, message));
    worker.on('error', error => this.lose(slot, error));
    worker.on('exit', code => this.lose(slot, new Error(`stopped with code ${code}`)));
    return true;
  }

  private start(slot: Slot, job: Job): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.state = 'busy';
    slot.job = job;
    const { id, title, date, text, source } = job.article;
    slot.worker.postMessage({ job: job.id, article: { id, title, date, text, source }, upTo: job.upTo, budgetMs: job.budgetMs, scope: job.scope } satisfies AnalysisRequest);
    // The analysis stops itself at its budget. Should it not (a long call inside the segmenter), the job
    // is given up and the worker left to finish: stopping a thread inside native code aborts the process.
    slot.timer = Number.isFinite(job.budgetMs)
      ? setTimeout(() => {
          slot.state = 'abandoned';
          slot.job = null;
          slot.timer = null;
          job.resolve({ kind: 'over-budget' });
          this.dispatch();
        }, job.budgetMs * ABANDON_AFTER_BUDGETS + ABANDON_GRACE_MS)
      : null;
  }

  private receive(slot: Slot, message: AnalysisResponse): void {
    if (!this.slots.has(slot)) return;
    if (slot.state === 'abandoned') {
      this.retire(slot);
      this.dispatch();
      return;
    }
    if ('ready' in message) {
      if (slot.timer) clearTimeout(slot.timer);
      slot.timer = null;
      slot.state = 'idle';
      this.warmed();
    } else {
      const job = slot.job;
      if (!job || job.id !== message.job) return;
      if (slot.timer) clearTimeout(slot.timer);
      slot.timer = null;
      slot.job = null;
      slot.state = 'idle';
      if ('error' in message) job.reject(new Error(`the analysis of ${job.article.id} failed: ${message.error}`));
      else if ('overBudget' in message) job.resolve({ kind: 'over-budget' });
      else job.resolve({ kind: 'done', analysis: message.analysis });
    }
    this.dispatch();
    if (slot.state === 'idle') {
      slot.timer = setTimeout(() => this.retire(slot), this.idleMs);
      slot.timer.unref();
    }
  }

  /** A worker that failed to start, crashed or exited: its job, if any, comes back over budget. */
  private lose(slot: Slot, error: unknown): void {
    if (!this.slots.has(slot)) return;
    const { state, job } = slot;
    this.retire(slot);
    if (state === 'starting') {
      this.failedToStart(error);
      this.warmed();
    } else if (job) {
      log.warn(`the analysis worker stopped while analysing ${job.article.id}`, error);
      job.resolve({ kind: 'over-budget' });
    }
    this.dispatch();
  }

  private warmed(): void {
    for (const resolve of this.warming.splice(0)) resolve();
  }

  private failedToStart(error: unknown): void {
    log.warn(`the analysis worker could not start; articles are analysed on the main thread, within the same time budget, for the next ${Math.round(this.retryStartMs / 1000)} s`, error);
    this.unavailableUntil = Date.now() + this.retryStartMs;
    // Jobs wait for a worker that is still starting or working; with none left, they are the caller's.
    if (this.slots.size === 0) for (const job of this.queue.splice(0)) job.resolve({ kind: 'unavailable' });
  }

  private retire(slot: Slot): void {
    if (!this.slots.delete(slot)) return;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.job = null;
    void slot.worker.terminate();
    this.holdProcess();
  }

  /** Workers keep the process alive while they have work, so that an awaited analysis is not cut short. */
  private holdProcess(): void {
    const working = this.queue.length > 0 || this.warming.length > 0 || [...this.slots].some(slot => slot.state === 'busy');
    for (const slot of this.slots) {
      if (working) slot.worker.ref();
      else slot.worker.unref();
    }
  }
}

let shared: AnalysisPool | null = null;

/** The process's one pool, started on first use: every library and reload shares its threads. */
export function sharedAnalysisPool(): AnalysisPool {
  shared ??= new AnalysisPool();
  return shared;
}
