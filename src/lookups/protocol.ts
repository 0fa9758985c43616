import type { FinderEntry } from './article-finder';

/** Messages between the lookups worker and the thread that asks it. */
export type ToWorker =
  | { readonly type: 'entries'; readonly entries: readonly FinderEntry[]; readonly last: boolean }
  | { readonly type: 'texts'; readonly texts: readonly string[]; readonly last: boolean }
  | { readonly type: 'find'; readonly request: number; readonly typed: string; readonly limit: number }
  | { readonly type: 'correct'; readonly request: number; readonly phrase: string; readonly limit: number }
  /** For a worker waiting for messages; a busy one sees the shared stop flag instead. */
  | { readonly type: 'stop' };

export type FromWorker =
  /** The cache held both indexes (nothing needs sending), or did not (send entries, then texts). */
  | { readonly type: 'cache'; readonly hit: boolean }
  | { readonly type: 'ready'; readonly part: 'articles' | 'vocabulary' }
  /** A batch of texts was read: the next is sent only now, so that questions never queue behind many. */
  | { readonly type: 'more' }
  /** What was built is in the cache (or could not be written there, which was logged). */
  | { readonly type: 'saved' }
  | { readonly type: 'answer'; readonly request: number; readonly positions?: number[]; readonly phrases?: string[] }
  | { readonly type: 'log'; readonly level: 'info' | 'warn'; readonly message: string };

/** Where the worker keeps what it builds, and the corpus fingerprint it must match. */
export interface LookupsCache {
  readonly file: string;
  readonly key: string;
}
