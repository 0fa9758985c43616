import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { fold } from '../src/text/fold';
import { BENCH_CORPUS } from './phrases';

/**
 * `npm run check:trend [-- --data FILE]`: the CLI's `trend 新質生產力 高質量發展 --by month --json` on the
 * benchmark corpus, held month by month to a brute-force count over the JSONL itself: each record's
 * month from its `date` field, each phrase's mentions counted in the record's text folded with the
 * project's fold, as the index folds it. Also checks that the months run from the first record's to
 * the last's with none missing, and that 新質生產力 is first mentioned in 2023-09 (the month the term
 * was coined). Exits non-zero on any difference, listing them.
 */
const PHRASES = ['新質生產力', '高質量發展'];
const FIRST_MONTH_OF_NEW_FORCES = '2023-09';
const DIFFERENCES_SHOWN = 20;
const ROOT = resolve(import.meta.dirname, '..');
const run = promisify(execFile);

const { values } = parseArgs({ options: { data: { type: 'string', default: BENCH_CORPUS } } });
const corpusFile = resolve(values.data!);

interface TrendJson {
  phrases: string[];
  periods: { period: string; total: number; counts: Record<string, { articles: number; mentions: number }> }[];
  first: Record<string, string | null>;
  undated: number;
}

const answer = await cliTrend(corpusFile);
const expected = await bruteForce(corpusFile);
const differences: string[] = [];
const differ = (what: string, cli: unknown, scan: unknown) => {
  if (JSON.stringify(cli) !== JSON.stringify(scan)) differences.push(`${what}: CLI ${JSON.stringify(cli)}, brute force ${JSON.stringify(scan)}`);
};

const months = answer.periods.map(({ period }) => period);
differ('months', months, expected.months);
differ('phrases', answer.phrases, PHRASES);
for (const { period, total, counts } of answer.periods) {
  differ(`${period} records`, total, expected.records.get(period) ?? 0);
  PHRASES.forEach((phrase, which) => {
    const counted = counts[phrase];
    differ(`${phrase} ${period}`, counted && { articles: counted.articles, mentions: counted.mentions }, expected.byPhrase[which]!.get(period) ?? { articles: 0, mentions: 0 });
  });
}
differ('undated articles with either phrase', answer.undated, expected.undated);
differ(`${PHRASES[0]} first month`, answer.first[PHRASES[0]!], FIRST_MONTH_OF_NEW_FORCES);

const total = (phrase: string, key: 'articles' | 'mentions') => answer.periods.reduce((sum, { counts }) => sum + counts[phrase]![key], 0);
process.stdout.write(`${expected.recordCount} records, ${months.length} months (${months[0]} to ${months.at(-1)})\n`);
PHRASES.forEach(phrase => process.stdout.write(`${phrase}: ${total(phrase, 'articles')} articles, ${total(phrase, 'mentions')} mentions, first ${answer.first[phrase]}\n`));
for (const difference of differences.slice(0, DIFFERENCES_SHOWN)) process.stdout.write(`DIFFERENCE ${difference}\n`);
if (differences.length > DIFFERENCES_SHOWN) process.stdout.write(`… and ${differences.length - DIFFERENCES_SHOWN} more\n`);
process.stdout.write(differences.length === 0 ? 'every month agrees with the brute-force count\n' : `${differences.length} differences\n`);
process.exitCode = differences.length === 0 ? 0 : 1;

/** The CLI's JSON, run as a user would on a folder holding the corpus file (the loader reads folders), without a start-up cache. */
async function cliTrend(file: string): Promise<TrendJson> {
  const folder = await mkdtemp(join(tmpdir(), 'check-trend-'));
  try {
    await copyFile(file, join(folder, basename(file)));
    const args = ['--import', 'tsx', join(ROOT, 'src', 'cli.ts'), 'trend', ...PHRASES, '--by', 'month', '--json', '--data', folder];
    const { stdout } = await run(process.execPath, args, { cwd: ROOT, env: { ...process.env, CACHE_DIR: 'off', DISCORD_TOKEN: '' }, maxBuffer: 16 << 20 });
    return JSON.parse(stdout) as TrendJson;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** Every record's month, and each phrase's articles and mentions by month, read straight from the JSONL. */
async function bruteForce(file: string) {
  const text = file.endsWith('.gz') ? gunzipSync(await readFile(file)).toString('utf8') : await readFile(file, 'utf8');
  const records = new Map<string, number>();
  const byPhrase = PHRASES.map(() => new Map<string, { articles: number; mentions: number }>());
  let undated = 0;
  const needles = PHRASES.map(phrase => fold(phrase));
  let recordCount = 0;
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    recordCount++;
    const record = JSON.parse(line) as { date?: string; text: string };
    const month = monthOf(record.date);
    if (month !== null) records.set(month, (records.get(month) ?? 0) + 1);
    const folded = fold(record.text);
    if (month === null && needles.some(needle => folded.includes(needle))) undated++;
    needles.forEach((needle, which) => {
      let mentions = 0;
      for (let at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + needle.length)) mentions++;
      if (mentions === 0 || month === null) return;
      const counts = byPhrase[which]!.get(month) ?? { articles: 0, mentions: 0 };
      byPhrase[which]!.set(month, { articles: counts.articles + 1, mentions: counts.mentions + mentions });
    });
  }
  return { recordCount, months: everyMonth([...records.keys()]), records, byPhrase, undated };
}

/** YYYYMMDD (or YYYY-MM-DD) as YYYY-MM; null for a record without such a date. */
function monthOf(date: string | undefined): string | null {
  const match = /^(\d{4})-?(\d{2})-?\d{2}$/.exec(date ?? '');
  return match ? `${match[1]}-${match[2]}` : null;
}

/** Every month from the earliest to the latest of those given, in order. */
function everyMonth(months: readonly string[]): string[] {
  const sorted = [...months].sort();
  if (sorted.length === 0) return [];
  const all: string[] = [];
  let [year, month] = sorted[0]!.split('-').map(Number) as [number, number];
  for (let label = sorted[0]!; label <= sorted.at(-1)!; label = `${year}-${String(month).padStart(2, '0')}`) {
    all.push(label);
    month = month === 12 ? 1 : month + 1;
    if (month === 1) year++;
  }
  return all;
}
