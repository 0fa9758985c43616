import { open, readFile, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import { prepareCacheFolder } from '../corpus/cache';
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
  const temporary = `${file}.${process.pid}.tmp`;
  const handle = await open(temporary, 'w');
  try {
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
  const read = await readLines(file);
  if (!read) return null;
  const { header, lines } = read;
  try {
    const digests: string[] = [];
    const byDigest = new Map<string, ArticlePeople>();
    for (const line of lines.slice(0, header.articles)) {
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

/**
 * The directory the cache holds, when it was written under this key (the corpus unchanged since), else
 * null. Its lines are parsed between pauses.
 */
export async function readCachedDirectory(file: string, key: string, slices = new TimeSlices()): Promise<PersonEntry[] | null> {
  const read = await readLines(file);
  if (!read || read.header.key !== key) return null;
  const { header, lines } = read;
  try {
    const entries: PersonEntry[] = [];
    for (const line of lines.slice(header.articles, header.articles + header.people)) {
      entries.push(JSON.parse(line) as PersonEntry);
      await slices.pause();
    }
    return entries.length === header.people ? entries : null;
  } catch {
    return null;
  }
}

/** The header and the lines after it, or null when the file is missing, damaged or of another version. */
async function readLines(file: string): Promise<{ header: Header; lines: string[] } | null> {
  try {
    const [first = '', ...lines] = (await readFile(file, 'utf8')).split('\n');
    const header = JSON.parse(first) as Header;
    return header.version === PEOPLE_VERSION ? { header, lines } : null;
  } catch {
    return null;
  }
}
