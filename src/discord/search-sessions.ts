import { randomBytes } from 'node:crypto';
import type { SearchOptions } from '../search/options';
import type { TrendRequest } from '../trends/request';

/**
 * The searches whose result pages can still be turned and exported, the /read answers (a search
 * within one article) whose pages can still be turned, and the /trend answers that can still be
 * exported. Discord lets a bot edit its reply for 15 minutes after the command; sessions end a minute
 * before that, and the store keeps at most a fixed number, dropping the oldest, so paging never grows
 * memory without bound.
 */
export interface SearchSession {
  /** The phrase searched for; for /read, the phrase whose passages are shown, or '' for the whole text; for /trend, the phrases. */
  readonly query: string;
  readonly options: SearchOptions;
  /** For /read, the article being read. */
  readonly articleId?: string;
  /** For /trend, what was asked: its Export counts it again. */
  readonly trend?: TrendRequest;
  /** Who ran the search: their presses turn the reply itself; anyone else's open a copy of their own. */
  readonly userId: string;
  /** The page the reply shows now, kept so that expiry can grey out the right buttons. */
  readonly view: { index: number; count: number };
  /** Greys out the reply's buttons while Discord still accepts edits to it. */
  readonly disableButtons: () => Promise<unknown>;
}

export const SESSION_LIFETIME_MS = 14 * 60 * 1000;
export const MAX_SESSIONS = 1000;

export class SearchSessions {
  private readonly sessions = new Map<string, { session: SearchSession; expiry: NodeJS.Timeout }>();

  constructor(
    private readonly onError: (error: unknown) => void,
    private readonly lifetimeMs = SESSION_LIFETIME_MS,
    private readonly capacity = MAX_SESSIONS,
  ) {}

  /** Opens a session; `describe` receives its id, for callbacks that must name it. */
  open(describe: (id: string) => SearchSession): string {
    const id = randomBytes(6).toString('base64url');
    const session = describe(id);
    const expiry = setTimeout(() => this.expire(id), this.lifetimeMs);
    expiry.unref();
    this.sessions.set(id, { session, expiry });
    while (this.sessions.size > this.capacity) this.expire(this.sessions.keys().next().value!);
    return id;
  }

  get(id: string): SearchSession | undefined {
    return this.sessions.get(id)?.session;
  }

  get size(): number {
    return this.sessions.size;
  }

  /** Ends every session without calling back: for shutdown. */
  clear(): void {
    for (const { expiry } of this.sessions.values()) clearTimeout(expiry);
    this.sessions.clear();
  }

  private expire(id: string): void {
    const entry = this.sessions.get(id);
    if (!entry) return;
    clearTimeout(entry.expiry);
    this.sessions.delete(id);
    entry.session.disableButtons().catch(this.onError);
  }
}
