import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync, readFileSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { asker, FakeDiscord, guildOnShard, nextSnowflake, type RecordedRequest } from '../tests/fake-discord';
import { BENCH_CORPUS, BENCH_PHRASES } from './phrases';
import { percentile } from './search-options';

/**
 * `npm run bench:load [-- --data FILE|FOLDER] [--processes N] [--cache DIR] [--rates 50,100,...]
 * [--seconds N] [--json]`: how many interactions a second the bot answers with a p99 under 100 ms. The
 * bot is the real process (`node --import tsx src/main.ts`; with --processes N, SHARD_PROCESSES=N and N
 * shards) on the bench corpus, talking to a fake Discord in this process; the rate is raised step by
 * step, each step held for --seconds, until a step's p99 reaches 100 ms or an interaction goes
 * unanswered. The interactions come from servers spread evenly over the shards, each from a user of its
 * own (so the per-user cooldown never answers instead). Latency is from the gateway sending an
 * interaction to Discord receiving its first response. --cache DIR keeps the corpus copy and the caches
 * there between runs (a start that reads them back, as every shard process does); by default they
 * start empty.
 */

const ROOT = resolve(import.meta.dirname, '..');
const TOKEN = 'fake-bot-token.for-the-load-bench';
const P99_LIMIT_MS = 100;
/** How long a step's stragglers may take before they count as unanswered: Discord's own limit. */
const ANSWER_LIMIT_MS = 3000;
/** Typed values for autocomplete: titles' words in both scripts, and dates. */
const TYPED = ['習近平', '习近平', '會見', '经济', '鄉村振興', '北斗', '2023-05', '中央', '新時代', '航天', '國務院', '總書記'];
/** Articles asked about by /participants and /summary, picked from autocomplete's own answers. */
const ARTICLES = 60;
type Kind = 'search' | 'autocomplete' | 'participants' | 'summary';
/** The mix, over and over: as when users type an article's name before asking about it. */
const MIX: readonly Kind[] = ['search', 'autocomplete', 'participants', 'autocomplete', 'summary'];

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: BENCH_CORPUS },
    processes: { type: 'string', default: '1' },
    cache: { type: 'string' },
    rates: { type: 'string', default: '25,50,75,100,125,150,200,250,300,400,500,600,800,1000' },
    seconds: { type: 'string', default: '10' },
    json: { type: 'boolean', default: false },
  },
});
const processes = Number(values.processes);
const rates = values.rates!.split(',').map(Number);
const stepSeconds = Number(values.seconds);
/** A server on each shard, taken in turn by the interactions. */
const guilds = Array.from({ length: processes }, (_, shard) => guildOnShard(shard, processes));
/** Interactions sent so far: each comes from a user of its own. */
let users = 0n;

interface Latencies {
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
}

interface Step extends Latencies {
  readonly rate: number;
  readonly sent: number;
  readonly answered: number;
  readonly deferred: number;
  /** The same figures for each kind of interaction in the mix. */
  readonly byKind: Record<Kind, Latencies>;
}

// The caches are named after the corpus folder's path: one kept between runs keeps its corpus copy too.
const work = values.cache ? resolve(values.cache) : await mkdtemp(join(tmpdir(), 'bench-load-'));
const fake = await FakeDiscord.start({ shards: processes });
let bot: ChildProcess | null = null;
try {
  const corpus = await corpusFolder(values.data!, join(work, 'corpus'));
  const started = startBot(corpus, join(work, 'cache'));
  bot = started.child;
  // Autocomplete, "did you mean" and the people index are built (or read back) in the background after
  // the start, in every shard process; the steps begin once they are, so that none competes with the
  // answers being timed.
  for (let shard = 0; shard < processes; shard++) {
    const label = processes > 1 ? `\\[shard ${shard}\\] ` : '';
    await started.logged(new RegExp(`${label}connected to Discord`));
    await started.logged(new RegExp(`${label}article autocomplete and vocabulary .* (built|read from the lookups cache) in`));
    await started.logged(new RegExp(`${label}people index: \\d+ people in`));
  }
  const articles = await pickArticles();
  // The first analysis of an article runs in a worker and may be deferred; the steps time the answers
  // of processes that have met these articles before.
  for (const guild of guilds) for (const id of articles) for (const name of ['participants', 'summary']) await answerOf(command(name, 'article', id, guild));
  const rssAfterWarmUpMb = processTree(bot.pid!).map(pid => ({ pid, mb: rssMb(pid) }));
  // Other work on the machine shows in the tail: the one-minute load average says how much there was.
  const loadBefore = loadavg()[0]!;

  const steps: Step[] = [];
  for (const rate of rates) {
    const step = await runStep(rate, articles);
    steps.push(step);
    if (!values.json) {
      const kinds = Object.entries(step.byKind).map(([kind, figures]) => `${kind} ${figures.p50Ms}/${figures.p99Ms}`);
      process.stderr.write(`${rate}/s: ${step.answered} of ${step.sent} answered (${step.deferred} deferred), p50 ${step.p50Ms} ms, p99 ${step.p99Ms} ms, max ${step.maxMs} ms; p50/p99 by kind: ${kinds.join(', ')} ms\n`);
    }
    if (!passes(step)) break;
  }
  const best = steps.filter(passes).at(-1) ?? null;
  const loadAverage = [loadBefore, loadavg()[0]!].map(load => Math.round(load * 100) / 100);
  const report = { corpus: values.data, processes, stepSeconds, articles: articles.length, rssAfterWarmUpMb, loadAverage, highestRateUnderP99Limit: best?.rate ?? null, steps };
  if (values.json) process.stdout.write(`${JSON.stringify(report)}\n`);
  else {
    process.stdout.write(`highest rate with every interaction answered and p99 under ${P99_LIMIT_MS} ms: ${best ? `${best.rate}/s (p99 ${best.p99Ms} ms)` : 'none'}\n`);
    process.stdout.write(`resident memory after warm-up, by process (the first is the one started): ${rssAfterWarmUpMb.map(({ mb }) => `${mb} MB`).join(', ')}\n`);
    process.stdout.write(`machine load average ${loadAverage.join(' before the steps, ')} after\n`);
  }
} finally {
  bot?.kill('SIGTERM');
  if (bot && bot.exitCode === null) await once(bot, 'exit');
  await fake.close();
  if (!values.cache) await rm(work, { recursive: true, force: true });
}

function passes(step: Step): boolean {
  return step.answered === step.sent && step.p99Ms < P99_LIMIT_MS;
}

/** The bot reads folders: a single corpus file (the bench's .jsonl.gz) is copied into one of its own. */
async function corpusFolder(path: string, folder: string): Promise<string> {
  const data = resolve(path);
  if (!(await stat(data)).isFile()) return data;
  await mkdir(folder, { recursive: true });
  await copyFile(data, join(folder, basename(data)));
  return folder;
}

function startBot(corpus: string, cache: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, DISCORD_TOKEN: TOKEN, DISCORD_API_URL: fake.apiUrl, DATA_DIR: corpus, CACHE_DIR: cache, HEALTH_PORT: '', SHARD_PROCESSES: String(processes) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  child.stderr.on('data', chunk => (log += chunk));
  child.once('exit', code => {
    if (code !== 0 && code !== null) process.stderr.write(`the bot exited with code ${code}:\n${log}`);
  });
  const logged = (pattern: RegExp) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!pattern.test(log)) return;
        child.stderr.off('data', check);
        child.off('exit', fail);
        resolve();
      };
      const fail = () => reject(new Error(`the bot exited before logging ${pattern}`));
      child.stderr.on('data', check);
      child.once('exit', fail);
      check();
    });
  return { child, logged };
}

function command(name: string, option: string, value: string, guild: string, type = 2, focused = false) {
  users += 1n;
  const data = { id: nextSnowflake(), name, type: 1, options: [{ name: option, type: 3, value, ...(focused ? { focused } : {}) }] };
  return fake.dispatchInteraction({ type, locale: 'zh-TW', ...asker('guild', String(400000000000000000n + users), guild), data });
}

function callbackPath({ id, token }: { id: string; token: string }): string {
  return `/api/v10/interactions/${id}/${token}/callback`;
}

async function answerOf(interaction: { id: string; token: string }): Promise<RecordedRequest> {
  const answer = await fake.waitForRequest(request => request.path === callbackPath(interaction), 30_000);
  fake.requests.length = 0;
  return answer;
}

/** Articles from autocomplete's answers to the typed values, as a user would pick them. */
async function pickArticles(): Promise<string[]> {
  const ids = new Set<string>();
  for (const typed of TYPED) {
    const answer = await answerOf(command('summary', 'article', typed, guilds[0]!, 4, true));
    for (const choice of answer.body.data.choices as { value: string }[]) ids.add(choice.value);
  }
  return [...ids].slice(0, ARTICLES);
}

/** The nth interaction of the mix, and its kind. */
function mixed(n: number, articles: readonly string[]): { kind: Kind; interaction: { id: string; token: string } } {
  const round = Math.floor(n / MIX.length);
  const kind = MIX[n % MIX.length]!;
  const guild = guilds[n % guilds.length]!;
  switch (kind) {
    case 'search':
      return { kind, interaction: command('search', 'phrase', BENCH_PHRASES[round % BENCH_PHRASES.length]!, guild) };
    case 'autocomplete':
      return { kind, interaction: command(n % 2 ? 'participants' : 'summary', 'article', TYPED[round % TYPED.length]!, guild, 4, true) };
    default:
      return { kind, interaction: command(kind, 'article', articles[round % articles.length]!, guild) };
  }
}

function latencies(samples: readonly number[]): Latencies {
  if (samples.length === 0) return { p50Ms: Infinity, p99Ms: Infinity, maxMs: Infinity };
  return { p50Ms: percentile(samples, 50), p99Ms: percentile(samples, 99), maxMs: Math.max(...samples) };
}

/** Sends `rate` interactions a second, evenly, for the step's seconds, and times their first responses. */
async function runStep(rate: number, articles: readonly string[]): Promise<Step> {
  const sentAt = new Map<string, { at: number; kind: Kind }>();
  const all: number[] = [];
  const byKind: Record<Kind, number[]> = { search: [], autocomplete: [], participants: [], summary: [] };
  let deferred = 0;
  const collect = () => {
    for (const request of fake.requests.splice(0)) {
      const sent = sentAt.get(request.path);
      if (sent === undefined) continue;
      sentAt.delete(request.path);
      all.push(request.at - sent.at);
      byKind[sent.kind].push(request.at - sent.at);
      if (request.body?.type === 5) deferred++;
    }
  };
  const total = Math.round(rate * stepSeconds);
  const start = Date.now();
  for (let sent = 0; sent < total; ) {
    const due = Math.min(total, Math.floor(((Date.now() - start) * rate) / 1000) + 1);
    for (; sent < due; sent++) {
      const { kind, interaction } = mixed(sent, articles);
      sentAt.set(callbackPath(interaction), { at: Date.now(), kind });
    }
    collect();
    await new Promise(resolve => setTimeout(resolve, 2));
  }
  const last = Date.now();
  while (sentAt.size > 0 && Date.now() - last < ANSWER_LIMIT_MS) {
    await new Promise(resolve => setTimeout(resolve, 10));
    collect();
  }
  // Answers that came after Discord's limit are not answers: the rest of the step's requests are dropped.
  fake.requests.length = 0;
  return {
    rate,
    sent: total,
    answered: all.length,
    deferred,
    ...latencies(all),
    byKind: { search: latencies(byKind.search), autocomplete: latencies(byKind.autocomplete), participants: latencies(byKind.participants), summary: latencies(byKind.summary) },
  };
}

/** The process and its children (the shard processes), from Linux's /proc. */
function processTree(pid: number): number[] {
  const children = readdirSync('/proc')
    .filter(name => /^\d+$/.test(name))
    .filter(name => {
      try {
        // The parent's pid is the 4th field, after the command name in parentheses (which may hold spaces).
        return Number(readFileSync(`/proc/${name}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]) === pid;
      } catch {
        return false;
      }
    })
    .map(Number);
  return [pid, ...children];
}

/** A process's resident memory in MB, its worker threads included. */
function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1]) / 1024);
}
