import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { PreparedIndex } from './library';
import type { Article, CorpusWarning } from '../corpus/article';
import { makeFolder } from '../storage/cache-folder';
import { replaceFile } from '../storage/replace-file';

/**
 * The start-up cache: the cleaned articles, their folded texts and the phrase index, written after a
 * build and read back at the next start when nothing has changed (see storage/corpus-key); a checksum
 * over the whole payload means a damaged file is never trusted.
 */

/** The file format; a cache in an older format is rebuilt like a stale one. */
const MAGIC = 'MRB2';

export interface CachedCorpus {
  readonly articles: Article[];
  readonly warnings: CorpusWarning[];
  readonly prepared: PreparedIndex;
}

type Section = { name: string; bytes: Uint8Array };

export async function writeCache(file: string, key: string, corpus: CachedCorpus): Promise<void> {
  const { articles, warnings, prepared } = corpus;
  const metadata = articles.map(({ id, title, date, source, url }) => ({ id, title, date, source, ...(url === undefined ? {} : { url }) }));
  const sections: Section[] = [
    { name: 'metadata', bytes: Buffer.from(JSON.stringify({ metadata, warnings }), 'utf8') },
    ...stringsSection('texts', articles.map(article => article.text)),
    ...stringsSection('folded', prepared.foldedTexts),
    { name: 'pairKeys', bytes: bytesOf(prepared.index.pairKeys) },
    { name: 'pairIds', bytes: bytesOf(prepared.index.pairIds) },
    { name: 'offsets', bytes: bytesOf(prepared.index.offsets) },
    { name: 'postings', bytes: bytesOf(prepared.index.postings) },
    { name: 'positionOffsets', bytes: bytesOf(prepared.index.positionOffsets) },
    { name: 'positionStarts', bytes: bytesOf(prepared.index.positionStarts) },
    { name: 'positions', bytes: bytesOf(prepared.index.positions) },
    { name: 'characterCounts', bytes: bytesOf(prepared.index.characterCounts) },
  ];
  // Every section starts on a 4-byte boundary, so that typed arrays can be read in place. Sections are
  // hashed and written one by one rather than joined, which would double the memory a build needs.
  const hash = createHash('sha256');
  for (const section of sections) hash.update(section.bytes).update(Buffer.alloc(padding(section.bytes.byteLength)));
  const header = Buffer.from(
    JSON.stringify({
      key,
      pairCount: prepared.index.pairCount,
      sections: sections.map(section => ({ name: section.name, length: section.bytes.byteLength })),
      checksum: hash.digest('hex'),
    }),
    'utf8',
  );
  const paddedHeader = Buffer.concat([header, Buffer.alloc(padding(header.byteLength), 0x20)]);
  const length = Buffer.alloc(4);
  length.writeUInt32LE(paddedHeader.byteLength);
  await makeFolder(dirname(file));
  await replaceFile(file, async handle => {
    await handle.write(Buffer.concat([Buffer.from(MAGIC), length, paddedHeader]));
    for (const section of sections) {
      await handle.write(section.bytes);
      await handle.write(Buffer.alloc(padding(section.bytes.byteLength)));
    }
  });
}

export type CacheRead = { status: 'hit'; corpus: CachedCorpus } | { status: 'missing' | 'stale' } | { status: 'corrupt'; reason: string };

export async function readCache(file: string, key: string): Promise<CacheRead> {
  let data: Buffer;
  try {
    data = await readFile(file);
  } catch {
    return { status: 'missing' };
  }
  try {
    const magic = data.subarray(0, 4).toString('latin1');
    if (magic !== MAGIC) return magic.startsWith('MRB') ? { status: 'stale' } : { status: 'corrupt', reason: 'not a cache file' };
    const headerLength = data.readUInt32LE(4);
    const header = JSON.parse(data.subarray(8, 8 + headerLength).toString('utf8')) as {
      key: string;
      pairCount: number;
      sections: { name: string; length: number }[];
      checksum: string;
    };
    if (header.key !== key) return { status: 'stale' };
    const payload = data.subarray(8 + headerLength);
    if (createHash('sha256').update(payload).digest('hex') !== header.checksum) return { status: 'corrupt', reason: 'checksum mismatch' };
    const sections = new Map<string, Buffer>();
    let at = 0;
    for (const { name, length } of header.sections) {
      sections.set(name, payload.subarray(at, at + length));
      at += length + padding(length);
    }
    const section = (name: string) => {
      const bytes = sections.get(name);
      if (!bytes) throw new Error(`section ${name} is missing`);
      return bytes;
    };
    const { metadata, warnings } = JSON.parse(section('metadata').toString('utf8')) as { metadata: Omit<Article, 'text'>[]; warnings: CorpusWarning[] };
    const texts = readStrings(section('texts'), section('texts.offsets'));
    const foldedTexts = readStrings(section('folded'), section('folded.offsets'));
    if (texts.length !== metadata.length || foldedTexts.length !== metadata.length) throw new Error('section lengths disagree');
    return {
      status: 'hit',
      corpus: {
        articles: metadata.map((article, position) => ({ ...article, text: texts[position]! })),
        warnings,
        prepared: {
          foldedTexts,
          index: {
            pairKeys: view(section('pairKeys'), uint32),
            pairIds: view(section('pairIds'), int32),
            pairCount: header.pairCount,
            offsets: view(section('offsets'), uint32),
            postings: view(section('postings'), uint32),
            positionOffsets: view(section('positionOffsets'), uint32),
            positionStarts: view(section('positionStarts'), uint32),
            positions: view(section('positions'), uint32),
            characterCounts: bytesView(section('characterCounts')),
          },
        },
      },
    };
  } catch (error) {
    return { status: 'corrupt', reason: error instanceof Error ? error.message : String(error) };
  }
}

/** Strings as one UTF-16 run and the offsets between them. */
function stringsSection(name: string, strings: readonly string[]): Section[] {
  const offsets = new Uint32Array(strings.length + 1);
  strings.forEach((text, position) => (offsets[position + 1] = offsets[position]! + text.length));
  return [
    { name, bytes: Buffer.from(strings.join(''), 'utf16le') },
    { name: `${name}.offsets`, bytes: bytesOf(offsets) },
  ];
}

function readStrings(bytes: Buffer, offsetBytes: Buffer): string[] {
  const joined = bytes.toString('utf16le');
  const offsets = view(offsetBytes, uint32);
  if (offsets[offsets.length - 1] !== joined.length) throw new Error('string offsets do not match the text');
  return Array.from({ length: offsets.length - 1 }, (_, position) => joined.slice(offsets[position]!, offsets[position + 1]!));
}

function bytesOf(array: Uint32Array | Int32Array | Uint8Array): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

function padding(length: number): number {
  return (4 - (length % 4)) % 4;
}

/** A typed array over a section of the file as read, without copying it where it is aligned. */
function view<T extends Uint32Array | Int32Array>(bytes: Buffer, make: (buffer: ArrayBuffer, offset: number, length: number) => T): T {
  if (bytes.byteLength % 4 !== 0) throw new Error('a typed section has a ragged length');
  if (bytes.byteOffset % 4 === 0) return make(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength / 4);
  return make(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer, 0, bytes.byteLength / 4);
}

/** A byte section as a plain Uint8Array over the file as read, without copying. */
function bytesView(bytes: Buffer): Uint8Array {
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

const uint32 = (buffer: ArrayBuffer, offset: number, length: number) => new Uint32Array(buffer, offset, length);
const int32 = (buffer: ArrayBuffer, offset: number, length: number) => new Int32Array(buffer, offset, length);
