import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { cleanArticleText } from '../src/corpus/clean';
import { loadCorpus, SIZE_LIMITS } from '../src/corpus/load';
import { removePinyinAnnotations } from '../src/text/pinyin';
import { BUNDLED_DATA_DIR } from '../src/config';

const MIXED = join(__dirname, 'fixtures', 'mixed-corpus');

describe('the bundled corpus', async () => {
  const { articles, warnings } = await loadCorpus(BUNDLED_DATA_DIR);

  it('loads all five articles without warnings', () => {
    expect(warnings).toEqual([]);
    expect(articles.map(article => article.id)).toEqual([
      '000_5a4681f7358e924d',
      '001_d409caa57de1005b',
      '002_2756de6f135840e3',
      '003_1e90a82e1525bbfb',
      '004_62825ae384032cb4',
    ]);
  });

  it('removes the pinyin annotations and keeps real parentheses', () => {
    const raw = articles.map(article => readFileSync(article.source, 'utf8')).join('');
    const removed = raw.length - articles.reduce((sum, article) => sum + article.text.length, 0);
    expect(removed).toBeGreaterThan(1300 * 4);
    for (const article of articles) expect(article.text).not.toMatch(/\p{Script=Han}\([a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]+\)/u);
    const byId = new Map(articles.map(article => [article.id, article]));
    expect(byId.get('004_62825ae384032cb4')!.text).toContain('中心組(擴大)學習會');
    expect(byId.get('003_1e90a82e1525bbfb')!.text).toContain('(胡藍月)');
    expect(byId.get('001_d409caa57de1005b')!.text).toContain('首席技術官楊光明出席');
  });

  it('keeps mojibake runs as they are', () => {
    const article = articles.find(a => a.id === '000_5a4681f7358e924d')!;
    expect(article.text).toContain('業績?yōu)橹袊?guó)樂凱');
  });

  it('takes the headline where there is one, else the clause naming the meeting', () => {
    const titles = Object.fromEntries(articles.map(article => [article.id, article.title]));
    expect(titles['002_2756de6f135840e3']).toBe('聚焦工作會丨開局即沖刺,奮進新征程,這些單位發出動員令!');
    expect(titles['000_5a4681f7358e924d']).toBe('中國樂凱黨委組織召開中心組學習擴大會');
    expect(titles['004_62825ae384032cb4']).toBe('東方電氣集團舉行黨組理論學習中心組(擴大)學習會');
  });

  it('states the date an article gives, without inventing a year', () => {
    const dates = Object.fromEntries(articles.map(article => [article.id, article.date]));
    expect(dates['001_d409caa57de1005b']).toEqual({ text: '2022年6月17日', year: 2022, month: 6, day: 17 });
    expect(dates['000_5a4681f7358e924d']).toEqual({ text: '3月25日', year: null, month: 3, day: 25 });
    expect(dates['002_2756de6f135840e3']).toBeNull();
  });
});

describe('loadCorpus on a folder of mixed encodings and faults', async () => {
  const { articles, warnings } = await loadCorpus(MIXED);
  const byId = new Map(articles.map(article => [article.id, article]));
  const warned = (file: string) => warnings.filter(warning => warning.file.endsWith(file));

  it('decodes Big5 without mojibake', () => {
    expect(byId.get('big5-article')!.text).toContain('黨組書記、董事長俞培根主持會議');
  });

  it('decodes GBK without mojibake', () => {
    expect(byId.get('gbk-article')!.text).toContain('党委书记张三主持会议');
  });

  it('decodes UTF-16 and UTF-8 with a byte order mark', () => {
    expect(byId.get('utf16-article')!.text).toBe('研究院召開座談會。\n院長李四出席會議。');
    expect(byId.get('bom-article')!.text).toBe('集團召開工作會。');
  });

  it('reads JSONL records with their titles and dates', () => {
    expect(byId.get('rec-1')).toMatchObject({ title: '航天科技集團召開會議', date: { year: 2023, month: 9, day: 8 } });
    expect(byId.get('rec-3')!.title).toBe('總部召開黨員大會');
  });

  it('skips what cannot be read with a warning naming the file and line, and loads the rest', () => {
    expect(warned('empty.txt')[0]!.message).toMatch(/empty/);
    expect(warned('binary.txt')[0]!.message).toMatch(/binary/);
    expect(warned('garbage.txt')[0]!.message).toMatch(/not valid UTF-8, Big5 or GB18030|does not read as Chinese/);
    expect(warned('records.jsonl').map(warning => warning.line)).toEqual([2, 4]);
    expect(warned('notes.csv')).toEqual([]);
    expect([...byId.keys()].sort()).toEqual(['big5-article', 'bom-article', 'gbk-article', 'rec-1', 'rec-3', 'utf16-article']);
  });

  it('reports a missing folder instead of throwing', async () => {
    const missing = await loadCorpus(join(MIXED, 'no-such-folder'));
    expect(missing.articles).toEqual([]);
    expect(missing.warnings[0]!.message).toMatch(/cannot read the corpus folder/);
  });
});

describe('cleaning', () => {
  it('removes annotations after a mojibake question mark too', () => {
    expect(removePinyinAnnotations('業績?(guó)樂(lè)凱')).toBe('業績?樂凱');
  });

  it('leaves English in parentheses after Latin text alone', () => {
    expect(removePinyinAnnotations('PSIM (psim) 技術')).toBe('PSIM (psim) 技術');
  });

  it('normalises line endings and blank runs', () => {
    expect(cleanArticleText('\uFEFF第一段\r\n\r\n\r\n\r\n第二段  \r\n')).toBe('第一段\n\n第二段');
  });
});

describe('loadCorpus on a folder of faults', () => {
  it('warns about each fault and loads the rest', async () => {
    const { mkdtemp, writeFile, symlink, mkdir, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const folder = await mkdtemp(join(tmpdir(), 'faults-'));
    try {
      await writeFile(join(folder, 'good.txt'), '集團召開工作會議。');
      await writeFile(join(folder, 'good.md'), '同一個 id 的第二篇。');
      await writeFile(join(folder, 'huge.txt'), Buffer.alloc(50 * 1024 * 1024, 0x61));
      await symlink(join(folder, 'loop-b.txt'), join(folder, 'loop-a.txt'));
      await symlink(join(folder, 'loop-a.txt'), join(folder, 'loop-b.txt'));
      await mkdir(join(folder, 'folder.txt'));
      const { articles, warnings } = await loadCorpus(folder);
      expect(articles.map(article => article.id)).toEqual(['good']);
      const about = (file: string) => warnings.find(warning => warning.file.endsWith(file))?.message ?? '';
      expect(warnings.filter(warning => /id "good" is already used by .*good\.md/.test(warning.message)).map(warning => warning.file)).toEqual([join(folder, 'good.txt')]);
      expect(about('huge.txt')).toMatch(/larger than the 5242880-byte limit/);
      expect(about('loop-a.txt')).toMatch(/cannot read: ELOOP/);
      expect(about('folder.txt')).toMatch(/not a regular file/);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});

describe('size limits', () => {
  it('hold a JSONL record to the article limit, in .jsonl and .jsonl.gz, and load the rest', async () => {
    const { mkdtemp, writeFile, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const folder = await mkdtemp(join(tmpdir(), 'limits-'));
    try {
      const huge = JSON.stringify({ id: 'huge', text: `集團召開會議。${'會'.repeat(SIZE_LIMITS.articleBytes / 3)}` });
      const records = (prefix: string) => [JSON.stringify({ id: `${prefix}-small`, text: '集團召開工作會議。' }), huge.replace('"huge"', `"${prefix}-huge"`)].join('\n');
      await writeFile(join(folder, 'plain.jsonl'), records('plain'));
      await writeFile(join(folder, 'packed.jsonl.gz'), gzipSync(records('packed')));
      const { articles, warnings } = await loadCorpus(folder);
      expect(articles.map(article => article.id).sort()).toEqual(['packed-small', 'plain-small']);
      for (const file of ['plain.jsonl', 'packed.jsonl.gz']) {
        expect(warnings.find(warning => warning.file.endsWith(file))).toMatchObject({ line: 2, message: expect.stringMatching(/larger than the 5242880-byte limit for one article; line skipped/) });
      }
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('hold a .jsonl.gz to the collection limit once decompressed', async () => {
    const { mkdtemp, writeFile, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const folder = await mkdtemp(join(tmpdir(), 'limits-'));
    try {
      const records = Array.from({ length: 2000 }, (_, n) => JSON.stringify({ id: `r${n}`, text: '集團召開工作會議。' })).join('\n');
      const packed = gzipSync(records);
      await writeFile(join(folder, 'bomb.jsonl.gz'), packed);
      await writeFile(join(folder, 'fine.txt'), '集團召開工作會議。');
      const limits = { articleBytes: SIZE_LIMITS.articleBytes, collectionBytes: packed.length * 4 };
      const { articles, warnings } = await loadCorpus(folder, limits);
      expect(articles.map(article => article.id)).toEqual(['fine']);
      expect(warnings).toEqual([{ file: join(folder, 'bomb.jsonl.gz'), message: `decompresses to more than the ${limits.collectionBytes}-byte limit; skipped` }]);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
