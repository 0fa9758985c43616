import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { listCorpusFiles, readCorpusFile, type CorpusFile } from '../corpus/files';
import { registeredSecrets } from '../log';

/**
 * What names a corpus's caches: a fingerprint of the folder's content (every file's name and bytes) and
 * the analyzer, so that an edited corpus or a changed analyzer is rebuilt, and one cache file per folder.
 */

/** Bump whenever cleaning, folding or indexing changes what they produce. */
export const ANALYZER_VERSION = 7;

/** A fingerprint of the corpus folder's content and the analyzer, or null when the folder cannot be read. */
export async function corpusKey(directory: string, analyzerVersion = ANALYZER_VERSION): Promise<string | null> {
  let files: CorpusFile[];
  try {
    files = await listCorpusFiles(directory, []);
  } catch {
    return null;
  }
  const hash = createHash('sha256').update(`analyzer ${analyzerVersion}\n`);
  // Articles are cached with the registered secrets blanked out; a cache written without them (by the
  // console, which has no token) must not serve the bot, so they are part of the key.
  for (const secret of registeredSecrets().sort()) hash.update(`secret ${secret}\n`);
  for (const file of files) {
    try {
      const read = await readCorpusFile(file, Infinity);
      if (typeof read === 'string') continue;
      hash.update(`${file.name}\n`).update(read);
    } catch {
      hash.update(`${file.name} unreadable\n`);
    }
  }
  return hash.digest('hex');
}

/** Where the cache of a corpus folder lives: one file per folder, replaced when the corpus changes. */
export function cacheFile(cacheDirectory: string, corpusDirectory: string): string {
  return join(cacheDirectory, `${createHash('sha256').update(resolve(corpusDirectory)).digest('hex').slice(0, 16)}.cache`);
}

