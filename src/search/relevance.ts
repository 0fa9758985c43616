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

/**
 * Scores articles for the phrases of one search: each phrase's idf and the corpus's average length are
 * worked out once, so that scoring tens of thousands of hits is arithmetic alone.
 */
export class Bm25Scorer {
  private readonly idfs: Float64Array;

  /** `documentFrequencies`: for each phrase, how many articles of the corpus mention it. */
  constructor(
    documentFrequencies: readonly number[],
    articleCount: number,
    private readonly averageLength: number,
  ) {
    this.idfs = Float64Array.from(documentFrequencies, frequency => Math.log(1 + (articleCount - frequency + 0.5) / (frequency + 0.5)));
  }

  /** An article's score from its length and, for each phrase in order, its mentions and whether its title names it. */
  score(length: number, mentions: ArrayLike<number>, inTitle: ArrayLike<boolean>): number {
    const norm = K1 * (1 - B + (B * length) / (this.averageLength || 1));
    let score = 0;
    for (let phrase = 0; phrase < this.idfs.length; phrase++) {
      const tf = mentions[phrase]! + (inTitle[phrase] ? TITLE_WEIGHT : 0);
      score += (this.idfs[phrase]! * tf * (K1 + 1)) / (tf + norm);
    }
    return score;
  }
}
