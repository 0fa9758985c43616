import type { Article } from '../corpus/article';

/**
 * Articles longer than this take about a second or more to analyse the first time (measured: 0.9 s for
 * a million characters), so answers about them are deferred: Discord drops answers that take over 3 seconds.
 */
const DEFER_ABOVE_CHARACTERS = 200_000;

export function mustDefer(article: Article | undefined): boolean {
  return (article?.text.length ?? 0) > DEFER_ABOVE_CHARACTERS;
}
