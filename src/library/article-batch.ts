import type { Article } from '../corpus/article';

/**
 * Articles on their way from a build worker to the main thread: their texts as one run of UTF-16,
 * moved rather than copied, which the main thread turns into one string (kept outside the JavaScript
 * heap) and slices; the other fields as they are. Taking in a batch is then a few milliseconds, where
 * copying each text in took tens.
 */
export interface ArticleBatch {
  readonly fields: Omit<Article, 'text'>[];
  readonly texts: ArrayBuffer;
  readonly lengths: Uint32Array;
}

export function packBatch(articles: readonly Article[]): ArticleBatch {
  const joined = Buffer.from(articles.map(article => article.text).join(''), 'utf16le');
  // A buffer of its own: small buffers share a pool, which cannot be moved.
  const texts = new ArrayBuffer(joined.byteLength);
  new Uint8Array(texts).set(joined);
  return { fields: articles.map(({ text: _text, ...fields }) => fields), texts, lengths: Uint32Array.from(articles, article => article.text.length) };
}

export function unpackBatch(batch: ArticleBatch): Article[] {
  const joined = Buffer.from(batch.texts).toString('utf16le');
  let at = 0;
  return batch.fields.map((fields, position) => ({ ...fields, text: joined.slice(at, (at += batch.lengths[position]!)) }));
}

/** What moves with a batch. */
export function batchBuffers(batch: ArticleBatch): ArrayBuffer[] {
  return [batch.texts, batch.lengths.buffer as ArrayBuffer];
}
