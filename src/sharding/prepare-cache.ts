import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Makes sure the corpus's start-up cache is there and current before the shard processes start, so
 * that each of them reads the index from it rather than building it: the library is opened once, in a
 * process of its own, which builds and writes the cache only if it must, then exits. A process of its
 * own rather than the manager's: a build's memory (the index, and the heap's peak while the cache is
 * written) would otherwise stay with the manager, which answers no one, for as long as the group runs.
 * Resolves with that process's exit code; `signal` ends it early (a stop during the build).
 */
export function prepareStartupCache(signal: AbortSignal): Promise<number> {
  const child = fork(fileURLToPath(new URL('./prepare-cache-entry.ts', import.meta.url)), [], { execArgv: process.execArgv, signal, stdio: 'inherit' });
  return new Promise((resolve, reject) => {
    child.once('exit', code => resolve(code ?? 1));
    // Aborting kills the process and reports it as an error too; its exit is what counts then.
    child.on('error', error => {
      if (!signal.aborted) reject(error);
    });
  });
}
