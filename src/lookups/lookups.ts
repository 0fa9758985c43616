import { Worker } from 'node:worker_threads';
import { log } from '../log';
import type { FinderEntry } from './article-finder';
import type { FromWorker, LookupsCache, ToWorker } from './protocol';

/**
 * The main thread's side of the lookups worker (see worker.ts): it starts the worker on first use, sends
 * it the articles' fields and texts in small batches (never holding the event loop for long), and asks
 * it for autocomplete choices and corrections. Until a part is ready, a question waits for it up to the
 * time the caller allows, then is answered with nothing rather than late.
 */
const ENTRIES_PER_MESSAGE = 5_000;
/** About a tenth of a second of segmenting: the longest a question waits behind a batch. */
const TEXTS_PER_MESSAGE = 200;
const WORKER_ENTRY = new URL('./worker-entry.mjs', import.meta.url);
/** A worker ends within one batch of work; past this, shutdown goes on without waiting for it. */
const STOP_WAIT_MS = 5000;

/** What the worker is built from, read from the library only when it asks. */
export interface LookupsSource {
  readonly count: number;
  entry(position: number): FinderEntry;
  text(position: number): string;
}

type Part = 'articles' | 'vocabulary';

export class Lookups {
  private worker: Worker | null = null;
  private failed = false;
  private readonly ready = new Set<Part>();
  private readonly waiting = new Map<Part, (() => void)[]>();
  private readonly pending = new Map<number, (message: Extract<FromWorker, { type: 'answer' }>) => void>();
  private nextRequest = 0;
  private wantsMore: (() => void) | null = null;
  /** Set to 1 to ask the worker to end itself (see worker.ts). */
  private readonly stopFlag = new SharedArrayBuffer(4);
  private markSaved: () => void = () => {};
  /** Settles once a build is in the cache, or the worker is gone: for a restart that should read it back. */
  readonly saved = new Promise<void>(resolve => (this.markSaved = resolve));

  constructor(
    private readonly source: LookupsSource,
    private readonly cache: LookupsCache | null = null,
  ) {}

  /** Whether start was called: a library that replaces this one starts its own at once too. */
  get started(): boolean {
    return this.worker !== null || this.failed;
  }

  /** Starts building (or reading back) the indexes now rather than at the first question. */
  start(): void {
    if (this.worker || this.failed) return;
    try {
      this.worker = new Worker(WORKER_ENTRY, { workerData: { cache: this.cache, articleCount: this.source.count, stopFlag: this.stopFlag } });
    } catch (error) {
      this.fail(error);
      return;
    }
    this.worker.on('message', (message: FromWorker) => this.receive(message));
    this.worker.on('error', error => this.fail(error));
    this.worker.on('exit', () => {
      // A worker that ended unasked is started again by the next question, which waits for it to be ready.
      this.worker = null;
      this.ready.clear();
      this.answerAll();
    });
    this.holdProcess();
  }

  /** Positions of the articles that best fit what was typed, or none when the finder is not ready within waitMs. */
  async articles(typed: string, limit: number, waitMs: number): Promise<number[]> {
    if (!(await this.readyWithin('articles', waitMs))) return [];
    return (await this.ask({ type: 'find', request: 0, typed, limit })).positions ?? [];
  }

  /** Folded phrases the user may have meant (see Vocabulary.corrections), or none when not ready within waitMs. */
  async corrections(foldedPhrase: string, limit: number, waitMs: number): Promise<string[]> {
    if (!(await this.readyWithin('vocabulary', waitMs))) return [];
    return (await this.ask({ type: 'correct', request: 0, phrase: foldedPhrase, limit })).phrases ?? [];
  }

  /**
   * Asks the worker to end itself, which it does between two pieces of work (never terminated from
   * outside: see worker.ts), and settles when it has, or after STOP_WAIT_MS: for a library that a reload
   * replaced, and at shutdown.
   */
  stop(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.failed = true;
    this.answerAll();
    if (!worker) return Promise.resolve();
    Atomics.store(new Int32Array(this.stopFlag), 0, 1);
    // Held while it ends, so that a stopping process waits for it rather than running out of work first.
    worker.ref();
    return new Promise(resolve => {
      const timer = setTimeout(resolve, STOP_WAIT_MS);
      worker.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      worker.postMessage({ type: 'stop' } satisfies ToWorker);
    });
  }

  private readyWithin(part: Part, waitMs: number): Promise<boolean> {
    this.start();
    if (this.ready.has(part)) return Promise.resolve(true);
    if (!this.worker) return Promise.resolve(false);
    return new Promise(resolve => {
      const timer = setTimeout(() => resolve(false), waitMs);
      const waiters = this.waiting.get(part) ?? [];
      waiters.push(() => {
        clearTimeout(timer);
        resolve(this.ready.has(part));
      });
      this.waiting.set(part, waiters);
    });
  }

  private ask(message: ToWorker & { request: number }): Promise<Extract<FromWorker, { type: 'answer' }>> {
    const worker = this.worker;
    if (!worker) return Promise.resolve({ type: 'answer', request: 0 });
    const request = ++this.nextRequest;
    return new Promise(resolve => {
      this.pending.set(request, answer => {
        resolve(answer);
        this.holdProcess();
      });
      this.holdProcess();
      worker.postMessage({ ...message, request });
    });
  }

  /**
   * The worker keeps the process alive only while a question waits for its answer: a console or CLI run
   * ends when its own work does, however far the worker's build has got.
   */
  private holdProcess(): void {
    if (this.pending.size > 0) this.worker?.ref();
    else this.worker?.unref();
  }

  private receive(message: FromWorker): void {
    switch (message.type) {
      case 'cache':
        if (!message.hit) void this.feed();
        return;
      case 'ready':
        this.ready.add(message.part);
        for (const wake of this.waiting.get(message.part) ?? []) wake();
        this.waiting.delete(message.part);
        return;
      case 'saved':
        this.markSaved();
        return;
      case 'more':
        this.wantsMore?.();
        return;
      case 'answer': {
        const answer = this.pending.get(message.request);
        this.pending.delete(message.request);
        answer?.(message);
        return;
      }
      case 'log':
        log[message.level](message.message);
        return;
    }
  }

  /** Sends the articles' fields, then their texts (the worker folds them), a batch per turn of the event loop. */
  private async feed(): Promise<void> {
    const { count } = this.source;
    for (let from = 0; from < count || from === 0; from += ENTRIES_PER_MESSAGE) {
      const to = Math.min(count, from + ENTRIES_PER_MESSAGE);
      this.post({ type: 'entries', entries: Array.from({ length: to - from }, (_, offset) => this.source.entry(from + offset)), last: to >= count });
      await turn();
    }
    for (let from = 0; from < count || from === 0; from += TEXTS_PER_MESSAGE) {
      const to = Math.min(count, from + TEXTS_PER_MESSAGE);
      if (!this.worker) return;
      const read = new Promise<void>(resolve => (this.wantsMore = resolve));
      this.post({ type: 'texts', texts: Array.from({ length: to - from }, (_, offset) => this.source.text(from + offset)), last: to >= count });
      if (to < count) await read;
    }
  }

  private post(message: ToWorker): void {
    this.worker?.postMessage(message);
  }

  private fail(error: unknown): void {
    if (!this.failed) log.warn('article autocomplete and "did you mean" are unavailable: their worker could not run', error);
    this.failed = true;
    this.answerAll();
  }

  /** Answers everything still waiting, with nothing: the worker is gone. */
  private answerAll(): void {
    this.wantsMore?.();
    this.markSaved();
    for (const resolve of this.pending.values()) resolve({ type: 'answer', request: 0 });
    this.pending.clear();
    for (const waiters of this.waiting.values()) for (const wake of waiters) wake();
    this.waiting.clear();
  }
}

function turn(): Promise<void> {
  return new Promise(resolve => setImmediate(resolve));
}
