import { execFile } from 'node:child_process';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../src/corpus/load';
import { Library } from '../src/library/library';
import type { PeopleDirectory } from '../src/people-index/directory';
import { LivePeople, type PeopleIndex } from '../src/library/live-people';
import { labelsFor } from '../src/replies/labels';
import { personChoiceName, personPage, personReply } from '../src/replies/person';
import { personCsv } from '../src/replies/person-export';
import { parseCsv } from './csv';
import { articleFrom, bundledLibrary, converse } from './helpers';
import { inlineAnalysis, PEOPLE_CORPUS, peopleOf } from './people-helpers';

let library: Library;
let index: PeopleIndex;
let directory: PeopleDirectory;

beforeAll(async () => {
  library = new Library((await loadCorpus(PEOPLE_CORPUS)).articles);
  index = await (await peopleOf(library)).ready();
  directory = index.directory;
});

describe('the people directory', () => {
  it('gathers a person’s appearances newest first, with their titles over time and who they met', () => {
    const [liu, ...namesakes] = directory.named('刘洋');
    expect(namesakes).toEqual([]);
    expect(liu).toMatchObject({ key: '刘洋', name: '劉洋', latestTitle: '總經理', uncertain: false });
    expect(liu!.appearances.map(appearance => [appearance.date, appearance.articleId, appearance.organizer, appearance.meeting, appearance.roles, appearance.title])).toEqual([
      ['2024-02-20', 'liu-yang-2024', '集團', '黨委會', ['chaired'], '總經理'],
      ['2023-04-08', 'liu-yang-2023', '集團', '安全生產委員會會議', ['chaired'], '黨委書記、董事長'],
      ['2022-01-10', 'liu-yang-2022', '集團', '年度工作會議', ['chaired'], '黨委書記、董事長'],
    ]);
    expect(liu!.titles).toEqual([
      { title: '黨委書記、董事長', first: '2022-01-10', last: '2023-04-08', count: 2 },
      { title: '總經理', first: '2024-02-20', last: '2024-02-20', count: 1 },
    ]);
    expect(liu!.companions).toEqual([
      { key: '陈明', name: '陳明', count: 3 },
      { key: '张建国', name: '張建國', count: 1 },
    ]);
    // Each appearance's evidence is the sentence of its article that names the person.
    for (const appearance of liu!.appearances) expect(library.get(appearance.articleId)!.text.slice(...appearance.evidence)).toContain('劉洋');
  });

  it('keeps apart namesakes whose titles name unrelated organisations, and lists both where it cannot tell', () => {
    const named = directory.named('張偉');
    expect(named.map(entry => [entry.key, entry.organizations, entry.uncertain, entry.appearances.map(appearance => appearance.articleId)])).toEqual([
      ['张伟', ['南平市'], false, ['zhang-wei-city']],
      ['张伟#2', ['江南大學'], false, ['zhang-wei-university']],
      ['张伟#3', ['南平市', '江南大學'], true, ['zhang-wei-unknown']],
    ]);
    expect(directory.personIn('zhang-wei-university', '张伟')?.key).toBe('张伟#2');
    expect(directory.get('张伟#3')?.uncertain).toBe(true);
  });

  it('takes posts named in one title, and a body inside another, for one person’s', () => {
    const [chen, ...others] = directory.named('陈坚');
    expect(others).toEqual([]);
    expect(chen!.organizations).toEqual(['江南大學', '中國工程院']);
    expect(chen!.appearances).toHaveLength(3);
    expect(chen!.latestTitle).toBe('江南大學校長');
    expect(chen!.latestOrganization).toBe('江南大學');
  });

  it('indexes the bundled reports: the chair of each, as written, with the meeting and the organiser', async () => {
    const bundled = await bundledLibrary();
    const people = (await (await peopleOf(bundled)).ready()).directory;
    const [hou] = people.named('侯景滨');
    expect(hou).toMatchObject({ name: '侯景濱', latestTitle: '黨委書記、董事長' });
    expect(hou!.appearances).toEqual([expect.objectContaining({ articleId: '000_5a4681f7358e924d', date: '--03-25', organizer: '中國樂凱黨委', meeting: '中心組學習擴大會', roles: ['chaired', 'spoke', 'presented'] })]);
    for (const entry of people.entries) {
      for (const appearance of entry.appearances) expect(bundled.get(appearance.articleId)!.text.slice(...appearance.evidence)).toContain(appearance.name);
    }
  });
});

describe('finding people', () => {
  it('finds names by their start and organisations, in either script, and a name with one character wrong', () => {
    const names = (typed: string) => index.search.suggest(typed, 25).map(entry => entry.key);
    expect(names('陈')).toEqual(expect.arrayContaining(['陈坚', '陈明']));
    expect(names('陳堅')[0]).toBe('陈坚');
    expect(names('江南')).toEqual(expect.arrayContaining(['陈坚', '张伟#2']));
    expect(names('張建图')).toEqual(['张建国']);
    expect(directory.get(names('')[0]!)!.appearances).toHaveLength(3);
  });

  it('shows each choice with the latest title and the appearances within 100 characters', () => {
    const [chen] = directory.named('陈坚');
    expect(personChoiceName(chen!, 'simplified', labelsFor('zh-CN'))).toBe('陈坚 · 江南大学校长 · 3 次出现');
    const long = { ...chen!, latestTitle: '中國工程院院士、'.repeat(20) };
    const choice = personChoiceName(long, 'original', labelsFor('en'));
    expect(choice.length).toBeLessThanOrEqual(100);
    expect(choice.endsWith('· 3 appearances')).toBe(true);
  });
});

describe('the /person answer', () => {
  it('gives the latest title, titles over time, appearances and companions in the reader’s script', () => {
    const reply = personReply({ kind: 'ready', ...index }, '劉洋', 0, 'zh-CN');
    const [card] = reply.cards;
    expect(card!.title).toBe('人物：刘洋');
    expect(card!.description.split('\n')).toEqual([
      '**最新职务**: 总经理',
      '',
      '**共 3 次出现，最新在前**',
      '• 2024-02-20 · 集团 · 党委会 · 主持 · 总经理 · `liu-yang-2024`',
      '• 2023-04-08 · 集团 · 安全生产委员会会议 · 主持 · 党委书记、董事长 · `liu-yang-2023`',
      '• 2022-01-10 · 集团 · 年度工作会议 · 主持 · 党委书记、董事长 · `liu-yang-2022`',
    ]);
    expect(card!.fields).toEqual([
      { name: '历任职务', value: '• 党委书记、董事长 · 2022-01-10 至 2023-04-08 · 2\n• 总经理 · 2024-02-20 · 1' },
      { name: '最常一同出席', value: '陈明 (3)、张建国 (1)' },
    ]);
  });

  it('names the namesakes beside the person seen first, and says so where it cannot tell', () => {
    const [card] = personReply({ kind: 'ready', ...index }, '张伟#3', 0, 'en').cards;
    expect(card!.description).toContain('*These appearances may be of several people of this name, seen with: 南平市, 江南大學.*');
    const [first] = personReply({ kind: 'ready', ...index }, '张伟', 0, 'en').cards;
    expect(first!.description).toContain('2 other people have this name');
  });

  it('says how far the index is while it is built, and offers the closest names for one it does not know', () => {
    expect(personReply({ kind: 'indexing', done: 3, total: 8 }, '劉洋', 0, 'zh-TW')).toEqual({ cards: [{ title: '', description: '人物索引仍在建立中（37%），請稍後再試。/search 可以照常使用。', fields: [] }], error: true });
    const unknown = personReply({ kind: 'ready', ...index }, '劉洋洋', 0, 'en');
    expect(unknown.error).toBe(true);
    expect(unknown.cards[0]!.description).toMatch(/^No one named “劉洋洋” took part in a meeting of the corpus\.\nDid you mean:\n• 劉洋 · 總經理 · 3 appearances/);
  });

  it('pages appearances ten at a time', async () => {
    const reports = Array.from({ length: 12 }, (_, n) => articleFrom(`r${String(n + 1).padStart(2, '0')}`, `2024年1月${n + 1}日，集團召開第${n + 1}次黨委會。黨委書記趙剛主持會議。`));
    const people = await (await peopleOf(new Library(reports))).ready();
    const [zhao] = people.directory.named('趙剛');
    const second = personPage(zhao!, [], 1, 'en');
    expect(second.page).toEqual({ index: 1, count: 2 });
    expect(second.cards[0]!.footer).toBe('Page 2 of 2');
    expect(second.cards[0]!.description.split('\n').filter(line => line.startsWith('• ')).map(line => line.slice(2, 12))).toEqual(['2024-01-02', '2024-01-01']);
  });

  it('exports every appearance as CSV with the sentence that shows it', () => {
    const [liu] = directory.named('劉洋');
    const csv = personCsv(library, liu!);
    expect(csv.startsWith('\ufeff"id","date","name","title","roles","organizer","meeting","sentence"\r\n')).toBe(true);
    const [, ...rows] = parseCsv(csv.slice(1));
    expect(rows[0]).toEqual(['liu-yang-2024', '2024-02-20', '劉洋', '總經理', 'chaired', '集團', '黨委會', '總經理劉洋主持會議，陳明出席，副總經理張建國參加會議']);
    expect(rows).toHaveLength(3);
  });

  it('answers in the console, paged like a search', async () => {
    const people = await peopleOf(library);
    const text = await converse(['/person 刘洋', '/next'], 'en', library, people);
    expect(text).toContain('**Person: 劉洋**');
    expect(text).toContain('This is the last page.');
  });
});

describe('the people index', () => {
  it('analyses again only the articles a reload changed', async () => {
    const counts = { analysed: 0 };
    const source = { library };
    const people = new LivePeople(source, { dataDirectory: PEOPLE_CORPUS, cacheDirectory: null, analysis: inlineAnalysis(counts) });
    await people.refresh();
    expect(counts.analysed).toBe(library.articles.length);
    const edited = library.articles.map(article => (article.id === 'liu-yang-2024' ? articleFrom(article.id, article.text.replace('總經理劉洋', '董事長劉洋')) : article));
    source.library = new Library(edited);
    await people.refresh();
    expect(counts.analysed).toBe(library.articles.length + 1);
    const status = people.status();
    expect(status.kind === 'ready' && status.directory.named('劉洋')[0]!.latestTitle).toBe('董事長');
  });

  it('keeps what it found in a cache beside the start-up cache, read back at the next start', async () => {
    const work = await mkdtemp(join(tmpdir(), 'people-cache-'));
    try {
      const corpus = join(work, 'corpus');
      await cp(PEOPLE_CORPUS, corpus, { recursive: true });
      const start = async (counts: { analysed: number }) => {
        const people = new LivePeople({ library: new Library((await loadCorpus(corpus)).articles) }, { dataDirectory: corpus, cacheDirectory: join(work, 'cache'), analysis: inlineAnalysis(counts) });
        await people.refresh();
        return (await people.ready()).directory;
      };
      const first = { analysed: 0 };
      const built = await start(first);
      expect(first.analysed).toBe(9);
      const again = { analysed: 0 };
      const read = await start(again);
      expect(again.analysed).toBe(0);
      expect(read.entries).toEqual(built.entries);
      await writeFile(join(corpus, 'liu-yang-2025.txt'), '2025年1月6日，集團召開年度工作會議。黨委書記、董事長劉洋主持會議。\n');
      const changed = { analysed: 0 };
      const reread = await start(changed);
      expect(changed.analysed).toBe(1);
      expect(reread.named('劉洋')[0]!.appearances).toHaveLength(4);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });
});

describe('person on the command line', () => {
  const cli = (...args: string[]) =>
    promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { cwd: join(__dirname, '..'), env: { ...process.env, DISCORD_TOKEN: '', CACHE_DIR: 'off' } }).catch(
      (error: { code: number; stdout: string; stderr: string }) => error,
    );

  it('prints every person of the name as JSON, the people index built in worker threads', async () => {
    const { stdout } = await cli('person', '張偉', '--json', '--data', PEOPLE_CORPUS);
    const answer = JSON.parse(stdout);
    expect(answer.query).toBe('張偉');
    expect(answer.people.map((person: { key: string; organizations: string[]; uncertain: boolean }) => [person.key, person.organizations, person.uncertain])).toEqual([
      ['张伟', ['南平市'], false],
      ['张伟#2', ['江南大學'], false],
      ['张伟#3', ['南平市', '江南大學'], true],
    ]);
    expect(answer.people[0]).toEqual({
      name: '張偉',
      key: '张伟',
      latestTitle: '南平市市長',
      organizations: ['南平市'],
      uncertain: false,
      titles: [{ title: '南平市市長', first: '2024-06-02', last: '2024-06-02', count: 1 }],
      appearances: [{ id: 'zhang-wei-city', date: '2024-06-02', meeting: '常務會議', organizer: '南平市政府', roles: ['chaired'], title: '南平市市長', evidence: [expect.any(Number), expect.any(Number)] }],
      with: [{ name: '王剛', count: 1 }],
    });
    const text = library.get('zhang-wei-city')!.text;
    expect(text.slice(...(answer.people[0].appearances[0].evidence as [number, number]))).toContain('張偉');
  });

  it('prints the Export file with --format csv, and refuses a name no one bears', async () => {
    const csv = await cli('person', '劉洋', '--format', 'csv', '--data', PEOPLE_CORPUS);
    expect(parseCsv(csv.stdout.slice(1)).map(row => row[0])).toEqual(['id', 'liu-yang-2024', 'liu-yang-2023', 'liu-yang-2022']);
    const refused = await cli('person', '劉洋洋', '--json', '--data', PEOPLE_CORPUS);
    expect('code' in refused && refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(/no one named "劉洋洋" took part in a meeting of the corpus; did you mean 劉洋/);
  });
});
