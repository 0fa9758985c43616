import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Cooperative time slices for long work on the main thread: the work calls `pause()` as it goes, which
 * gives the event loop a turn once a slice has run out, so that interactions are answered meanwhile.
 */
export class TimeSlices {
  private sliceStarted = performance.now();

  constructor(private readonly sliceMs = 10) {}

  /** Resolves at once within a slice; after it, on the event loop's next turn, starting a new slice. */
  async pause(): Promise<void> {
    if (performance.now() - this.sliceStarted < this.sliceMs) return;
    await nextTurn();
    this.sliceStarted = performance.now();
  }
}
