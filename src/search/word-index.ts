import MiniSearch from 'minisearch';
import { segmentWords } from '../text/segment';

/**
 * Ranking by words, for what exact matching cannot do: naming the closest articles when no article
 * contains a phrase. Documents are indexed by their folded title and text, cut into words.
 */
export class WordIndex {
  private readonly index: MiniSearch<{ id: number; title: string; text: string }>;

  constructor(documents: readonly { title: string; text: string }[]) {
    this.index = new MiniSearch({
      fields: ['title', 'text'],
      tokenize: segmentWords,
      processTerm: term => term,
      searchOptions: { boost: { title: 2 }, combineWith: 'OR' },
    });
    this.index.addAll(documents.map((document, id) => ({ id, ...document })));
  }

  /** Positions of the documents closest to the folded query, best first. */
  closest(foldedQuery: string, limit: number): number[] {
    return this.index
      .search(foldedQuery)
      .slice(0, limit)
      .map(result => result.id as number);
  }
}
