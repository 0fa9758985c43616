import { open, readFile, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import { prepareCacheFolder } from '../corpus/cache';
import { TimeSlices } from '../text/time-slices';
import type { ArticlePeople } from './appearances';

/**
 * The people cache, beside the start-up cache: what the people index kept of each article's analysis,
 * by the digest of what the analysis reads. One JSON line for the header, then one per article in the
 * corpus's order, holding its digest and, the first time a digest comes, its people. Its key is the
 * start-up cache's corpus key and this file's version: with both unchanged, a start reads the people
 * back without analysing or hashing anything; after a change, articles whose digest it holds are still
 * not analysed again.
 */

/** Bump whenever the analysis, or what the people index keeps of it, changes what it produces. */
export const PEOPLE_VERSION = 1;

export interface PeopleCache {
  readonly key: string;
  readonly version: number;
  /** Each article's digest, in the corpus's order. */
  readonly digests: readonly string[];
  readonly byDigest: ReadonlyMap<string, ArticlePeople>;
}

interface Header {
  readonly key: string;
  readonly version: number;
  readonly articles: number;
}

/** Where the people cache of a start-up cache file lives. */
export function peopleCacheFile(startUpCacheFile: string): string {
  return startUpCacheFile.replace(/\.cache$/u, '') + '.people.jsonl';
}

export async function writePeopleCache(file: string, cache: PeopleCache): Promise<void> {
  await prepareCacheFolder(dirname(file));
  const temporary = `${file}.${process.pid}.tmp`;
  const handle = await open(temporary, 'w');
  try {
    const header: Header = { key: cache.key, version: cache.version, articles: cache.digests.length };
    const written = new Set<string>();
    let chunk = `${JSON.stringify(header)}\n`;
    for (const digest of cache.digests) {
      const people = written.has(digest) ? undefined : cache.byDigest.get(digest);
      written.add(digest);
      chunk += `${JSON.stringify(people ? { digest, people } : { digest })}\n`;
      if (chunk.length > 1 << 20) {
        await handle.write(chunk);
        chunk = '';
      }
    }
    await handle.write(chunk);
  } finally {
    await handle.close();
  }
  await rename(temporary, file);
}

/**
 * The cache as written, or null when there is none, it is of another version, or it is damaged (cut
 * short, or not JSON): the people are then analysed again. Its lines are parsed between pauses, so the
 * event loop keeps turning.
 */
export async function readPeopleCache(file: string, slices = new TimeSlices()): Promise<PeopleCache | null> {
  let lines: string[];
  try {
    lines = (await readFile(file, 'utf8')).split('\n');
  } catch {
    return null;
  }
  try {
    const header = JSON.parse(lines[0]!) as Header;
    if (header.version !== PEOPLE_VERSION) return null;
    const digests: string[] = [];
    const byDigest = new Map<string, ArticlePeople>();
    for (const line of lines.slice(1, header.articles + 1)) {
      const { digest, people } = JSON.parse(line) as { digest: string; people?: ArticlePeople };
      digests.push(digest);
      if (people) byDigest.set(digest, people);
      await slices.pause();
    }
    if (digests.length !== header.articles || digests.some(digest => !byDigest.has(digest))) return null;
    return { key: header.key, version: header.version, digests, byDigest };
  } catch {
    return null;
  }
}
