import type { WrittenDate } from '../text/dates';

/** One article of the corpus, cleaned for display and analysis. */
export interface Article {
  readonly id: string;
  readonly title: string;
  readonly date: WrittenDate | null;
  /** The article's own text with the scraper's pinyin annotations removed. */
  readonly text: string;
  /** Where the article was published, when the corpus record says (JSONL `url`). */
  readonly url?: string;
  /** File the article came from, for warnings and logs. */
  readonly source: string;
}

/** Something in the corpus that was skipped or repaired, said in a way a person can act on. */
export interface CorpusWarning {
  readonly file: string;
  readonly line?: number;
  readonly message: string;
}
