import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Library } from '../src/library/library';
import { searchReply } from '../src/replies/search';
import { dayNumber, NO_OPTIONS, parseDateBound, type SearchOptions } from '../src/search/options';
import { fold } from '../src/text/fold';

/**
 * The whole /search answer (find, filter, rank, the first page with its snippets) for the phrase alone
 * and with each option, beside a brute-force scan that applies the same conditions to every text.
 */
export const OPTION_CASES: readonly { readonly name: string; readonly options: SearchOptions }[] = [
  { name: 'phrase alone', options: NO_OPTIONS },
  { name: 'also 工作', options: { ...NO_OPTIONS, also: ['工作'] } },
  { name: 'without 習近平', options: { ...NO_OPTIONS, without: ['習近平'] } },
  { name: 'from 2023-01 to 2023-12', options: { ...NO_OPTIONS, from: '2023-01', to: '2023-12' } },
  { name: 'sort newest', options: { ...NO_OPTIONS, sort: 'newest' } },
  { name: 'sort oldest', options: { ...NO_OPTIONS, sort: 'oldest' } },
  { name: 'sort relevance', options: { ...NO_OPTIONS, sort: 'relevance' } },
];

/** Phrases in nearly every article, and one absent made of common characters: the slowest answers there are. */
export const STRESS_PHRASES = ['的', '會', '發展', '的不存在短語'];
/** Untimed rounds of every option and phrase before the timing. */
const WARM_UP_ROUNDS = 3;

export interface Timings {
  readonly p50Ms: number;
  readonly p99Ms: number;
}

export interface OptionFigures {
  readonly name: string;
  readonly search: Timings;
  readonly scan: Timings;
  /** The scan's p99 over the whole answer's. */
  readonly p99Ratio: number;
}

/** Brute force: every folded text read for the phrase and each condition, then ordered as asked. */
export function scanSearch(texts: readonly string[], days: Int32Array, phrase: string, options: SearchOptions): [number, number][] {
  const needle = fold(phrase);
  const also = options.also.map(fold);
  const without = options.without.map(fold);
  const from = options.from === null ? null : parseDateBound(options.from, 'from');
  const to = options.to === null ? null : parseDateBound(options.to, 'to');
  const found: [number, number][] = [];
  texts.forEach((text, document) => {
    if (!text.includes(needle) || also.some(other => !text.includes(other)) || without.some(other => text.includes(other))) return;
    const day = days[document]!;
    if ((from !== null || to !== null) && (day === 0 || (from !== null && day < from) || (to !== null && day > to))) return;
    let count = 0;
    for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) count++;
    found.push([document, count]);
  });
  const byDay = (direction: number) => (a: [number, number], b: [number, number]) => direction * ((days[a[0]] || 0) - (days[b[0]] || 0)) || b[1] - a[1];
  return found.sort(options.sort === 'newest' ? byDay(-1) : options.sort === 'oldest' ? byDay(1) : (a, b) => b[1] - a[1] || a[0] - b[0]);
}

/** Each article's date as the library keeps it: a day number, 0 when undated. */
export function dayNumbers(library: Library): Int32Array {
  return Int32Array.from(library.articles, article => dayNumber(article.date) ?? 0);
}

/**
 * Times each option over the phrases, `repeats` times each, and checks that the search finds exactly
 * the articles and counts the scan finds. Returns the figures and any disagreement.
 */
export async function benchOptions(library: Library, phrases: readonly string[], repeats: number): Promise<{ figures: OptionFigures[]; mismatches: string[]; longestMs: number }> {
  const texts = library.articles.map(article => fold(article.text));
  const days = dayNumbers(library);
  const mismatches: string[] = [];
  const figures: OptionFigures[] = [];
  // Every option with every phrase a few times, untimed: a running bot has answered all kinds before,
  // and its compiler has optimised them; without this the first case pays for the warming up.
  for (let round = 0; round < WARM_UP_ROUNDS; round++) {
    for (const { options } of OPTION_CASES) {
      for (const phrase of phrases) scanSearch(texts, days, phrase, options);
      for (const phrase of [...phrases, ...STRESS_PHRASES]) {
        library.forgetSearches();
        searchReply(library, phrase, 0, 'en', options);
      }
    }
  }
  for (const { name, options } of OPTION_CASES) {
    const search: number[] = [];
    const scan: number[] = [];
    for (const phrase of phrases) {
      const outcome = library.search(phrase, options);
      const got = outcome.kind === 'found' ? outcome.hits.map(hit => `${hit.article.id}:${hit.occurrences}`).sort() : [];
      const want = scanSearch(texts, days, phrase, options).map(([document, count]) => `${library.articles[document]!.id}:${count}`).sort();
      if (got.join() !== want.join()) mismatches.push(`${phrase} (${name}): search ${got.length} articles, scan ${want.length}`);
      // Turn about, so that a busy moment of a shared machine falls on both alike.
      timeInTurn(repeats, [
        [
          search,
          () => {
            library.forgetSearches();
            searchReply(library, phrase, 0, 'en', options);
          },
        ],
        [scan, () => scanSearch(texts, days, phrase, options)],
      ]);
    }
    figures.push({ name, search: timings(search), scan: timings(scan), p99Ratio: round1(percentile(scan, 99) / percentile(search, 99)) });
  }
  // The longest any one answer holds the event loop, over every option and the stress phrases: its
  // synchronous part, not the time an absent phrase waits for the vocabulary (the loop is free then).
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  for (const { options } of OPTION_CASES) {
    for (const phrase of [...phrases, ...STRESS_PHRASES]) {
      library.forgetSearches();
      await searchReply(library, phrase, 0, 'en', options);
      await new Promise(resolve => setImmediate(resolve));
    }
  }
  delay.disable();
  return { figures, mismatches, longestMs: round3(delay.max / 1e6) };
}

/** One untimed run of each first: the figures are for a warmed-up process, as a running bot is. */
function timeInTurn(repeats: number, actions: readonly (readonly [number[], () => unknown])[]): void {
  for (const [, action] of actions) action();
  for (let round = 0; round < repeats; round++) {
    for (const [samples, action] of actions) {
      const started = performance.now();
      action();
      samples.push(performance.now() - started);
    }
  }
}

export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function timings(samples: readonly number[]): Timings {
  return { p50Ms: round3(percentile(samples, 50)), p99Ms: round3(percentile(samples, 99)) };
}

export function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
