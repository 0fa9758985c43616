import { createHash } from 'node:crypto';
import type { Article } from '../corpus/article';
import type { Library } from '../library/library';
import { DISCORD_LIMITS } from '../replies/limits';

/**
 * Buttons about an article name it in their custom id, so they keep working after a restart and need
 * no memory. An id that fits is written as it is (`@000_5a4681f7358e924d`); a longer one as a digest
 * of it (`#` and 22 characters), found again by hashing the library's ids. Either way the article is
 * only ever looked up among the library's own ids, so an id someone forges reads nothing else.
 */
const INLINE = '@';
const DIGEST = '#';

/** `prefix` followed by the article's key, within Discord's 100 characters when the prefix is short. */
export function customIdFor(prefix: string, articleId: string): string {
  const inline = `${prefix}${INLINE}${articleId}`;
  return inline.length <= DISCORD_LIMITS.customId ? inline : `${prefix}${DIGEST}${digestOf(articleId)}`;
}

/** The article a key written by customIdFor names, if the library still holds it. */
export function articleForKey(library: Library, key: string): Article | undefined {
  if (key.startsWith(INLINE)) return library.get(key.slice(INLINE.length));
  if (key.startsWith(DIGEST)) {
    const id = idsByDigest(library).get(key.slice(DIGEST.length));
    return id === undefined ? undefined : library.get(id);
  }
  return undefined;
}

function digestOf(articleId: string): string {
  return createHash('sha256').update(articleId).digest('base64url').slice(0, 22);
}

/** Built on the first long key a library is asked for, and dropped with the library when a reload replaces it. */
const digestIndexes = new WeakMap<Library, ReadonlyMap<string, string>>();

function idsByDigest(library: Library): ReadonlyMap<string, string> {
  let index = digestIndexes.get(library);
  if (!index) {
    index = new Map(library.articles.map(article => [digestOf(article.id), article.id]));
    digestIndexes.set(library, index);
  }
  return index;
}
