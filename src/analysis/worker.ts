import { parentPort } from 'node:worker_threads';
import type { Article } from '../corpus/article';
import { warmUpSegmenter } from '../text/segment';
import { runWithin, TimeBudgetExceeded } from '../text/time-budget';
import type { SummaryScope } from '../meetings/summarize';
import { analyseArticle } from './analyse';

/** A request to the analysis worker: analyse the article's first `upTo` characters within `budgetMs`. */
export interface AnalysisRequest {
  readonly job: number;
  readonly article: Article;
  readonly upTo: number;
  readonly budgetMs: number;
  readonly scope: SummaryScope;
}

export type AnalysisResponse =
  | { readonly ready: true }
  | { readonly job: number; readonly analysis: ReturnType<typeof analyseArticle> }
  | { readonly job: number; readonly overBudget: true }
  | { readonly job: number; readonly error: string };

/** A short report of the genre, analysed before the worker says it is ready. */
const SAMPLE = '2023年3月1日，集团召开年度工作会议。党委书记、董事长张伟主持会议并讲话，总经理李强出席。会议强调，一是统一思想；二是狠抓落实。';

/**
 * Analyses articles off the main thread, one at a time, for as long as the pool keeps it. It says it is
 * ready once the dictionaries (the segmenter's, and the word list read from it) are loaded and the
 * analysis has run once, so that no article's time budget pays for starting up.
 */
warmUpSegmenter();
analyseArticle({ id: 'sample', title: '', date: null, text: SAMPLE, source: '' });
const port = parentPort!;
port.on('message', ({ job, article, upTo, budgetMs, scope }: AnalysisRequest) => {
  let response: AnalysisResponse;
  try {
    response = { job, analysis: runWithin(budgetMs, () => analyseArticle(article, upTo, scope)) };
  } catch (error) {
    if (error instanceof TimeBudgetExceeded) response = { job, overBudget: true };
    else response = { job, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  port.postMessage(response);
});
port.postMessage({ ready: true } satisfies AnalysisResponse);
