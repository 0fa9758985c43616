import { copyFile, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { openLibrary } from '../src/library/open';
import type { Library } from '../src/library/library';

/**
 * Opens a corpus folder, or a single corpus file (the bench's .jsonl.gz), as the bot would: the loader
 * reads folders, so a file is copied into a folder of its own first (a link would lead out of it).
 */
export async function withCorpus<T>(path: string, use: (library: Library) => Promise<T> | T): Promise<T> {
  const data = resolve(path);
  if (!(await stat(data)).isFile()) return use(await openLibrary(data));
  const folder = await mkdtemp(join(tmpdir(), 'bench-corpus-'));
  try {
    await copyFile(data, join(folder, basename(data)));
    return await use(await openLibrary(folder));
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
