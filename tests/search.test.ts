import { describe, expect, it } from 'vitest';
import { Library } from '../src/library/library';
import { renderSnippet, searchReply } from '../src/replies/search';
import { buildSnippets, SNIPPET_CONTEXT } from '../src/search/snippets';
import { fold } from '../src/text/fold';
import { segmentWords } from '../src/text/segment';
import { articleFrom, bundledLibrary } from './helpers';

describe('Library.search', async () => {
  const library = await bundledLibrary();

  it('finds both mentions of 新質生產力 in article 000, from either script', () => {
    for (const query of ['新質生產力', '新质生产力']) {
      const outcome = library.search(query);
      expect(outcome.kind).toBe('found');
      if (outcome.kind !== 'found') return;
      expect(outcome.hits.map(hit => [hit.article.id, hit.occurrences])).toEqual([['000_5a4681f7358e924d', 2]]);
      const [hit] = outcome.hits;
      expect(library.mentions(hit!).map(([start, end]) => hit!.article.text.slice(start, end))).toEqual(['新質生產力', '新質生產力']);
    }
  });

  it('finds a phrase typed with spaces inside it', () => {
    const outcome = library.search('黨員 先行');
    expect(outcome.kind === 'found' && outcome.hits[0]!.occurrences).toBe(6);
  });

  it('folds a phrase as articles are folded: pinyin annotations, widths, scripts and whitespace', () => {
    const counts = (query: string) => {
      const outcome = library.search(query);
      return outcome.kind === 'found' ? outcome.hits.map(hit => [hit.article.id, hit.occurrences]) : [];
    };
    // Pasted from the source, which writes pinyin after some characters: 劉洋河(hé), 學(xué)習(xí).
    expect(counts('劉洋河(hé)')).toEqual([['001_d409caa57de1005b', 3]]);
    expect(counts('學(xué)習(xí)')).toEqual(counts('學習'));
    expect(counts('学(xué)习')).toEqual(counts('學習'));
    // Widths, scripts and whitespace, all at once.
    expect(counts(' 劉 洋 河(hé)　')).toEqual(counts('刘洋河'));
    expect(counts('２０２２年(nián)')).toEqual(counts('2022年'));
    expect(counts('2022年').length).toBeGreaterThan(0);
    // Annotations are not part of the phrase's length: 100 characters with pinyin after each is searched.
    expect(library.search('長(cháng)'.repeat(100)).kind).toBe('absent');
  });

  it('finds the conversion slip 干部 and its proper form 幹部 alike', () => {
    const slip = library.search('干部');
    const proper = library.search('幹部');
    expect(slip).toMatchObject({ kind: 'found' });
    expect(slip.kind === 'found' && slip.hits.map(hit => hit.occurrences)).toEqual(proper.kind === 'found' && proper.hits.map(hit => hit.occurrences));
  });

  it('shows each mention in the article’s own words, across removed annotations', () => {
    const outcome = library.search('楊光明');
    expect(outcome.kind).toBe('found');
    if (outcome.kind !== 'found') return;
    const [hit] = outcome.hits;
    expect(library.mentions(hit!).map(([start, end]) => hit!.article.text.slice(start, end))).toEqual(['楊光明', '楊光明']);
  });

  it('shows mentions inside one character that folds to several as that character, once', () => {
    const small = new Library([articleFrom('a', '第⑪條')]);
    const outcome = small.search('1');
    if (outcome.kind !== 'found') throw new Error('not found');
    expect(outcome.hits[0]!.occurrences).toBe(2);
    expect(small.mentions(outcome.hits[0]!)).toEqual([[1, 2]]);
  });

  it('ranks more mentions first, then a mention in the title, then the earliest mention', () => {
    const small = new Library([
      articleFrom('a', '集團召開會議。會上談到改革。'),
      articleFrom('b', '改革工作會召開\n會議部署改革。'),
      articleFrom('c', '改革改革，改革。'),
      articleFrom('d', '集團召開會議，部署改革。'),
    ]);
    const outcome = small.search('改革');
    expect(outcome.kind === 'found' && outcome.hits.map(hit => hit.article.id)).toEqual(['c', 'b', 'd', 'a']);
  });

  it('names the closest articles by words when no article contains the phrase', () => {
    const outcome = library.search('東方電氣黨組會議紀要');
    expect(outcome.kind).toBe('absent');
    if (outcome.kind !== 'absent') return;
    expect(outcome.closest[0]!.id).toBe('004_62825ae384032cb4');
  });

  it('names the same closest articles as scoring every word in every article would', async () => {
    // Each sentence of the bundled articles an article of its own: hundreds, in real text.
    const sentences = library.articles.flatMap(article => article.text.split(/(?<=。)/).filter(sentence => sentence.trim().length > 4));
    const many = new Library(sentences.map((sentence, at) => articleFrom(`s${at}`, `第${at}句\n${sentence}`)));
    const folded = many.articles.map(article => fold(article.text));
    for (const query of ['東方電氣黨組會議紀要', '的不存在短語', '集團公司黨委理論學習中心組的火星基地', '改革的的的會議']) {
      const words = [...new Set(segmentWords(fold(query)))].filter(word => folded.some(text => text.includes(word)));
      const score = (text: string) => words.reduce((sum, word) => sum + (text.includes(word) ? Math.log(1 + folded.length / folded.filter(other => other.includes(word)).length) * word.length : 0), 0);
      const scores = folded.map(score);
      const expected = [...scores.keys()].filter(at => scores[at]! > 0).sort((a, b) => scores[b]! - scores[a]! || a - b);
      const outcome = many.search(query);
      expect(outcome.kind).toBe('absent');
      if (outcome.kind !== 'absent') continue;
      const got = outcome.closest.map(article => many.articles.indexOf(article));
      expect(got.map(at => scores[at]!.toFixed(9)), query).toEqual(expected.slice(0, 5).map(at => scores[at]!.toFixed(9)));
    }
  });

  it('ranks articles met only at a later word above those met first, when their words weigh more together', () => {
    // 紀要 weighs most alone, but 改革 and 會議 together weigh more; 的, in every article, adds little.
    const articles = [
      ...Array.from({ length: 5 }, (_, at) => articleFrom(`minutes${at}`, `會後印發的紀要第${at}號`)),
      ...Array.from({ length: 6 }, (_, at) => articleFrom(`reform${at}`, `深化改革的專題會議第${at}次`)),
      ...Array.from({ length: 20 }, (_, at) => articleFrom(`weather${at}`, `今天的天氣晴朗第${at}天`)),
    ];
    const outcome = new Library(articles).search('紀要改革會議的');
    expect(outcome.kind === 'absent' && outcome.closest.map(article => article.id)).toEqual(['reform0', 'reform1', 'reform2', 'reform3', 'reform4']);
  });

  it('refuses phrases with nothing to search for, and phrases over 100 characters', () => {
    for (const query of ['', '   ', '，。！“”', '\u200b']) expect(library.search(query)).toMatchObject({ kind: 'refused', reason: 'empty' });
    expect(library.search('長'.repeat(101))).toMatchObject({ kind: 'refused', reason: 'too-long' });
    expect(library.search('長'.repeat(100)).kind).toBe('absent');
  });
});

describe('buildSnippets', () => {
  it('puts close mentions in one snippet and cuts a dense run into several short ones', () => {
    const text = '甲'.repeat(50) + '改革乙改革' + '丙'.repeat(20) + '改革丁'.repeat(60);
    const mentions: [number, number][] = [];
    for (let at = text.indexOf('改革'); at >= 0; at = text.indexOf('改革', at + 2)) mentions.push([at, at + 2]);
    const snippets = buildSnippets(text, mentions, { context: 10, maxSnippets: 3 });
    expect(snippets).toHaveLength(3);
    expect(snippets[0]!.highlights).toHaveLength(2);
    for (const snippet of snippets) {
      expect(snippet.text.length).toBeLessThanOrEqual(2 * 10 + 2 * 3);
      for (const [start, end] of snippet.highlights) expect(snippet.text.slice(start, end)).toBe('改革');
    }
  });

  it('highlights every mention of a dense run once, inside its snippet, on the bundled articles', async () => {
    // 發展 three times in one sentence of 000, and 會 everywhere, once gave negative highlights: a
    // snippet began where the last one ended, after the mention it was made for.
    const library = await bundledLibrary();
    for (const phrase of ['發展', '會', '習近平']) {
      const outcome = library.search(phrase);
      if (outcome.kind !== 'found') throw new Error(`${phrase} not found`);
      for (const hit of outcome.hits) {
        const snippets = buildSnippets(hit.article.text, library.mentions(hit), { context: SNIPPET_CONTEXT, maxSnippets: Infinity });
        expect(snippets.flatMap(snippet => snippet.highlights)).toHaveLength(hit.occurrences);
        let readFrom = 0;
        for (const snippet of snippets) {
          const at = hit.article.text.replace(/\n/g, ' ').indexOf(snippet.text, readFrom);
          expect(at, 'snippets are the article’s text, in order, never repeated').toBeGreaterThanOrEqual(readFrom);
          readFrom = at + snippet.text.length;
          for (const [start, end] of snippet.highlights) {
            expect(start).toBeGreaterThanOrEqual(0);
            expect(end).toBeLessThanOrEqual(snippet.text.length);
            expect(fold(snippet.text.slice(start, end))).toBe(fold(phrase));
          }
          expect(renderSnippet(snippet, 'original')).not.toContain('****');
        }
      }
    }
  });

  it('never cuts a character outside the basic plane in two, even between the snippets of a dense run', () => {
    const text = ('改' + '😀'.repeat(3)).repeat(20);
    const mentions: [number, number][] = [];
    for (let at = text.indexOf('改'); at >= 0; at = text.indexOf('改', at + 1)) mentions.push([at, at + 1]);
    const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
    for (const context of [2, 3, 5]) {
      for (const snippet of buildSnippets(text, mentions, { context, maxSnippets: Infinity })) expect(snippet.text).not.toMatch(loneSurrogate);
    }
  });

  it('bolds touching mentions as one span, so that no **** shows', () => {
    // From the news corpus: 中國工會會徽, searched for 會.
    const article = articleFrom('x', '後幕正中懸掛中國工會會徽');
    const library = new Library([article]);
    const outcome = library.search('會');
    if (outcome.kind !== 'found') throw new Error('not found');
    const [snippet] = buildSnippets(article.text, library.mentions(outcome.hits[0]!), { context: SNIPPET_CONTEXT, maxSnippets: 3 });
    expect(snippet!.highlights).toEqual([[9, 10], [10, 11]]);
    expect(renderSnippet(snippet!, 'original')).toBe('後幕正中懸掛中國工**會會**徽');
  });

  it('shows a mention that spans a line break on one line, as the article says it', async () => {
    const library = await bundledLibrary();
    const outcome = library.search('會議。侯景濱指出');
    if (outcome.kind !== 'found') throw new Error('not found');
    const [snippet] = buildSnippets(outcome.hits[0]!.article.text, library.mentions(outcome.hits[0]!), { context: SNIPPET_CONTEXT, maxSnippets: 3 });
    expect(snippet!.highlights).toHaveLength(1);
    const [start, end] = snippet!.highlights[0]!;
    expect(snippet!.text.slice(start, end)).toBe('會議。 侯景濱指出');
    expect(snippet!.text).not.toContain('\n');
    const entry = (await searchReply(library, '會議。侯景濱指出', 0, 'en')).cards[0]!.description.split('\n').filter(line => line.startsWith('> '));
    expect(entry).toEqual([expect.stringContaining('**會議。 侯景濱指出**')]);
  });
});
