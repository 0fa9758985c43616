import { constants } from 'node:fs';
import { open, readdir, realpath } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, sep } from 'node:path';
import type { CorpusWarning } from './article';

type FileKind = 'article' | 'jsonl' | 'jsonl.gz';

export interface CorpusFile {
  readonly name: string;
  readonly kind: FileKind;
  /** The path in the corpus folder, for warnings and as the articles' source. */
  readonly path: string;
  /** Where it really is: the path itself, or inside the folder where a symbolic link leads. */
  readonly real: string;
}

const ARTICLE_EXTENSIONS = new Set(['.txt', '.md']);

/** What a corpus folder's file holds, judged by its name; null for files that are not the corpus's. */
function kindOf(name: string): FileKind | null {
  if (name.endsWith('.jsonl.gz')) return 'jsonl.gz';
  const extension = extname(name).toLowerCase();
  if (extension === '.jsonl') return 'jsonl';
  return ARTICLE_EXTENSIONS.has(extension) ? 'article' : null;
}

/**
 * The corpus folder's files, sorted by name and confined to the folder: a symbolic link counts only
 * when it leads inside it, so that no file elsewhere on the machine (passwd.txt → /etc/passwd, a
 * .env) can become a searchable article. A link that leaves, loops or leads nowhere is a warning.
 * Throws when the folder itself cannot be read.
 */
export async function listCorpusFiles(directory: string, warnings: CorpusWarning[]): Promise<CorpusFile[]> {
  const names = (await readdir(directory)).sort();
  const root = await realpath(directory);
  const files: CorpusFile[] = [];
  for (const name of names) {
    const kind = kindOf(name);
    if (!kind) continue;
    const path = join(directory, name);
    let real: string;
    try {
      real = await realpath(path);
    } catch (error) {
      warnings.push({ file: path, message: `cannot read: ${describeError(error)}; skipped` });
      continue;
    }
    const inside = relative(root, real);
    if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) {
      warnings.push({ file: path, message: `links to ${real}, outside the corpus folder; skipped` });
      continue;
    }
    files.push({ name, kind, path, real });
  }
  return files;
}

/**
 * A corpus file's bytes, or why it is not read: not a regular file, or larger than `maxBytes`. The
 * place checked by listCorpusFiles is opened without following a link put there since (O_NOFOLLOW),
 * and without waiting on a FIFO (O_NONBLOCK); its size and type come from that same open file.
 */
export async function readCorpusFile(file: CorpusFile, maxBytes: number): Promise<Uint8Array | string> {
  const handle = await open(file.real, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  try {
    const info = await handle.stat();
    if (!info.isFile()) return 'not a regular file';
    if (info.size > maxBytes) return `${info.size} bytes is larger than the ${maxBytes}-byte limit`;
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

/** An fs error as "CODE message", once. */
export function describeError(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') {
    const message = 'message' in error && typeof error.message === 'string' ? error.message : '';
    return message.includes(error.code) ? message : `${error.code} ${message}`.trim();
  }
  return error instanceof Error ? error.message : String(error);
}
