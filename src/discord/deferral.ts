import type { Article } from '../corpus/article';
import type { Library } from '../library/library';

/**
 * Articles longer than this may take a second or more to analyse the first time (measured: 0.9 s for a
 * million characters of news, more for text built to be slow), so answers about them are deferred at
 * once: Discord drops answers that take over 3 seconds.
 */
const DEFER_ABOVE_CHARACTERS = 200_000;
/** How long an answer waits for an analysis before telling Discord that it is coming. */
const ANSWER_WITHIN_MS = 1000;

/**
 * Whether the answer about an article must be deferred: not when its analysis is ready; at once when
 * the article is long; else when the analysis, started here in a worker, is not done within a second
 * (the worker may be starting, or busy with another article). The event loop is free meanwhile.
 */
export async function mustDefer(library: Library, article: Article | undefined): Promise<boolean> {
  if (!article || library.analysed(article)) return false;
  if (article.text.length > DEFER_ABOVE_CHARACTERS) return true;
  return !(await settlesWithin(library.analyse(article), ANSWER_WITHIN_MS));
}

/** Whether the promise settles, either way, within ms. */
function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  return new Promise(resolve => {
    const timer = setTimeout(() => resolve(false), ms);
    const settled = () => {
      clearTimeout(timer);
      resolve(true);
    };
    promise.then(settled, settled);
  });
}
