import { basename, extname } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { redact } from '../log';
import { parseRecordDate } from '../text/dates';
import type { Article, CorpusWarning } from './article';
import { cleanArticleText, deriveDate, deriveTitle } from './clean';
import { decodeArticleFile } from './decode';
import { describeError, listCorpusFiles, readCorpusFile, type CorpusFile } from './files';

export interface LoadedCorpus {
  readonly articles: Article[];
  readonly warnings: CorpusWarning[];
}

export interface SizeLimits {
  /** One article: a .txt or .md file, or one JSONL record (its line, in UTF-8). Larger is not an article. */
  readonly articleBytes: number;
  /** A collection of JSONL records may be large, but not unbounded: a .jsonl file, or a .jsonl.gz once decompressed. */
  readonly collectionBytes: number;
}

export const SIZE_LIMITS: SizeLimits = { articleBytes: 5 * 1024 * 1024, collectionBytes: 1024 * 1024 * 1024 };

/**
 * Loads every article of a corpus folder: .txt and .md files (one article each, id = file name) and
 * .jsonl or .jsonl.gz files (one `{"id", "title"?, "date"?, "url"?, "text"}` record a line). What cannot be
 * read is skipped with a warning naming the file and line; the rest loads.
 */
export async function loadCorpus(directory: string, limits: SizeLimits = SIZE_LIMITS): Promise<LoadedCorpus> {
  const warnings: CorpusWarning[] = [];
  let files: CorpusFile[];
  try {
    files = await listCorpusFiles(directory, warnings);
  } catch (error) {
    return { articles: [], warnings: [{ file: directory, message: `cannot read the corpus folder: ${describeError(error)}` }] };
  }

  const articles: Article[] = [];
  const seen = new Map<string, string>();
  const accept = (article: Article, line?: number) => {
    const earlier = seen.get(article.id);
    if (earlier !== undefined) {
      warnings.push({ file: article.source, line, message: `id "${article.id}" is already used by ${earlier}; skipped` });
      return;
    }
    seen.set(article.id, article.source);
    articles.push(article);
  };

  for (const file of files) {
    const bytes = await readOrWarn(file, file.kind === 'article' ? limits.articleBytes : limits.collectionBytes, warnings);
    if (!bytes) continue;
    if (file.kind === 'article') {
      const article = articleFromFile(file.path, bytes, warnings);
      if (article) accept(article);
    } else {
      readRecords(file.path, file.kind === 'jsonl.gz' ? gunzip(file.path, bytes, limits.collectionBytes, warnings) : bytes, limits.articleBytes, warnings, accept);
    }
  }
  return { articles, warnings };
}

async function readOrWarn(file: CorpusFile, maxBytes: number, warnings: CorpusWarning[]): Promise<Uint8Array | null> {
  try {
    const read = await readCorpusFile(file, maxBytes);
    if (typeof read !== 'string') return read;
    warnings.push({ file: file.path, message: `${read}; skipped` });
  } catch (error) {
    warnings.push({ file: file.path, message: `cannot read: ${describeError(error)}; skipped` });
  }
  return null;
}

function articleFromFile(path: string, bytes: Uint8Array, warnings: CorpusWarning[]): Article | null {
  const decoded = decodeArticleFile(bytes);
  if (!decoded.ok) {
    warnings.push({ file: path, message: `${decoded.reason}; skipped` });
    return null;
  }
  const name = basename(path);
  return makeArticle({ id: name.slice(0, name.length - extname(name).length), text: decoded.text, source: path }, path, warnings);
}

function gunzip(path: string, bytes: Uint8Array, maxBytes: number, warnings: CorpusWarning[]): Uint8Array | null {
  try {
    // A few megabytes of gzip can hold gigabytes: the collection limit applies to what comes out.
    return gunzipSync(bytes, { maxOutputLength: maxBytes });
  } catch (error) {
    const tooLarge = error instanceof RangeError && 'code' in error && error.code === 'ERR_BUFFER_TOO_LARGE';
    warnings.push({ file: path, message: tooLarge ? `decompresses to more than the ${maxBytes}-byte limit; skipped` : `not a readable gzip file: ${describeError(error)}; skipped` });
    return null;
  }
}

function readRecords(path: string, bytes: Uint8Array | null, maxRecordBytes: number, warnings: CorpusWarning[], accept: (article: Article, line: number) => void): void {
  if (!bytes) return;
  const decoded = decodeArticleFile(bytes);
  if (!decoded.ok) {
    warnings.push({ file: path, message: `${decoded.reason}; skipped` });
    return;
  }
  const lines = decoded.text.split('\n');
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    const lineNumber = index + 1;
    // A record is one article, held to the same limit as an article file.
    const size = Buffer.byteLength(line, 'utf8');
    if (size > maxRecordBytes) {
      warnings.push({ file: path, line: lineNumber, message: `${size} bytes is larger than the ${maxRecordBytes}-byte limit for one article; line skipped` });
      return;
    }
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch {
      warnings.push({ file: path, line: lineNumber, message: 'not valid JSON; line skipped' });
      return;
    }
    const fields = record as Record<string, unknown> | null;
    if (!fields || typeof fields !== 'object' || typeof fields.text !== 'string' || (typeof fields.id !== 'string' && typeof fields.id !== 'number')) {
      warnings.push({ file: path, line: lineNumber, message: 'a record needs a string "id" and a string "text"; line skipped' });
      return;
    }
    const article = makeArticle(
      {
        id: String(fields.id),
        text: fields.text,
        title: typeof fields.title === 'string' ? fields.title : undefined,
        date: fields.date,
        url: typeof fields.url === 'string' && fields.url.trim() !== '' ? fields.url.trim() : undefined,
        source: path,
      },
      path,
      warnings,
      lineNumber,
    );
    if (article) accept(article, lineNumber);
  });
}

interface RawArticle {
  id: string;
  text: string;
  source: string;
  title?: string;
  date?: unknown;
  url?: string;
}

/**
 * An article as replies will show it. The secrets the logs blank out (the bot token) are blanked out
 * here too, before anything is indexed, quoted or clipped: whatever a file in the corpus says, no reply
 * can hold them, not even in part.
 */
function makeArticle(raw: RawArticle, path: string, warnings: CorpusWarning[], line?: number): Article | null {
  const id = redact(raw.id.trim());
  const text = redact(cleanArticleText(raw.text));
  if (id === '') {
    warnings.push({ file: path, line, message: 'the article has an empty id; skipped' });
    return null;
  }
  if (text === '') {
    warnings.push({ file: path, line, message: 'the article has no text; skipped' });
    return null;
  }
  const title = raw.title?.trim() ? redact(cleanArticleText(raw.title)) : deriveTitle(text);
  const date = parseRecordDate(raw.date) ?? deriveDate(text);
  return { id, title, date, text, source: raw.source, ...(raw.url === undefined ? {} : { url: redact(raw.url) }) };
}
