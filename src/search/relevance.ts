/**
 * Okapi BM25 over what the phrase index already knows, so that ranking reads no text: for each phrase
 * of a search (the phrase and every `also` phrase), its mentions in the article, how many articles
 * mention it, and the article's length in folded characters. A phrase in the title counts as
 * TITLE_WEIGHT more mentions, since a title names what the article is about.
 *
 *   score = Σ idf · tf·(k1 + 1) / (tf + k1·(1 − b + b·length/averageLength))
 *   idf   = ln(1 + (articles − df + 0.5) / (df + 0.5))
 *
 * with the usual k1 = 1.2 and b = 0.75: mentions count less and less, and a long article needs more of
 * them than a short one to rank as high.
 */
const K1 = 1.2;
const B = 0.75;
const TITLE_WEIGHT = 3;

/** One phrase as it stands in one article. */
export interface PhraseInArticle {
  readonly mentions: number;
  readonly inTitle: boolean;
  /** How many articles of the corpus mention the phrase. */
  readonly documentFrequency: number;
}

export function bm25(phrases: readonly PhraseInArticle[], length: number, averageLength: number, articleCount: number): number {
  const norm = K1 * (1 - B + (B * length) / (averageLength || 1));
  let score = 0;
  for (const { mentions, inTitle, documentFrequency } of phrases) {
    const tf = mentions + (inTitle ? TITLE_WEIGHT : 0);
    const idf = Math.log(1 + (articleCount - documentFrequency + 0.5) / (documentFrequency + 0.5));
    score += (idf * tf * (K1 + 1)) / (tf + norm);
  }
  return score;
}
