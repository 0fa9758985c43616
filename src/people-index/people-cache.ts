import { createReadStream } from 'node:fs';
import { dirname } from 'node:path';
import { prepareCacheFolder } from '../storage/cache-folder';
import { replaceFile } from '../storage/replace-file';
import { TimeSlices } from '../text/time-slices';
import type { ArticlePeople } from './appearances';
import type { PersonEntry } from './directory';

/**
 * The people cache, beside the start-up cache. One JSON line for the header; then one per article in
 * the corpus's order, holding the digest of what its analysis reads and, the first time a digest comes,
 * its people; then one per person of the directory built from them. Its key is the start-up cache's
 * corpus key and this file's version: with both unchanged, a start reads the directory back without
 * analysing, hashing or aggregating anything; after a change, articles whose digest it holds are still
 * not analysed again.
 */

/** Bump whenever the analysis, what the people index keeps of it, or how people are aggregated changes. */
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
  readonly people: number;
}

/** Where the people cache of a start-up cache file lives. */
export function peopleCacheFile(startUpCacheFile: string): string {
  return startUpCacheFile.replace(/\.cache$/u, '') + '.people.jsonl';
}

export async function writePeopleCache(file: string, cache: PeopleCache, entries: readonly PersonEntry[]): Promise<void> {
  await prepareCacheFolder(dirname(file));
  await replaceFile(file, async handle => {
    const header: Header = { key: cache.key, version: cache.version, articles: cache.digests.length, people: entries.length };
    const written = new Set<string>();
    let chunk = `${JSON.stringify(header)}\n`;
    const add = async (line: string) => {
      chunk += `${line}\n`;
      if (chunk.length < 1 << 20) return;
      await handle.write(chunk);
      chunk = '';
    };
    for (const digest of cache.digests) {
      const people = written.has(digest) ? undefined : cache.byDigest.get(digest);
      written.add(digest);
      await add(JSON.stringify(people ? { digest, people } : { digest }));
    }
    for (const entry of entries) await add(JSON.stringify(entry));
    await handle.write(chunk);
  });
}

/**
 * The cache as written, or null when there is none, it is of another version, or it is damaged (cut
 * short, or not JSON): the people are then analysed again.
 */
export async function readPeopleCache(file: string, slices = new TimeSlices()): Promise<PeopleCache | null> {
  let header: Header | null = null;
  const digests: string[] = [];
  const byDigest = new Map<string, ArticlePeople>();
  const read = await readLines(file, slices, (line, at) => {
    if (at === 0) {
      header = JSON.parse(line) as Header;
      return header.version === PEOPLE_VERSION;
    }
    if (at > header!.articles) return false;
    const { digest, people } = JSON.parse(line) as { digest: string; people?: ArticlePeople };
    digests.push(digest);
    if (people) byDigest.set(digest, people);
    return true;
  });
  const { key, version, articles } = (header ?? { key: '', version: 0, articles: -1 }) as Header;
  if (!read || digests.length !== articles || digests.some(digest => !byDigest.has(digest))) return null;
  return { key, version, digests, byDigest };
}

/** The directory the cache holds, when it was written under this key (the corpus unchanged since), else null. */
export async function readCachedDirectory(file: string, key: string, slices = new TimeSlices()): Promise<PersonEntry[] | null> {
  let header: Header | null = null;
  const entries: PersonEntry[] = [];
  const read = await readLines(file, slices, (line, at) => {
    if (at === 0) {
      header = JSON.parse(line) as Header;
      return header.version === PEOPLE_VERSION && header.key === key;
    }
    // Each article's line is passed over unread.
    if (at > header!.articles) entries.push(JSON.parse(line) as PersonEntry);
    return true;
  });
  return read && header !== null && entries.length === (header as Header).people ? entries : null;
}

/**
 * Reads the file a megabyte at a time, handing each line (with its index) to `take` until it says to
 * stop, and pausing between time slices, so that a cache of hundreds of megabytes never holds the event
 * loop. False when the file is missing or a line is not what it should be.
 */
async function readLines(file: string, slices: TimeSlices, take: (line: string, at: number) => boolean): Promise<boolean> {
  let rest = '';
  let at = 0;
  try {
    for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
      const lines = (rest + (chunk as string)).split('\n');
      rest = lines.pop()!;
      for (const line of lines) {
        if (!take(line, at++)) return at > 1;
        await slices.pause();
      }
    }
    return rest === '';
  } catch {
    return false;
  }
}
