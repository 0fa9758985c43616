import { cp, mkdir, mkdtemp, rename, rm, unlink, writeFile, appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BUNDLED_DATA_DIR } from '../src/config';
import { coalesce } from '../src/corpus/coalesce';
import { LiveLibrary } from '../src/library/live-library';
import { openLibrary } from '../src/library/open';
import * as logging from '../src/log';

let corpus: string;

beforeEach(async () => {
  corpus = join(await mkdtemp(join(tmpdir(), 'live-')), 'corpus');
  await cp(BUNDLED_DATA_DIR, corpus, { recursive: true });
});

afterEach(async () => {
  await rm(join(corpus, '..'), { recursive: true, force: true });
  vi.restoreAllMocks();
});

/** What a search says, reduced to the articles and counts: enough to tell one index from another. */
function answer(live: LiveLibrary, phrase: string): string {
  const outcome = live.library.search(phrase);
  return outcome.kind === 'found' ? outcome.hits.map(hit => `${hit.article.id}:${hit.occurrences}`).join(' ') : outcome.kind;
}

describe('LiveLibrary', () => {
  it('answers every query from a whole index, old or new, while files are added, edited and removed', async () => {
    const live = new LiveLibrary(await openLibrary(corpus), corpus);
    const before = answer(live, '揭榜');
    await writeFile(join(corpus, 'added.txt'), '集團召開揭榜大會。揭榜項目十個。');
    await appendFile(join(corpus, '000_5a4681f7358e924d.txt'), '\n會上宣布揭榜名單。');
    await unlink(join(corpus, '004_62825ae384032cb4.txt'));

    const seen = new Set<string>();
    let querying = true;
    const queries = (async () => {
      while (querying) {
        seen.add(answer(live, '揭榜'));
        await new Promise(resolve => setImmediate(resolve));
      }
    })();
    await live.reload();
    querying = false;
    await queries;

    const after = answer(live, '揭榜');
    expect(after).not.toBe(before);
    expect(after).toContain('added:2');
    expect(after).toContain('000_5a4681f7358e924d:1');
    expect(live.library.get('004_62825ae384032cb4')).toBeUndefined();
    expect([...seen].every(seenAnswer => seenAnswer === before || seenAnswer === after)).toBe(true);
    expect(seen.has(before)).toBe(true);
  });

  it('keeps the old index and logs why when a rebuild fails', async () => {
    const live = new LiveLibrary(await openLibrary(corpus), corpus);
    const before = answer(live, '新質生產力');
    await rm(corpus, { recursive: true });
    const errors = vi.spyOn(logging.log, 'error');
    await live.reload();
    expect(answer(live, '新質生產力')).toBe(before);
    expect(errors.mock.calls.some(([message]) => /reload of .* failed; still answering from the 5 articles/.test(message))).toBe(true);
  });

  it('reloads by itself when the folder changes', async () => {
    const live = new LiveLibrary(await openLibrary(corpus), corpus);
    live.watch();
    try {
      await writeFile(join(corpus, 'watched.txt'), '公司召開量子通信座談會。');
      await expect.poll(() => live.library.get('watched')?.title, { timeout: 10_000 }).toBe('公司召開量子通信座談會');
    } finally {
      live.close();
    }
  });

  it.each([
    ['renamed away', (folder: string) => rename(folder, `${folder}-old`)],
    ['removed', (folder: string) => rm(folder, { recursive: true })],
  ])('follows the folder when it is %s and made again', async (_, remove) => {
    const live = new LiveLibrary(await openLibrary(corpus), corpus, { quietMs: 100, maxWaitMs: 1000, pollMs: 100 });
    live.watch();
    try {
      await remove(corpus);
      await mkdir(corpus);
      await writeFile(join(corpus, 'first.txt'), '公司召開第一次座談會。');
      await expect.poll(() => live.library.get('first')?.title, { timeout: 10_000 }).toBe('公司召開第一次座談會');
      // A file written later is seen by the watcher on the new folder, not by the replacement itself.
      await writeFile(join(corpus, 'later.txt'), '公司召開第二次座談會。');
      await expect.poll(() => live.library.get('later')?.title, { timeout: 10_000 }).toBe('公司召開第二次座談會');
    } finally {
      live.close();
    }
  });

  it('reloads while a folder keeps being written, not only once the writes stop', async () => {
    const live = new LiveLibrary(await openLibrary(corpus), corpus, { quietMs: 500, maxWaitMs: 1500, pollMs: 1000 });
    live.watch();
    try {
      await writeFile(join(corpus, 'first.txt'), '公司召開座談會。');
      const started = Date.now();
      let writes = 0;
      // A write every 100 ms, far inside the 500 ms of quiet a reload waits for.
      while (!live.library.get('first') && Date.now() - started < 15_000) {
        await writeFile(join(corpus, 'busy.txt'), `公司召開第${++writes}次會議。`);
        await new Promise(resolve => setTimeout(resolve, 100));
      }
      expect(live.library.get('first')).toBeDefined();
    } finally {
      live.close();
    }
  });
});

describe('coalesced reloads', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs once a burst has been quiet for a moment', () => {
    const action = vi.fn();
    const changes = coalesce(action, 500, 3000);
    changes.poke();
    vi.advanceTimersByTime(300);
    changes.poke();
    vi.advanceTimersByTime(499);
    expect(action).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(action).toHaveBeenCalledTimes(1);
  });

  it('runs at least every maximum wait while pokes keep coming', () => {
    const action = vi.fn();
    const changes = coalesce(action, 500, 3000);
    for (let elapsed = 0; elapsed < 10_000; elapsed += 300) {
      changes.poke();
      vi.advanceTimersByTime(300);
    }
    expect(action.mock.calls.length).toBeGreaterThanOrEqual(3);
    const during = action.mock.calls.length;
    vi.advanceTimersByTime(500);
    expect(action).toHaveBeenCalledTimes(during + 1);
  });

  it('runs nothing once cancelled', () => {
    const action = vi.fn();
    const changes = coalesce(action, 500, 3000);
    changes.poke();
    changes.cancel();
    vi.advanceTimersByTime(5000);
    expect(action).not.toHaveBeenCalled();
  });
});
