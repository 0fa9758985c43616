/**
 * Runs an action once a burst of pokes has been quiet for `quietMs`, and at the latest `maxWaitMs`
 * after the first poke it has not yet answered: a folder written every few hundred milliseconds is
 * still reloaded every few seconds, where a plain debounce would wait for the writes to stop.
 */
export function coalesce(action: () => void, quietMs: number, maxWaitMs: number) {
  let timer: NodeJS.Timeout | null = null;
  let firstPoke = 0;
  return {
    poke(): void {
      const now = Date.now();
      if (timer) clearTimeout(timer);
      else firstPoke = now;
      timer = setTimeout(
        () => {
          timer = null;
          action();
        },
        Math.max(0, Math.min(quietMs, firstPoke + maxWaitMs - now)),
      );
      timer.unref();
    },
    cancel(): void {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
