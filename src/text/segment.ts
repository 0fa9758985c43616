import nodejieba from 'nodejieba';

const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/**
 * Words of folded (Simplified) text. nodejieba's dictionary is Simplified: on Traditional text it falls
 * apart into single characters, so callers always pass folded text.
 */
export function segmentWords(foldedText: string): string[] {
  return nodejieba.cut(foldedText, true).filter(word => WORD_CHARACTER.test(word));
}

/** Loads the segmenter's dictionaries now (about a second) rather than in the first user's command. */
export function warmUpSegmenter(): void {
  segmentWords('会议');
}
