import { constants } from 'node:fs';
import { access, mkdir, stat } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Makes the cache folder, parents included, and checks that it can be written; throws saying why not. */
export async function prepareCacheFolder(directory: string): Promise<void> {
  await makeFolder(directory);
  await access(directory, constants.W_OK);
}

/**
 * mkdir -p that gives up at the first refusal. Node's own recursive mkdir loops forever where mkdir
 * says ENOENT although the parent exists (under /proc), which hung the start.
 */
export async function makeFolder(directory: string): Promise<void> {
  try {
    await mkdir(directory);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      if (!(await stat(directory)).isDirectory()) throw new Error(`${directory} exists and is not a folder`);
      return;
    }
    const parent = dirname(directory);
    if (code !== 'ENOENT' || parent === directory) throw error;
    await makeFolder(parent);
    await mkdir(directory);
  }
}

