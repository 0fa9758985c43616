import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { corpusKey } from '../src/storage/corpus-key';
import { LiveLibrary } from '../src/library/live-library';
import { loadCorpus } from '../src/corpus/load';
import { openLibrary, startUpCacheWritten } from '../src/library/open';
import { Library } from '../src/library/library';
import { registerSecret } from '../src/log';
import { participantsReply } from '../src/replies/participants';
import { searchReply } from '../src/replies/search';
import { summaryReply } from '../src/replies/summary';

/** The corpus is the corpus folder, and nothing in it reaches a reply with the token. */

const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GaBcDe.secret_part-of-the-token-0123456789';
let root: string;
let corpus: string;
let outside: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'confined-'));
  corpus = join(root, 'corpus');
  outside = join(root, 'outside');
  await mkdir(corpus);
  await mkdir(outside);
  await writeFile(join(corpus, 'good.txt'), '集團召開工作會議。');
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const everything = (reply: { cards: readonly { title: string; description: string; fields: readonly { name: string; value: string }[]; footer?: string }[] }) =>
  reply.cards.map(card => [card.title, card.description, card.footer ?? '', ...card.fields.flatMap(field => [field.name, field.value])].join('\n')).join('\n');

describe('the corpus folder', () => {
  it('is all that is read: links that leave it are skipped with a warning, links inside it are followed', async () => {
    await writeFile(join(outside, 'passwd'), 'root:x:0:0:root:/root:/bin/bash\n集團召開秘密會議。');
    await symlink(join(outside, 'passwd'), join(corpus, 'passwd.txt'));
    await symlink('../outside/passwd', join(corpus, 'relative.md'));
    await symlink(outside, join(corpus, 'folder.txt'));
    await symlink(join(corpus, 'good.txt'), join(corpus, 'alias.txt'));
    const { articles, warnings } = await loadCorpus(corpus);
    expect(articles.map(article => article.id).sort()).toEqual(['alias', 'good']);
    for (const name of ['passwd.txt', 'relative.md', 'folder.txt']) {
      expect(warnings.find(warning => warning.file === join(corpus, name))?.message).toMatch(/^links to .+, outside the corpus folder; skipped$/);
    }
  });

  it('is read through a link to it', async () => {
    await symlink(corpus, join(root, 'linked'));
    expect((await loadCorpus(join(root, 'linked'))).articles.map(article => article.id)).toEqual(['good']);
  });

  it('is all the start-up cache key reads', async () => {
    await writeFile(join(outside, 'notes'), '集團召開會議。');
    await symlink(join(outside, 'notes'), join(corpus, 'notes.txt'));
    const before = await corpusKey(corpus);
    await writeFile(join(outside, 'notes'), '集團召開另一次會議。');
    expect(await corpusKey(corpus)).toBe(before);
  });
});

describe('the token', () => {
  const leak = `3月1日，集團召開工作會議。黨委書記張偉主持會議。\nDISCORD_TOKEN=${TOKEN}\n會議要求，${TOKEN}要抓好落實。`;

  it('never reaches a reply, whatever the corpus says', async () => {
    registerSecret(TOKEN);
    await writeFile(join(corpus, 'leak.txt'), leak);
    await writeFile(join(corpus, 'records.jsonl'), JSON.stringify({ id: `id-${TOKEN}`, title: `標題${TOKEN}`, text: `集團召開會議。${TOKEN}` }));
    const library = new Library((await loadCorpus(corpus)).articles);
    const texts = library.articles.flatMap(article => [article.id, article.title, article.text]).join('\n');
    expect(texts).not.toContain(TOKEN);
    expect(library.get('leak')!.text).toContain('DISCORD_TOKEN=[redacted]');
    const replies = await Promise.all([
      summaryReply(library, 'leak', 'en'),
      participantsReply(library, 'leak', 'en'),
      searchReply(library, 'DISCORD', 0, 'en'),
      searchReply(library, '集團', 0, 'zh-CN'),
      summaryReply(library, 'id-[redacted]', 'zh-TW'),
    ]);
    for (const reply of replies) expect(everything(reply)).not.toContain(TOKEN.split('.')[2]);
  });

  it('is blanked out by a reload in the worker too', async () => {
    registerSecret(TOKEN);
    const live = new LiveLibrary(await openLibrary(corpus), corpus);
    await writeFile(join(corpus, 'leak.txt'), leak);
    await live.reload();
    expect(live.library.get('leak')!.text).not.toContain(TOKEN);
    expect(live.library.get('leak')!.text).toContain('[redacted]');
  });

  it('is blanked out of a start-up cache written before it was known', async () => {
    const later = 'another-token-registered-later.abcdef.0123456789abcdefghij';
    await writeFile(join(corpus, 'leak.txt'), `集團召開會議。${later}`);
    const cache = join(root, 'cache');
    const first = await openLibrary(corpus, cache);
    await startUpCacheWritten(first);
    expect(first.get('leak')!.text).toContain(later);
    registerSecret(later);
    const second = await openLibrary(corpus, cache);
    expect(second.get('leak')!.text).not.toContain(later);
    // The new key rebuilt the cache, written in the background: done before the folder is removed.
    await startUpCacheWritten(second);
  });
});
