import { execFile } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Library } from '../src/library/library';
import { LivePeople, type PeopleIndex } from '../src/library/live-people';
import { labelsFor } from '../src/replies/labels';
import { personChoiceName, personReply } from '../src/replies/person';

/**
 * /person's part of `npm run bench`: the people index built from nothing in a fresh process (in worker
 * threads, after the library is ready) and read back from its cache in another, with the resident
 * memory before and after and the event loop's delay meanwhile; then /person and its autocomplete
 * answered for names and typed starts of every kind, timed as the phrase searches are.
 */

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '..');
/** Typed as a user types: one character, a surname and given name, organisations, a name with one wrong, nothing. */
const TYPED = ['李', '王', '习', '李强', '王沪', '王滬寧', '國務院', '外交部', '泽连斯', '澤連司基', '主任', '', '量子'];
/** Names no one in the corpus bears, answered with the closest instead. */
const ABSENT = ['不存在者', '張三豐'];

export interface PersonFigures {
  readonly workers: number;
  readonly people: number;
  readonly buildMs: number;
  readonly buildLoopMaxMs: number;
  readonly buildLoopP99Ms: number;
  readonly readyMs: number;
  readonly cachedPeopleMs: number;
  readonly cachedLoopMaxMs: number;
  readonly rssReadyMb: number;
  readonly rssWithPeopleMb: number;
  readonly person: { p50Ms: number; p99Ms: number };
  readonly autocomplete: { p50Ms: number; p99Ms: number };
}

export async function benchPerson(corpus: string, cache: string, library: Library, repeats: number): Promise<PersonFigures> {
  const build = await startPeople(corpus, cache);
  const cached = await startPeople(corpus, cache);
  // In this process, from the cache the first start wrote.
  const live = new LivePeople({ library }, { dataDirectory: corpus, cacheDirectory: cache });
  await live.refresh();
  const index = await live.ready();
  const names = [...index.directory.entries.slice(0, 10), ...index.directory.entries.slice(-10)].map(entry => entry.name).concat(ABSENT);
  const status = { kind: 'ready' as const, ...index };
  const person = timed(names, repeats, name => personReply(status, name, 0, 'zh-CN'));
  const autocomplete = timed(TYPED, repeats, typed => suggest(index, typed));
  return {
    workers: availableParallelism(),
    people: build.people,
    buildMs: Math.round(build.peopleMs),
    buildLoopMaxMs: Math.round(build.loopMaxMs),
    buildLoopP99Ms: Math.round(build.loopP99Ms),
    readyMs: Math.round(cached.readyMs),
    cachedPeopleMs: Math.round(cached.peopleMs),
    cachedLoopMaxMs: Math.round(cached.loopMaxMs),
    rssReadyMb: Math.round(cached.rssReadyMb),
    rssWithPeopleMb: Math.round(cached.rssPeopleMb),
    person,
    autocomplete,
  };
}

/** What autocomplete does for a keystroke: the people, and each as a choice. */
function suggest(index: PeopleIndex, typed: string) {
  const labels = labelsFor('zh-CN');
  return index.search.suggest(typed, 25).map(entry => personChoiceName(entry, 'simplified', labels));
}

/** p50 and p99 of an action over inputs, each run once untimed first, then `repeats` times. */
function timed<T>(inputs: readonly T[], repeats: number, action: (input: T) => unknown): { p50Ms: number; p99Ms: number } {
  const samples: number[] = [];
  for (const input of inputs) {
    action(input);
    for (let round = 0; round < repeats; round++) {
      const started = performance.now();
      action(input);
      samples.push(performance.now() - started);
    }
  }
  samples.sort((a, b) => a - b);
  const at = (p: number) => Math.round(samples[Math.min(samples.length - 1, Math.ceil((p / 100) * samples.length) - 1)]! * 1000) / 1000;
  return { p50Ms: at(50), p99Ms: at(99) };
}

async function startPeople(corpus: string, cache: string) {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'person-start.ts'), corpus, cache], { cwd: ROOT, maxBuffer: 1 << 20 });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as { readyMs: number; peopleMs: number; rssReadyMb: number; rssPeopleMb: number; loopMaxMs: number; loopP99Ms: number; people: number };
}

/** The figures as rows of the benchmark's table. */
export function personRows(figures: PersonFigures): [string, string][] {
  const growth = Math.round((figures.rssWithPeopleMb / figures.rssReadyMb - 1) * 100);
  return [
    ['people index, first build', `${(figures.buildMs / 1000).toFixed(1)} s in ${figures.workers} worker threads, ${figures.people} people (event-loop delay p99 ${figures.buildLoopP99Ms} ms, at most ${figures.buildLoopMaxMs} ms)`],
    ['people index from its cache, after ready', `${figures.cachedPeopleMs} ms after ${figures.readyMs} ms (${((figures.readyMs + figures.cachedPeopleMs) / figures.readyMs).toFixed(2)}×; loop held at most ${figures.cachedLoopMaxMs} ms)`],
    ['resident memory, cached start / with people', `${figures.rssReadyMb} MB / ${figures.rssWithPeopleMb} MB (+${growth}%)`],
    ['/person p50 / p99', `${figures.person.p50Ms} / ${figures.person.p99Ms} ms`],
    ['/person autocomplete p50 / p99', `${figures.autocomplete.p50Ms} / ${figures.autocomplete.p99Ms} ms`],
  ];
}
