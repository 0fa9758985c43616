import { open, rename, type FileHandle } from 'node:fs/promises';
import { threadId } from 'node:worker_threads';

let writes = 0;

/**
 * Writes a file whole or not at all: into a temporary file beside it, renamed over it once complete, so
 * that a reader (the next start) never sees half a cache. The temporary's name holds the process, the
 * thread and the write, since the old and the new library's workers may write at once during a reload,
 * and a start-up cache is written while the library already answers.
 */
export async function replaceFile(file: string, write: (handle: FileHandle) => Promise<void>): Promise<void> {
  const temporary = `${file}.${process.pid}.${threadId}.${++writes}.tmp`;
  const handle = await open(temporary, 'w');
  try {
    await write(handle);
  } finally {
    await handle.close();
  }
  await rename(temporary, file);
}
