import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

/** Niceness for threads that build or analyse in the background: below the main thread's answers. */
const BACKGROUND_NICENESS = 10;

/**
 * Lowers the calling worker thread's scheduling priority, so that on a machine with few cores the main
 * thread, which answers users, is not kept waiting by a build or an analysis beside it. On Linux a
 * thread is a task with its own niceness (its id is the last part of /proc/thread-self); elsewhere,
 * or where it is refused, the thread keeps its priority.
 */
export function runInBackground(): void {
  try {
    const taskId = Number(readlinkSync('/proc/thread-self').split('/').pop());
    // Only ever lower: a process already started nicer than this stays as it was.
    if (Number.isInteger(taskId) && taskId > 0 && getPriority(taskId) < BACKGROUND_NICENESS) setPriority(taskId, BACKGROUND_NICENESS);
  } catch {
    // Not Linux, or not allowed: the work runs at the usual priority.
  }
}
