import { segmentWords } from '../text/segment';
import { fold } from '../text/fold';

/**
 * The terms minisearch indexes and looks up: folded (so either script, any width), Chinese cut into
 * words by the segmenter, and runs of letters, digits, hyphens and underscores kept whole, so that a
 * date (2023-09-05) completes from its start.
 */
const RUN = /\p{Script=Han}+|[\p{L}\p{N}][\p{L}\p{N}_-]*/gu;
const HAN = /^\p{Script=Han}/u;

export function terms(text: string): string[] {
  const found: string[] = [];
  // Folding drops whitespace, which still separates terms here.
  for (const piece of text.split(/\s+/u)) {
    for (const [run] of fold(piece).matchAll(RUN)) {
      if (HAN.test(run)) found.push(...segmentWords(run));
      else found.push(run);
    }
  }
  return found;
}
