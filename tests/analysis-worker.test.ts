import { appendFile, cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ArticleAnalyses } from '../src/analysis/analyses';
import { analyseArticle, isPartial } from '../src/analysis/analyse';
import { AnalysisPool } from '../src/analysis/pool';
import { BUNDLED_DATA_DIR } from '../src/config';
import { LiveLibrary } from '../src/library/live-library';
import { openLibrary } from '../src/library/open';
import { Library } from '../src/library/library';
import * as logging from '../src/log';
import { participantsReply } from '../src/replies/participants';
import { summaryReply } from '../src/replies/summary';
import { participantsJson } from '../src/terminal/json';
import { runWithin, TimeBudgetExceeded } from '../src/text/time-budget';
import { articleFrom, bundledLibrary } from './helpers';

/**
 * /participants and /summary analyse articles in worker threads, each attempt within a time budget, and
 * keep the answers across reloads. These tests share a pool of their own, closed at the end; each
 * ArticleAnalyses keeps its own answers.
 */

const workers = new AnalysisPool({ size: 1 });
const pools: AnalysisPool[] = [workers];
function pool(): AnalysisPool {
  return workers;
}

afterAll(async () => {
  await Promise.all(pools.map(made => made.close()));
});

afterEach(() => {
  vi.restoreAllMocks();
});

const OPENING = '3月1日，集團召開年度工作會議。黨委書記張偉主持會議。\n';
/** Names, titles and verbs with no stop for pages: slow to analyse, in time that grows with its length. */
const RUN = '黨委書記董事長張三主持會議並講話總經理李四出席會議副總經理王五參加會議學習貫徹精神';

function longArticle(id: string, characters: number) {
  return articleFrom(id, OPENING + RUN.repeat(Math.ceil(characters / RUN.length)));
}

describe('analysis in a worker', () => {
  it('gives the same answers as analysing on this thread, participants shared by the list and the meetings', async () => {
    const analyses = new ArticleAnalyses({ pool: pool() });
    const articles = [...(await bundledLibrary()).articles, longArticle('run', 20_000)];
    for (const article of articles) {
      const analysis = await analyses.analyse(article);
      expect(analysis).toEqual(analyseArticle(article));
      expect(isPartial(analysis)).toBe(false);
      for (const meeting of analysis.summary.meetings) for (const person of meeting.people) expect(analysis.participants.people).toContain(person);
    }
    expect(analyses.counts.computed).toBe(articles.length);
  });

  it('keeps the event loop free while a long article is analysed', async () => {
    const analyses = new ArticleAnalyses({ pool: pool(), budgetMs: 120_000 });
    await analyses.warmUp();
    const article = longArticle('long', 400_000);
    const delay = monitorEventLoopDelay({ resolution: 10 });
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    delay.enable();
    const started = performance.now();
    const analysis = await analyses.analyse(article);
    const elapsed = performance.now() - started;
    delay.disable();
    clearInterval(timer);
    const longestMs = delay.max / 1e6;
    process.stderr.write(`analysis of ${article.text.length} characters in a worker: ${Math.round(elapsed)} ms; event loop delay max ${longestMs.toFixed(1)} ms, mean ${(delay.mean / 1e6).toFixed(1)} ms; a 10 ms timer fired ${ticks} times\n`);
    expect(isPartial(analysis)).toBe(false);
    expect(analysis.participants.people.map(person => person.name)).toEqual(expect.arrayContaining(['張偉', '張三', '李四', '王五']));
    // Analysed on this thread, the loop would be held for all of `elapsed`: here it is held for moments.
    expect(longestMs).toBeLessThan(elapsed / 5);
    expect(ticks).toBeGreaterThan(elapsed / 10 / 4);
  });

  it('answers an article over its budget from an opening, saying so, in every locale', async () => {
    const analyses = new ArticleAnalyses({ pool: pool(), budgetMs: 250 });
    const warnings = vi.spyOn(logging.log, 'warn');
    const article = longArticle('huge', 400_000);
    const library = new Library([article], undefined, analyses);

    const analysis = await library.analyse(article);
    expect(isPartial(analysis)).toBe(true);
    expect(analysis.length).toBe(article.text.length);
    expect(analysis.analysed).toBeGreaterThanOrEqual(OPENING.length);
    expect(analysis.analysed).toBeLessThanOrEqual(article.text.length / 4);
    expect(warnings.mock.calls.some(([message]) => /took over 250 ms; analysing its first \d+ instead/.test(message))).toBe(true);
    // What the opening says is found: the chair, with the words that say so.
    const chair = analysis.summary.meetings[0]!.host!;
    expect(chair.name).toBe('張偉');
    expect(article.text.slice(...chair.evidence)).toContain('張偉主持會議');

    const shown = (n: number) => n.toLocaleString('en-US');
    const summary = await summaryReply(library, 'huge', 'en');
    expect(summary.cards[0]!.description).toContain(`*Only the first ${shown(analysis.analysed)} of ${shown(article.text.length)} characters were analysed: the whole article takes too long.*`);
    expect(summary.cards[1]!.fields.find(field => field.name === 'Chair')!.value).toBe('**張偉** · 黨委書記');
    expect((await participantsReply(library, 'huge', 'zh-CN')).cards[0]!.description).toContain(`仅分析了全文 ${shown(article.text.length)} 字中的前 ${shown(analysis.analysed)} 字：全文分析耗时过长。`);
    expect((await participantsReply(library, 'huge', 'zh-TW')).cards[0]!.description).toContain(`僅分析了全文 ${shown(article.text.length)} 字中的前 ${shown(analysis.analysed)} 字：全文分析耗時過長。`);
    expect(await participantsJson(library, article)).toMatchObject({ id: 'huge', partial: { analysed: analysis.analysed, length: article.text.length } });
    // Kept, as a whole answer is: asking again does not run into the budget again.
    expect(await library.analyse(article)).toBe(analysis);
    expect(analyses.counts.computed).toBe(1);
  });

  it('says nothing of a budget for an article analysed whole', async () => {
    const library = new Library((await bundledLibrary()).articles, undefined, new ArticleAnalyses({ pool: pool() }));
    const reply = await summaryReply(library, '000_5a4681f7358e924d', 'en');
    expect(reply.cards[0]!.description).not.toContain('were analysed');
    expect(await participantsJson(library, library.get('000_5a4681f7358e924d')!)).not.toHaveProperty('partial');
  });

  it('analyses an article once however many ask at the same time', async () => {
    const analyses = new ArticleAnalyses({ pool: pool() });
    const article = longArticle('asked', 50_000);
    const answers = await Promise.all(Array.from({ length: 5 }, () => analyses.analyse(article)));
    expect(new Set(answers).size).toBe(1);
    expect(analyses.counts.computed).toBe(1);
  });

  it('analyses on this thread, with a warning, when no worker can start', async () => {
    const broken = new AnalysisPool({ entry: new URL('./no-such-worker.mjs', import.meta.url) });
    pools.push(broken);
    const warnings = vi.spyOn(logging.log, 'warn');
    const analyses = new ArticleAnalyses({ pool: broken });
    const article = (await bundledLibrary()).get('000_5a4681f7358e924d')!;
    expect(await analyses.analyse(article)).toEqual(analyseArticle(article));
    expect(warnings.mock.calls.some(([message]) => /the analysis worker could not start; articles are analysed on the main thread/.test(message))).toBe(true);
    // Until the retry time, without trying to start a worker again for every article.
    warnings.mockClear();
    const other = (await bundledLibrary()).get('004_62825ae384032cb4')!;
    expect(await analyses.analyse(other)).toEqual(analyseArticle(other));
    expect(warnings).not.toHaveBeenCalled();
  });

  it('keeps no more results than it is allowed, dropping the least recently used', async () => {
    const analyses = new ArticleAnalyses({ pool: null, maxEntries: 2 });
    const [first, second, third] = (await bundledLibrary()).articles;
    await analyses.analyse(first!);
    await analyses.analyse(second!);
    await analyses.analyse(first!);
    await analyses.analyse(third!);
    expect(analyses.peek(first!)).toBeDefined();
    expect(analyses.peek(second!)).toBeUndefined();
    expect(analyses.peek(third!)).toBeDefined();
  });
});

describe('analyses across reloads', () => {
  let corpus: string;

  beforeEach(async () => {
    corpus = join(await mkdtemp(join(tmpdir(), 'analyses-')), 'corpus');
    await cp(BUNDLED_DATA_DIR, corpus, { recursive: true });
  });

  afterEach(async () => {
    await rm(join(corpus, '..'), { recursive: true, force: true });
  });

  it('are kept for an article the reload left unchanged, and computed again for one it changed', async () => {
    const analyses = new ArticleAnalyses({ pool: pool() });
    const live = new LiveLibrary(await openLibrary(corpus, null, analyses), corpus);
    const before = live.library;
    const unchanged = await live.library.analyse(live.library.get('000_5a4681f7358e924d')!);
    const edited = await live.library.analyse(live.library.get('001_d409caa57de1005b')!);
    expect(analyses.counts.computed).toBe(2);

    await appendFile(join(corpus, '001_d409caa57de1005b.txt'), '\n會上，副院長王新出席並講話。');
    await writeFile(join(corpus, 'added.txt'), '集團召開座談會。');
    await live.reload();
    expect(live.library).not.toBe(before);
    expect(live.library.get('000_5a4681f7358e924d')).not.toBe(before.get('000_5a4681f7358e924d'));

    // Ready at once, the same answer: not computed again.
    expect(live.library.analysed(live.library.get('000_5a4681f7358e924d')!)).toBe(unchanged);
    expect(await live.library.analyse(live.library.get('000_5a4681f7358e924d')!)).toBe(unchanged);
    expect(analyses.counts.computed).toBe(2);
    // The edited article is analysed again, and its answer has the new participant.
    expect(live.library.analysed(live.library.get('001_d409caa57de1005b')!)).toBeUndefined();
    const again = await live.library.analyse(live.library.get('001_d409caa57de1005b')!);
    expect(again).not.toBe(edited);
    expect(again.participants.people.map(person => person.name)).toContain('王新');
    expect(analyses.counts.computed).toBe(3);
  });
});

describe('the time budget', () => {
  it('stops an analysis that runs over from inside, so that no thread is ever stopped at work', async () => {
    const article = longArticle('over', 400_000);
    expect(() => runWithin(50, () => analyseArticle(article))).toThrow(TimeBudgetExceeded);
    // The same worker answers the next article: it stopped itself instead of being stopped.
    const first = await pool().run(article, article.text.length, 50);
    expect(first.kind).toBe('over-budget');
    const next = await pool().run(articleFrom('short', '3月1日，集團召開會議。黨委書記張偉主持會議。'), 100, 5_000);
    expect(next.kind).toBe('done');
  });

  it('holds on this thread too, where no worker can start', async () => {
    const analyses = new ArticleAnalyses({ pool: null, budgetMs: 100 });
    const analysis = await analyses.analyse(longArticle('here', 400_000));
    expect(isPartial(analysis)).toBe(true);
  });
});
