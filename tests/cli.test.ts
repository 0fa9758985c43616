import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../src/corpus/load';
import { Library } from '../src/library/library';
import { bruteForceSearch, bundledLibrary, converse } from './helpers';
import { parseCsv } from './csv';
import { pngHeader } from './png';

const run = promisify(execFile);
const ROOT = join(__dirname, '..');

async function cli(...args: string[]) {
  return cliWith({}, ...args);
}

async function cliWith(env: Record<string, string>, ...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { cwd: ROOT, env: { ...process.env, DISCORD_TOKEN: '', ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('the CLI', () => {
  it('prints every matching article as JSON with counts and snippets', async () => {
    const { code, stdout } = await cli('search', '新质生产力', '--json');
    expect(code).toBe(0);
    const answer = JSON.parse(stdout);
    expect(answer).toMatchObject({ query: '新质生产力', total: 1, results: [{ id: '000_5a4681f7358e924d', occurrences: 2, date: { month: 3, day: 25, year: null } }] });
    const [first] = answer.results[0].snippets;
    const [start, end] = first.highlights[0];
    expect(first.text.slice(start, end)).toBe('新質生產力');
  });

  it('joins the words of a phrase given as several arguments', async () => {
    const answer = JSON.parse((await cli('search', '黨員', '先行', '--json')).stdout);
    expect(answer.results[0].occurrences).toBe(6);
  });

  it('answers an absent phrase with no results and the closest articles', async () => {
    const answer = JSON.parse((await cli('search', '不存在的短語', '--json')).stdout);
    expect(answer.total).toBe(0);
    expect(answer.results).toEqual([]);
    expect(Array.isArray(answer.closest)).toBe(true);
  });

  it('lists the articles of another folder given with --data', async () => {
    const { stdout } = await cli('articles', '--json', '--data', join('tests', 'fixtures', 'mixed-corpus'));
    expect(JSON.parse(stdout).map((article: { id: string }) => article.id)).toContain('big5-article');
  });

  it('reports errors on stderr with a non-zero exit and nothing on stdout', async () => {
    const empty = await cli('search', '，，', '--json');
    expect(empty.code).not.toBe(0);
    expect(empty.stdout).toBe('');
    expect(empty.stderr).toMatch(/at least one character, letter or digit/);
    const unknown = await cli('frobnicate', '--json');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command/);
    const missing = await cli('articles', '--json', '--data', 'no-such-folder');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no article could be loaded/);
  });

  it('prints participants of every article as JSON', async () => {
    const answer = JSON.parse((await cli('participants', '--all', '--json')).stdout);
    expect(answer).toHaveLength(5);
    const first = answer.find((entry: { id: string }) => entry.id === '004_62825ae384032cb4');
    const person = first.people[0];
    expect(person).toMatchObject({ name: '俞培根', title: '黨組書記、董事長', roles: ['chaired', 'spoke'], meeting: 0 });
    // Each answer's evidence is a range of the article's own text that says it.
    const { text } = (await bundledLibrary()).get(first.id)!;
    expect(text.slice(...person.evidence)).toContain('俞培根');
    expect(text.slice(...person.titleEvidence)).toBe('黨組書記、董事長');
    expect(person.roleEvidence.map(({ role }: { role: string }) => role)).toEqual(['chaired', 'spoke']);
    for (const { evidence } of person.roleEvidence) expect(text.slice(...evidence)).toContain('俞培根');
    expect(first.groups[0].text).toMatch(/^集團公司董事會秘書/);
    expect(text.slice(...first.groups[0].evidence)).toBe(first.groups[0].text);
  });

  it('prints the summary of one article as JSON', async () => {
    const answer = JSON.parse((await cli('summary', '000_5a4681f7358e924d', '--json')).stdout);
    expect(answer.id).toBe('000_5a4681f7358e924d');
    expect(answer.meetings[0]).toMatchObject({
      date: { text: '3月25日', year: null, month: 3, day: 25 },
      organizer: '中國樂凱黨委',
      name: '中心組學習擴大會',
      host: { name: '侯景濱' },
    });
    expect(answer.summary.length).toBeLessThanOrEqual(300);
    expect(Array.isArray(answer.keywords)).toBe(true);
  });

  it('refuses an unknown article id', async () => {
    const { code, stderr, stdout } = await cli('summary', 'nope', '--json');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/no article's id, title or organisation matches "nope"/);
  });

  it('accepts a typed value that names one article: the start of its id, or words of its title', async () => {
    for (const typed of ['000', '乐凯']) {
      const { code, stdout } = await cli('summary', typed, '--json');
      expect(code).toBe(0);
      expect(JSON.parse(stdout).id).toBe('000_5a4681f7358e924d');
    }
    const text = await cli('summary', '樂凱');
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^\*\*Summary: 中國樂凱黨委組織召開中心組學習擴大會\*\*/);
  });

  it('says which articles a value fits when it fits several', async () => {
    const json = await cli('participants', '00', '--json');
    expect(json.code).toBe(2);
    expect(json.stderr).toMatch(/"00" matches 5 articles \(000_5a4681f7358e924d, 001_d409caa57de1005b, .*\); give more of the id or title/);
    const text = await cli('participants', '黨委');
    expect(text.code).toBe(2);
    expect(text.stdout).toBe('');
    expect(text.stderr).toContain('“黨委” matches 2 articles; give more of the id or title:\n• `000_5a4681f7358e924d`');
  });

  it('reports errors in text mode on stderr too, with a non-zero exit and nothing on stdout', async () => {
    for (const [args, message] of [
      [['search', '，，'], /Type a phrase with at least one character/],
      [['summary', 'nope'], /No article’s id, title or organisation matches “nope”/],
      [['summary'], /^Name an article: its id/],
      [['frobnicate'], /^Unknown command “frobnicate”/],
      [[], /^Usage:/],
    ] as const) {
      const { code, stdout, stderr } = await cli(...args);
      expect(code, args.join(' ')).toBe(2);
      expect(stdout, args.join(' ')).toBe('');
      expect(stderr, args.join(' ')).toMatch(message);
    }
  });

  it('answers an article too long for ANALYSIS_BUDGET_MS from its opening, saying so in the JSON', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'cli-budget-'));
    try {
      const slow = '黨委書記董事長張三主持會議並講話總經理李四出席會議副總經理王五參加會議學習貫徹精神';
      await writeFile(join(folder, 'huge.txt'), `3月1日，集團召開年度工作會議。黨委書記張偉主持會議。\n${slow.repeat(10_000)}`);
      const { code, stdout, stderr } = await cliWith({ ANALYSIS_BUDGET_MS: '250', CACHE_DIR: 'off' }, 'summary', 'huge', '--json', '--data', folder);
      expect(code).toBe(0);
      const answer = JSON.parse(stdout);
      expect(answer.partial.length).toBeGreaterThan(10_000 * slow.length);
      expect(answer.partial.analysed).toBeLessThanOrEqual(Math.ceil(answer.partial.length / 4));
      expect(answer.meetings[0].host.name).toBe('張偉');
      expect(stderr).toMatch(/took over 250 ms; analysing its first \d+ instead/);
      const refused = await cliWith({ ANALYSIS_BUDGET_MS: 'soon' }, 'articles');
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/ANALYSIS_BUDGET_MS must be a whole number of milliseconds from 100 to 600000/);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('prints the same text as the console', async () => {
    const { stdout } = await cli('search', '會議', '--locale', 'zh-TW');
    expect(stdout).toBe(await converse(['/search 會議'], 'zh-TW'));
  });

  describe('search options and formats', () => {
    const CORPUS = join('tests', 'fixtures', 'search-options');
    const OPTIONS = ['--also', '高質量發展', '--without', '習近平', '--from', '2024-01', '--to', '2024-06', '--sort', 'newest'];

    it('gives exactly the articles a brute-force filter gives, newest first, with a date on every result', async () => {
      const { code, stdout } = await cli('search', '新質生產力', ...OPTIONS, '--json', '--data', CORPUS);
      expect(code).toBe(0);
      const answer = JSON.parse(stdout);
      const { articles } = await loadCorpus(CORPUS);
      const expected = bruteForceSearch(articles, '新質生產力', { also: ['高質量發展'], without: ['習近平'], from: '2024-01', to: '2024-06', sort: 'newest' });
      expect(answer.results.map((result: { id: string }) => result.id)).toEqual(expected.ids);
      expect(answer.undated).toBe(expected.undated);
      for (const result of answer.results) expect(result.date.year).toBe(2024);
      expect(answer.results[3]).toMatchObject({ id: 'r05', date: { text: '2024-03-01' } });
    });

    it('takes --also and --without several times, and refuses a fourth', async () => {
      const two = JSON.parse((await cli('search', '新質生產力', '--also', '高質量發展', '--also', '推動', '--without', '習近平', '--without', '六月', '--json', '--data', CORPUS)).stdout);
      expect(two.results.map((result: { id: string }) => result.id).sort()).toEqual(['r01', 'r02', 'r04', 'r05', 'r09', 'r11']);
      const four = await cli('search', '新質生產力', '--also', 'a', '--also', 'b', '--also', 'c', '--also', 'd', '--json', '--data', CORPUS);
      expect(four.code).toBe(2);
      expect(four.stderr).toMatch(/At most 3/);
    });

    it('gives the same rows as CSV, with a byte-order mark, quoted as RFC 4180 says, and as JSON lines', async () => {
      const json = JSON.parse((await cli('search', '新質生產力', ...OPTIONS, '--json', '--data', CORPUS)).stdout);
      const csv = await cli('search', '新質生產力', ...OPTIONS, '--format', 'csv', '--data', CORPUS);
      expect(csv.stdout.startsWith('\ufeff"id","title","date","mentions","snippet","url"\r\n')).toBe(true);
      const [header, ...rows] = parseCsv(csv.stdout.slice(1));
      expect(header).toEqual(['id', 'title', 'date', 'mentions', 'snippet', 'url']);
      expect(rows.map(row => [row[0], row[2], Number(row[3])])).toEqual(json.results.map((result: any) => [result.id, result.date.text, result.occurrences]));
      expect(rows.find(row => row[0] === 'r04')!.slice(4)).toEqual(['會議研究新質生產力，推動高質量發展，新質生產力，新質生產力。', 'https://example.org/r04?a=1,b="2"']);
      const lines = (await cli('search', '新質生產力', ...OPTIONS, '--format', 'jsonl', '--data', CORPUS)).stdout.trimEnd().split('\n');
      expect(lines.map(line => JSON.parse(line))).toEqual(json.results);
    });

    it('refuses an unknown sort, a date it cannot read and a format that is not for the command', async () => {
      for (const [args, message] of [
        [['search', '新質生產力', '--sort', 'best'], /--sort must be mentions, newest, oldest or relevance, not "best"/],
        [['search', '新質生產力', '--from', '2024-13', '--json'], /Write dates as YYYY, YYYY-MM or YYYY-MM-DD, not “2024-13”/],
        [['search', '新質生產力', '--from', '2024-13'], /Write dates as YYYY, YYYY-MM or YYYY-MM-DD, not “2024-13”/],
        [['articles', '--format', 'csv'], /--format csv is for search/],
      ] as const) {
        const { code, stdout, stderr } = await cli(...args, '--data', CORPUS);
        expect(code, args.join(' ')).toBe(2);
        expect(stdout).toBe('');
        expect(stderr).toMatch(message);
      }
    });

    it('restates the options in text, as the console does', async () => {
      const { stdout } = await cli('search', '新質生產力', '--also', '高質量發展', '--from', '2024', '--locale', 'zh-CN', '--data', CORPUS);
      expect(stdout).toContain('同时包含：“高質量發展” · 2024 起\n2 篇没有完整日期的文章未列入日期范围。');
    });
  });

  describe('trend', () => {
    const CORPUS = join('tests', 'fixtures', 'search-options');

    it('prints the counts as JSON, each argument a phrase, every period with none missing', async () => {
      const { code, stdout } = await cli('trend', '新質生產力', '高质量发展', '--by', 'quarter', '--data', CORPUS, '--json');
      expect(code).toBe(0);
      const counts = (newForces: [number, number, number], quality: [number, number, number]) => ({
        新質生產力: { articles: newForces[0], mentions: newForces[1], share: newForces[2] },
        高质量发展: { articles: quality[0], mentions: quality[1], share: quality[2] },
      });
      expect(JSON.parse(stdout)).toEqual({
        by: 'quarter',
        measure: 'articles',
        phrases: ['新質生產力', '高质量发展'],
        periods: [
          { period: '2023-Q4', total: 1, counts: counts([1, 1, 1000], [1, 1, 1000]) },
          { period: '2024-Q1', total: 4, counts: counts([4, 7, 1000], [4, 4, 1000]) },
          { period: '2024-Q2', total: 4, counts: counts([3, 4, 750], [3, 3, 750]) },
          { period: '2024-Q3', total: 1, counts: counts([1, 1, 1000], [1, 1, 1000]) },
        ],
        first: { 新質生產力: '2023-Q4', 高质量发展: '2023-Q4' },
        peak: { 新質生產力: '2024-Q1', 高质量发展: '2024-Q1' },
        undated: 2,
      });
    });

    it('takes phrases separated by commas, a range and a measure, and gives shares to two decimals', async () => {
      const answer = JSON.parse((await cli('trend', '新質生產力、擴大開放', '--from', '2024-05', '--to', '2024', '--measure', 'share', '--data', CORPUS, '--json')).stdout);
      expect(answer).toMatchObject({ by: 'month', measure: 'share', phrases: ['新質生產力', '擴大開放'] });
      const periods = answer.periods as { period: string; total: number; counts: Record<string, { share: number }> }[];
      expect(periods.map(({ period, total }) => [period, total])).toEqual([['2024-05', 1], ['2024-06', 2], ['2024-07', 1]]);
      expect(periods.map(({ counts }) => [counts['新質生產力']!.share, counts['擴大開放']!.share])).toEqual([[0, 1000], [1000, 0], [1000, 0]]);
      expect(answer).toMatchObject({ first: { 擴大開放: '2024-05' }, peak: { 擴大開放: '2024-05' } });
    });

    it('prints the Export file with --format csv, and the text answer with the chart written to --png', async () => {
      const csv = await cli('trend', '新質生產力', '--by', 'year', '--format', 'csv', '--data', CORPUS);
      expect(csv.stdout).toBe('\ufeff"period","articles in period","新質生產力: articles","新質生產力: mentions","新質生產力: per 1000 articles"\r\n"2023","1","1","1","1000"\r\n"2024","9","8","12","888.89"\r\n');
      const folder = await mkdtemp(join(tmpdir(), 'cli-trend-'));
      try {
        const file = join(folder, 'trend.png');
        const drawn = await cli('trend', '新質生產力', '高質量發展', '--locale', 'zh-CN', '--png', file, '--data', CORPUS);
        expect(drawn.code).toBe(0);
        expect(drawn.stdout).toBe(await converse(['/trend 新質生產力, 高質量發展'], 'zh-CN', new Library((await loadCorpus(CORPUS)).articles)));
        const header = pngHeader(await readFile(file));
        expect(header.width).toBeGreaterThanOrEqual(800);
        expect(header.height).toBeGreaterThanOrEqual(400);
      } finally {
        await rm(folder, { recursive: true, force: true });
      }
    });

    it('refuses what it cannot count on stderr, with exit 2 and nothing on stdout', async () => {
      for (const [args, message] of [
        [['trend', 'a', 'b', 'c', 'd', 'e', '--json'], /At most 4 phrases/],
        [['trend', '新質生產力', '--by', 'week'], /Count by month, quarter or year, not “week”/],
        [['trend', '新質生產力', '--measure', 'words', '--format', 'csv'], /Measure articles, mentions or share, not “words”/],
        [['trend', '新質生產力', '--from', '2030', '--png', 'never.png'], /No article with a full date falls in the range/],
        [['search', '新質生產力', '--png', 'never.png'], /--png is for trend/],
      ] as const) {
        const { code, stdout, stderr } = await cli(...args, '--data', CORPUS);
        expect(code, args.join(' ')).toBe(2);
        expect(stdout, args.join(' ')).toBe('');
        expect(stderr, args.join(' ')).toMatch(message);
      }
    });
  });

  it('reads an article, or only the passages that mention a phrase', async () => {
    const passages = await cli('read', '000', '新质生产力', '--locale', 'zh-TW');
    expect(passages.code).toBe(0);
    expect(passages.stdout).toMatch(/^\*\*閱讀：中國樂凱黨委組織召開中心組學習擴大會\*\*\n「新质生产力」共 2 處提及\n\n> /);
    const whole = await cli('read', 'r01', '--data', join('tests', 'fixtures', 'search-options'));
    expect(whole.stdout).toBe('**Read: 年終會議談新質生產力**\nSource: <https://example.org/r01>\n\n會議強調，發展新質生產力是推動高質量發展的內在要求。\n\nr01 · 2023-12-30\n');
    const missing = await cli('read', 'nope');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/No article’s id, title or organisation matches “nope”/);
  });
});
