/**
 * A per-user limit on commands: at most `limit` in any `windowMs`. Someone who repeats a heavy command
 * many times a second is told to wait instead of being answered; everyone else is unaffected. Memory
 * stays bounded: users whose window has passed are forgotten.
 */
export class Cooldown {
  private readonly recent = new Map<string, number[]>();

  constructor(
    readonly limit = 8,
    readonly windowMs = 10_000,
    private readonly maxUsers = 10_000,
  ) {}

  /** Takes a turn for the user: 0 when allowed, else the milliseconds until the next turn frees up. */
  take(userId: string, now = Date.now()): number {
    const since = now - this.windowMs;
    const times = (this.recent.get(userId) ?? []).filter(time => time > since);
    if (times.length >= this.limit) {
      this.recent.set(userId, times);
      return times[0]! - since;
    }
    times.push(now);
    this.recent.delete(userId);
    this.recent.set(userId, times);
    if (this.recent.size > this.maxUsers) this.forget(since);
    return 0;
  }

  get users(): number {
    return this.recent.size;
  }

  /** Drops users whose window has passed, then the least recently active, down to the bound. */
  private forget(since: number): void {
    for (const [userId, times] of this.recent) if (times[times.length - 1]! <= since) this.recent.delete(userId);
    for (const userId of this.recent.keys()) {
      if (this.recent.size <= this.maxUsers) break;
      this.recent.delete(userId);
    }
  }
}
