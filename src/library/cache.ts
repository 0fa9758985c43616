import { closeSync, openSync, readSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { promisify } from 'node:util';
import { constants, crc32, deflateRaw, inflateRaw, inflateRawSync } from 'node:zlib';
import type { PreparedIndex } from './library';
import type { Article, CorpusWarning } from '../corpus/article';
import { SINGLE_IDS, type PhraseIndexArrays } from '../search/index-build';
import { makeFolder } from '../storage/cache-folder';
import { replaceFile } from '../storage/replace-file';

/**
 * The start-up cache: the cleaned articles and the phrase index, written after a build and read back at
 * the next start when nothing has changed (see storage/corpus-key). What is cheap to work out again is
 * not kept (folded texts are folded again when needed). The file is sections, each written and read on
 * its own, with a checksum each: no buffer or string ever holds the whole corpus, so the file's size has
 * no ceiling below the disk's, and a damaged section is never trusted.
 *
 * Articles come in chunks: their fields as JSON, their texts as UTF-16, deflated (Chinese text halves;
 * chunks are deflated and inflated on libuv's threads, side by side and beside the main thread's
 * work). The index's arrays are kept as they are in memory, already compact (see search/index-build),
 * and read straight into place.
 */

const deflate = promisify(deflateRaw);
const inflate = promisify(inflateRaw);

/** The file format; a cache in another is rebuilt like a stale one. */
const MAGIC = 'MRB3';
/** How many articles a chunk holds: inflating one where a text is wanted at once takes a few milliseconds. */
const ARTICLES_PER_CHUNK = 2048;
/** A checksum is worked out this much at a time, a few milliseconds each. */
const CHECKSUM_PIECE = 1 << 24;
/** One read or write call moves at most this much: the system's own limit is near 2 GiB. */
const IO_PIECE = 1 << 28;

export interface CachedCorpus {
  readonly articles: readonly Article[];
  readonly warnings: readonly CorpusWarning[];
  readonly prepared: PreparedIndex;
}

interface SectionHeader {
  readonly name: string;
  readonly length: number;
  readonly checksum: number;
}

interface Header {
  readonly key: string;
  readonly articleCount: number;
  readonly pairCount: number;
  readonly sections: readonly SectionHeader[];
}

type Section = { readonly name: string; readonly bytes: Uint8Array };

export async function writeCache(file: string, key: string, corpus: CachedCorpus, articlesPerChunk = ARTICLES_PER_CHUNK): Promise<void> {
  const { articles, warnings, prepared } = corpus;
  const { index } = prepared;
  const sections: Section[] = [{ name: 'warnings', bytes: utf8(JSON.stringify(warnings)) }];
  const chunks: Promise<Section[]>[] = [];
  for (let from = 0; from < articles.length; from += articlesPerChunk) {
    const chunk = articles.slice(from, from + articlesPerChunk);
    const fields = chunk.map(({ id, title, date, source, url }) => (url === undefined ? [id, title, date, source] : [id, title, date, source, url]));
    const texts = deflate(utf16(chunk.map(article => article.text).join('')), { level: constants.Z_BEST_SPEED });
    chunks.push(texts.then(bytes => [{ name: 'articles', bytes: utf8(JSON.stringify(fields)) }, { name: 'texts', bytes }]));
    await turn();
  }
  for (const chunk of await Promise.all(chunks)) sections.push(...chunk);
  sections.push(
    { name: 'textLengths', bytes: bytesOf(Uint32Array.from(articles, article => article.text.length)) },
    { name: 'pairKeys', bytes: bytesOf(index.pairKeys) },
    { name: 'pairIds', bytes: bytesOf(index.pairIds) },
    { name: 'offsets', bytes: bytesOf(index.offsets) },
    { name: 'postings', bytes: index.postings },
    { name: 'postingBytes', bytes: bytesOf(index.postingBytes) },
    { name: 'characterCounts', bytes: index.characterCounts },
    { name: 'positions', bytes: index.positions },
    { name: 'positionSkips', bytes: bytesOf(index.positionSkips) },
    { name: 'lengths', bytes: bytesOf(index.lengths) },
  );
  const checksums: number[] = [];
  for (const { bytes } of sections) checksums.push(await checksumOf(bytes));
  const header: Header = {
    key,
    articleCount: articles.length,
    pairCount: index.pairCount,
    sections: sections.map(({ name, bytes }, at) => ({ name, length: bytes.byteLength, checksum: checksums[at]! })),
  };
  const headerBytes = utf8(JSON.stringify(header));
  const lead = Buffer.alloc(8);
  lead.write(MAGIC, 0, 'latin1');
  lead.writeUInt32LE(headerBytes.byteLength, 4);
  await makeFolder(dirname(file));
  await replaceFile(file, async handle => {
    await writeAll(handle, lead);
    await writeAll(handle, headerBytes);
    for (const section of sections) await writeAll(handle, section.bytes);
  });
}

export type CacheRead = { status: 'hit'; corpus: CachedCorpus } | { status: 'missing' } | { status: 'stale' | 'corrupt'; reason: string };

/**
 * Reads the cache back, section by section; says why when it cannot be used. The articles' texts are
 * not waited for: each chunk is inflated on libuv's threads after the read, and a text asked for
 * before its chunk is ready inflates that chunk at once. With `textsWhenRead`, the texts are even left
 * in the file, a chunk read (and checked) the first time one of its texts is: a command-line call that
 * shows a few articles does not inflate a corpus.
 */
export async function readCache(file: string, key: string, textsWhenRead = false): Promise<CacheRead> {
  let handle: FileHandle;
  try {
    handle = await open(file, 'r');
  } catch {
    return { status: 'missing' };
  }
  try {
    const lead = await readAt(handle, 0, 8);
    const magic = Buffer.from(lead.buffer, lead.byteOffset, 4).toString('latin1');
    if (magic !== MAGIC) return magic.startsWith('MRB') ? { status: 'stale', reason: `written in an older format (${magic})` } : { status: 'corrupt', reason: 'not a cache file' };
    const headerLength = Buffer.from(lead.buffer, lead.byteOffset, 8).readUInt32LE(4);
    const header = JSON.parse(text(await readAt(handle, 8, headerLength))) as Header;
    if (header.key !== key) return { status: 'stale', reason: 'the corpus or the analyzer changed' };
    const sections = new SectionReader(handle, 8 + headerLength, header.sections);
    const warnings = JSON.parse(text(await sections.next('warnings'))) as CorpusWarning[];
    const chunks: { fields: unknown[][]; texts: TextsChunk }[] = [];
    while (sections.upcoming?.name === 'articles') {
      const fields = JSON.parse(text(await sections.next('articles'))) as unknown[][];
      chunks.push({ fields, texts: textsWhenRead ? new TextsInFile(file, sections.skip('texts')) : new DeflatedTexts(await sections.next('texts')) });
    }
    const textLengths = view(await sections.next('textLengths'), Uint32Array);
    const pairKeys = view(await sections.next('pairKeys'), Uint32Array);
    const pairIds = view(await sections.next('pairIds'), Int32Array);
    const offsets = view(await sections.next('offsets'), Uint32Array);
    const index: PhraseIndexArrays = {
      pairKeys,
      pairIds,
      pairCount: header.pairCount,
      offsets,
      postings: await sections.next('postings'),
      postingBytes: view(await sections.next('postingBytes'), Uint32Array),
      characterCounts: await sections.next('characterCounts'),
      positions: await sections.next('positions'),
      positionSkips: view(await sections.next('positionSkips'), Uint32Array),
      lengths: view(await sections.next('lengths'), Uint32Array),
    };
    const articles = articlesOf(chunks, textLengths);
    for (const { texts } of chunks) if (texts instanceof DeflatedTexts) texts.inflateSoon();
    if (offsets.length !== SINGLE_IDS + header.pairCount + 1 || index.lengths.length !== articles.length) throw new Error('the index does not match the articles');
    return { status: 'hit', corpus: { articles, warnings, prepared: { index } } };
  } catch (error) {
    return { status: 'corrupt', reason: error instanceof Error ? error.message : String(error) };
  } finally {
    await handle.close();
  }
}

/** The sections in the order they were written, each read into a buffer of its own and checked. */
class SectionReader {
  private at = 0;

  constructor(
    private readonly handle: FileHandle,
    private position: number,
    private readonly headers: readonly SectionHeader[],
  ) {}

  get upcoming(): SectionHeader | undefined {
    return this.headers[this.at];
  }

  async next(name: string): Promise<Uint8Array> {
    const header = this.expect(name);
    const bytes = await readAt(this.handle, this.position, header.length);
    this.position += header.length;
    if (crc32(bytes) !== header.checksum) throw new Error(`section ${name} fails its checksum`);
    return bytes;
  }

  /** Passes a section by, saying where it lies, to be read later. */
  skip(name: string): SectionPlace {
    const header = this.expect(name);
    const place = { ...header, position: this.position };
    this.position += header.length;
    return place;
  }

  private expect(name: string): SectionHeader {
    const header = this.headers[this.at++];
    if (header?.name !== name) throw new Error(`section ${name} is missing`);
    return header;
  }
}

type SectionPlace = SectionHeader & { readonly position: number };

/** A chunk of articles' texts, joined. */
interface TextsChunk {
  readonly joined: string;
}

/** A chunk's joined texts, checked against the lengths its articles' fields say. */
function checkedTexts(joined: string, expected: number): string {
  if (joined.length !== expected) throw new Error('the texts do not match the articles');
  return joined;
}

/** A chunk's texts as read, deflated: inflated on libuv's threads, or at once if asked for before. */
class DeflatedTexts implements TextsChunk {
  private inflated: string | null = null;

  constructor(private deflated: Uint8Array | null) {}

  /** Inflates on libuv's threads; only once the file is read, since its reads wait for the same threads. */
  inflateSoon(): void {
    if (this.deflated === null) return;
    inflate(this.deflated).then(
      bytes => this.keep(bytes),
      () => {},
    );
  }

  get joined(): string {
    if (this.inflated === null) this.keep(inflateRawSync(this.deflated!));
    return this.inflated!;
  }

  private keep(bytes: Uint8Array): void {
    if (this.inflated !== null) return;
    this.inflated = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf16le');
    this.deflated = null;
  }
}

/**
 * A chunk's texts, read from the file the first time one is asked for. The file is read by name: a
 * cache replaced since (by a rebuild) fails the checksum, and the command says so.
 */
class TextsInFile implements TextsChunk {
  private read: string | null = null;

  constructor(
    private readonly file: string,
    private readonly place: SectionPlace,
  ) {}

  get joined(): string {
    if (this.read === null) {
      const bytes = Buffer.alloc(this.place.length);
      const descriptor = openSync(this.file, 'r');
      try {
        readSync(descriptor, bytes, 0, bytes.length, this.place.position);
      } finally {
        closeSync(descriptor);
      }
      if (crc32(bytes) !== this.place.checksum) throw new Error(`the start-up cache ${this.file} changed while it was read; run the command again`);
      this.read = inflateRawSync(bytes).toString('utf16le');
    }
    return this.read;
  }
}

/** The articles, each text a slice of its chunk's, taken when first asked for. */
function articlesOf(chunks: readonly { fields: unknown[][]; texts: TextsChunk }[], textLengths: Uint32Array): Article[] {
  const articles: Article[] = [];
  for (const { fields, texts } of chunks) {
    const first = articles.length;
    let total = 0;
    for (let at = first; at < first + fields.length; at++) total += textLengths[at] ?? 0;
    const chunk = { texts, total };
    let from = 0;
    for (const [id, title, date, source, url] of fields as [string, string, Article['date'], string, string?][]) {
      const length = textLengths[articles.length];
      if (length === undefined) throw new Error('the texts do not match the articles');
      articles.push(new CachedArticle(id, title, date, source, url, chunk, from, length));
      from += length;
    }
  }
  if (articles.length !== textLengths.length) throw new Error('the texts do not match the articles');
  return articles;
}

/** A chunk's texts with the length its articles' fields say they add up to. */
interface ChunkTexts {
  readonly texts: TextsChunk;
  readonly total: number;
}

/**
 * An article read from the cache, its text sliced from its chunk's when asked for. The text is an own
 * enumerable property, as a loaded article's is, so that copies and messages to worker threads take it
 * like any other field; its getter is one function shared by every article. An object literal with a
 * getter of its own was a dictionary of properties, a closure and its context per article: 670 bytes
 * of the collector's heap each, against 160.
 */
class CachedArticle implements Article {
  declare readonly text: string;
  declare readonly url?: string;
  readonly #chunk: ChunkTexts;
  readonly #start: number;
  readonly #length: number;

  constructor(
    readonly id: string,
    readonly title: string,
    readonly date: Article['date'],
    readonly source: string,
    url: string | undefined,
    chunk: ChunkTexts,
    start: number,
    length: number,
  ) {
    if (url !== undefined) this.url = url;
    this.#chunk = chunk;
    this.#start = start;
    this.#length = length;
    Object.defineProperty(this, 'text', TEXT_PROPERTY);
  }

  static textOf(article: CachedArticle): string {
    const { texts, total } = article.#chunk;
    return checkedTexts(texts.joined, total).slice(article.#start, article.#start + article.#length);
  }
}

const TEXT_PROPERTY: PropertyDescriptor = {
  get(this: CachedArticle) {
    return CachedArticle.textOf(this);
  },
  enumerable: true,
};

/** A section's checksum, a piece at a time with a turn of the event loop between: the library already answers. */
async function checksumOf(bytes: Uint8Array): Promise<number> {
  let checksum = 0;
  for (let at = 0; at < bytes.byteLength; at += CHECKSUM_PIECE) {
    checksum = crc32(bytes.subarray(at, at + CHECKSUM_PIECE), checksum);
    await turn();
  }
  return checksum;
}

function turn(): Promise<void> {
  return new Promise(resolve => setImmediate(resolve));
}

async function writeAll(handle: FileHandle, bytes: Uint8Array): Promise<void> {
  for (let at = 0; at < bytes.byteLength; at += IO_PIECE) {
    await handle.write(bytes, at, Math.min(IO_PIECE, bytes.byteLength - at));
  }
}

async function readAt(handle: FileHandle, position: number, length: number): Promise<Uint8Array> {
  const bytes = new Uint8Array(length);
  for (let at = 0; at < length; ) {
    const { bytesRead } = await handle.read(bytes, at, Math.min(IO_PIECE, length - at), position + at);
    if (bytesRead === 0) throw new Error('the file ends early');
    at += bytesRead;
  }
  return bytes;
}

function utf8(value: string): Uint8Array {
  return Buffer.from(value, 'utf8');
}

function utf16(value: string): Uint8Array {
  return Buffer.from(value, 'utf16le');
}

function text(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}

function bytesOf(array: Uint32Array | Int32Array): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

/** A typed array over a section read into a buffer of its own (so aligned), without copying it. */
function view<T>(bytes: Uint8Array, make: new (buffer: ArrayBuffer, offset: number, length: number) => T): T {
  if (bytes.byteLength % 4 !== 0) throw new Error('a typed section has a ragged length');
  return new make(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength / 4);
}
