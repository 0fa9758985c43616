/**
 * A time budget that the analysis checks as it goes. Stopping a worker thread from outside while it is
 * inside the segmenter's native code aborts the whole process, so an analysis that runs over is not
 * stopped: it stops itself, at the next check, by throwing TimeBudgetExceeded.
 */
export class TimeBudgetExceeded extends Error {
  constructor() {
    super('the analysis ran over its time budget');
    this.name = 'TimeBudgetExceeded';
  }
}

let deadline = Infinity;
let checks = 0;
/** Reading the clock costs more than a loop's step: it is read on every 256th check. */
const CHECKS_PER_CLOCK_READ = 256;

/** Runs work with a budget of ms milliseconds (Infinity for none); budgets do not nest beyond the innermost. */
export function runWithin<T>(ms: number, work: () => T): T {
  const previous = deadline;
  deadline = performance.now() + ms;
  checks = 0;
  try {
    return work();
  } finally {
    deadline = previous;
  }
}

/** Throws TimeBudgetExceeded once the running budget is spent; called in the analysis's loops. */
export function checkTimeBudget(): void {
  if (deadline === Infinity || ++checks % CHECKS_PER_CLOCK_READ !== 0) return;
  if (performance.now() > deadline) throw new TimeBudgetExceeded();
}
