import { existsSync } from 'node:fs';
import { appendFile, cp, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BUNDLED_DATA_DIR } from '../src/config';
import { readCache, writeCache } from '../src/library/cache';
import { cacheFile, corpusKey } from '../src/storage/corpus-key';
import { openLibrary, startUpCacheWritten } from '../src/library/open';
import * as logging from '../src/log';

let corpus: string;
let cache: string;

beforeEach(async () => {
  const root = await mkdtemp(join(tmpdir(), 'cache-test-'));
  corpus = join(root, 'corpus');
  cache = join(root, 'cache');
  await cp(BUNDLED_DATA_DIR, corpus, { recursive: true });
});

afterEach(async () => {
  await rm(join(corpus, '..'), { recursive: true, force: true });
  vi.restoreAllMocks();
});

const searchCounts = (library: Awaited<ReturnType<typeof openLibrary>>, phrase: string) => {
  const outcome = library.search(phrase);
  return outcome.kind === 'found' ? outcome.hits.map(hit => [hit.article.id, hit.occurrences]) : [];
};

/** Opens the library and waits for the start-up cache it writes, as the next start reads it. */
async function opened(directory: string, cacheDirectory: string) {
  const library = await openLibrary(directory, cacheDirectory);
  await startUpCacheWritten(library);
  return library;
}

describe('the start-up cache', () => {
  it('is written when missing and read back with the same answers', async () => {
    const built = await opened(corpus, cache);
    expect((await readCache(cacheFile(cache, corpus), (await corpusKey(corpus))!)).status).toBe('hit');
    const info = vi.spyOn(logging.log, 'info');
    const restored = await opened(corpus, cache);
    expect(info.mock.calls.some(([message]) => message.includes('start-up cache'))).toBe(true);
    for (const phrase of ['新质生产力', '黨員 先行', '鲲', '揭榜']) expect(searchCounts(restored, phrase)).toEqual(searchCounts(built, phrase));
    expect(restored.articles.map(article => [article.id, article.title, article.date, article.text])).toEqual(built.articles.map(article => [article.id, article.title, article.date, article.text]));
  });

  it('reads back every article and every array of the index, the articles in chunks', async () => {
    const built = await openLibrary(corpus, null);
    const file = join(cache, 'small-sections.cache');
    await writeCache(file, 'key', { articles: built.articles, warnings: [], prepared: built.prepared() }, 2);
    const read = await readCache(file, 'key');
    if (read.status !== 'hit') throw new Error(`not read back: ${read.status}`);
    expect(read.corpus.articles).toEqual(built.articles);
    // Copies and messages to worker threads take an article's text like any other field.
    expect(read.corpus.articles.map(article => structuredClone(article))).toEqual(built.articles);
    expect(Object.keys(read.corpus.articles[0]!).sort()).toEqual(Object.keys(built.articles[0]!).sort());
    const { index } = built.prepared();
    for (const [name, array] of Object.entries(read.corpus.prepared.index)) expect(array, name).toEqual(index[name as keyof typeof index]);

    // As the command line reads it: each chunk's texts from the file when first asked for.
    const lazily = await readCache(file, 'key', true);
    if (lazily.status !== 'hit') throw new Error(`not read back: ${lazily.status}`);
    expect(lazily.corpus.articles.map(article => ({ ...article }))).toEqual(built.articles);
    const unread = await readCache(file, 'key', true);
    await writeFile(file, 'replaced since');
    if (unread.status !== 'hit') throw new Error(`not read back: ${unread.status}`);
    expect(() => unread.corpus.articles[0]!.text).toThrow(/changed while it was read/);
  });

  it('keeps autocomplete and the vocabulary beside the index, read back by the next start, and rebuilds them when damaged', async () => {
    const built = await opened(corpus, cache);
    const answers = async (library: typeof built) => [(await library.suggest('乐凯', 5, 60_000)).map(article => article.id), await library.didYouMean('新質生產立', 3, 60_000)];
    const expected = await answers(built);
    await built.lookups.saved;
    await built.lookups.stop();
    const lookupsFile = `${cacheFile(cache, corpus)}.lookups`;
    expect(JSON.parse(await readFile(lookupsFile, 'utf8')).key).toBe(await corpusKey(corpus));
    const info = vi.spyOn(logging.log, 'info');
    const restored = await opened(corpus, cache);
    expect(await answers(restored)).toEqual(expected);
    // Read back, not built: the worker says which.
    const messages = info.mock.calls.map(([message]) => String(message));
    expect(messages.some(message => /vocabulary .* read from the lookups cache in/.test(message))).toBe(true);
    expect(messages.some(message => /vocabulary: \d+ of|vocabulary .* built in/.test(message))).toBe(false);
    await restored.lookups.stop();

    await writeFile(lookupsFile, '{"key": tru');
    const warn = vi.spyOn(logging.log, 'warn');
    const rebuilt = await opened(corpus, cache);
    expect(await answers(rebuilt)).toEqual(expected);
    expect(warn.mock.calls.some(([message]) => String(message).includes('cannot be read'))).toBe(true);
    await rebuilt.lookups.saved;
    await rebuilt.lookups.stop();
    expect(JSON.parse(await readFile(lookupsFile, 'utf8')).key).toBe(await corpusKey(corpus));
  });

  it('is rebuilt when an article changes, is added or is removed', async () => {
    await opened(corpus, cache);
    await appendFile(join(corpus, '000_5a4681f7358e924d.txt'), '\n新增段落提到揭榜挂帥。');
    expect(searchCounts(await opened(corpus, cache), '揭榜挂帥').map(([id]) => id)).toContain('000_5a4681f7358e924d');
    await writeFile(join(corpus, 'extra.txt'), '集團召開揭榜挂帥推進會。');
    expect(searchCounts(await opened(corpus, cache), '揭榜挂帥').map(([id]) => id)).toContain('extra');
    await rm(join(corpus, 'extra.txt'));
    expect(searchCounts(await opened(corpus, cache), '揭榜挂帥').map(([id]) => id)).not.toContain('extra');
  });

  it('is rebuilt when the analyzer version changes', async () => {
    await opened(corpus, cache);
    const current = await corpusKey(corpus);
    const next = await corpusKey(corpus, 999);
    expect(next).not.toBe(current);
    expect((await readCache(cacheFile(cache, corpus), next!)).status).toBe('stale');
  });

  it('is never trusted when damaged, and is rebuilt', async () => {
    const built = await opened(corpus, cache);
    const file = cacheFile(cache, corpus);
    const bytes = await readFile(file);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 100) ^ 0xff, bytes.length - 100);
    await writeFile(file, bytes);
    expect((await readCache(file, (await corpusKey(corpus))!)).status).toBe('corrupt');
    const warn = vi.spyOn(logging.log, 'warn');
    const rebuilt = await opened(corpus, cache);
    expect(warn.mock.calls.some(([message]) => /damaged \(section \w+ fails its checksum\)/.test(message))).toBe(true);
    expect(searchCounts(rebuilt, '新质生产力')).toEqual(searchCounts(built, '新质生产力'));
    expect((await readCache(file, (await corpusKey(corpus))!)).status).toBe('hit');

    await writeFile(file, 'not a cache at all');
    expect((await readCache(file, (await corpusKey(corpus))!)).status).toBe('corrupt');
    expect(searchCounts(await opened(corpus, cache), '新质生产力')).toEqual(searchCounts(built, '新质生产力'));
  });

  it('makes its folder, parents included', async () => {
    const nested = join(cache, 'a', 'b');
    await opened(corpus, nested);
    expect((await stat(cacheFile(nested, corpus))).isFile()).toBe(true);
  });

  it('fails the start at once, naming CACHE_DIR, when its folder cannot be made', async () => {
    await writeFile(cache, 'a file where the folder should be');
    await expect(openLibrary(corpus, join(cache, 'inside'))).rejects.toThrow(/^CACHE_DIR cannot be used \(.*ENOTDIR/);
    await expect(opened(corpus, cache)).rejects.toThrow(/^CACHE_DIR cannot be used \(.* is not a folder\)/);
  });

  // Node's recursive mkdir loops forever there: mkdir says ENOENT though /proc exists.
  it.runIf(existsSync('/proc/self'))('fails the start at once for a folder under /proc', { timeout: 5000 }, async () => {
    await expect(openLibrary(corpus, '/proc/nope/cache')).rejects.toThrow(/^CACHE_DIR cannot be used \(ENOENT/);
  });
});
