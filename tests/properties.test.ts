import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Library } from '../src/library/library';
import { findParticipants } from '../src/people/participants';
import { summarizeArticle } from '../src/meetings/summarize';
import { renderSnippet } from '../src/replies/search';
import { occurrences } from '../src/search/phrase';
import { buildSnippets } from '../src/search/snippets';
import { fold, foldWithMap, sourceRange } from '../src/text/fold';
import { articleFrom, bundledLibrary } from './helpers';

/**
 * Arbitrary input, the nastier the better: astral characters and emoji, combining marks, zero-width
 * and control characters, right-to-left text, lone surrogates, and runs of the corpus's own script.
 */
const nasty = fc.oneof(
  fc.constantFrom('😀', '𠀀', '㌀', 'ﷺ', '\u0301', '\u200b', '\u200f', '\u202e', '\u0000', '\u0007', '\ud800', '\udc00', 'ا', 'ب', '\n', ' ', '　', '（', ')', '(xué)', '**', '||', '`', '@everyone'),
  fc.constantFrom(...'黨委書記董事長侯景濱主持會議指出學習新質生產力干部幹部着著２０２３年、，。'.split('')),
  fc.string({ unit: 'binary', maxLength: 4 }),
);
const text = (maxLength: number) => fc.array(nasty, { maxLength }).map(parts => parts.join(''));
// A fixed seed keeps the suite deterministic; the arbitraries still cover every kind of input above.
const RUNS = { numRuns: 300, seed: 20261121 };

describe('properties on arbitrary input', async () => {
  const bundled = await bundledLibrary();

  it('folding never throws and maps every folded character back inside the source', () => {
    fc.assert(
      fc.property(text(60), source => {
        const folded = foldWithMap(source);
        expect(folded.text).toBe(fold(source));
        for (let i = 0; i < folded.text.length; i++) {
          const [start, end] = sourceRange(source, folded, i, i + 1);
          expect(start).toBeGreaterThanOrEqual(0);
          expect(end).toBeLessThanOrEqual(source.length);
          expect(start).toBeLessThan(end);
        }
      }),
      RUNS,
    );
  });

  it('search never throws, and finds exactly what a scan finds, with the same counts', () => {
    fc.assert(
      fc.property(fc.array(text(40), { minLength: 1, maxLength: 8 }), text(6), (texts, query) => {
        const library = new Library(texts.map((body, n) => articleFrom(`a${n}`, `文章${n}\n${body}`)));
        const outcome = library.search(query);
        const needle = fold(query);
        if (outcome.kind === 'refused') return;
        const expected = library.articles.flatMap(article => {
          const count = occurrences(fold(article.text), needle).length;
          return count ? [[article.id, count]] : [];
        });
        const got = outcome.kind === 'found' ? outcome.hits.map(hit => [hit.article.id, hit.occurrences]) : [];
        expect(new Map(got as [string, number][])).toEqual(new Map(expected as [string, number][]));
        if (outcome.kind === 'found') {
          for (const hit of outcome.hits) {
            // A mention is shown in whole characters: a phrase that ends inside one (ا in ا́, アパ in ㌀) shows all of it.
            for (const [start, end] of library.mentions(hit)) expect(fold(hit.article.text.slice(start, end))).toContain(needle);
          }
        }
      }),
      RUNS,
    );
  });

  it('a phrase pasted from an article’s source finds the article, annotations and all', () => {
    fc.assert(
      fc.property(text(12), raw => {
        const article = articleFrom('a', raw);
        const outcome = new Library([article]).search(raw);
        if (outcome.kind === 'refused') return;
        expect(outcome.kind).toBe('found');
      }),
      RUNS,
    );
  });

  it('snippets show every mention once, in bounds, on one line, with no text twice', () => {
    fc.assert(
      fc.property(fc.array(text(40), { minLength: 1, maxLength: 4 }), text(4), (texts, query) => {
        const library = new Library(texts.map((body, n) => articleFrom(`a${n}`, `文章${n}\n${body}`)));
        const outcome = library.search(query);
        if (outcome.kind !== 'found') return;
        const needle = fold(query);
        for (const hit of outcome.hits) {
          for (const maxSnippets of [3, Infinity]) {
            const snippets = buildSnippets(hit.article.text, library.mentions(hit), { context: 5, maxSnippets });
            let readFrom = 0;
            for (const snippet of snippets) {
              expect(snippet.text).not.toMatch(/[\n\u2028\u2029]/);
              const at = hit.article.text.replace(/\n/g, ' ').indexOf(snippet.text, readFrom);
              expect(at).toBeGreaterThanOrEqual(readFrom);
              readFrom = at + snippet.text.length;
              let previousEnd = 0;
              for (const [start, end] of snippet.highlights) {
                expect(start).toBeGreaterThanOrEqual(previousEnd);
                expect(end).toBeGreaterThan(start);
                expect(end).toBeLessThanOrEqual(snippet.text.length);
                expect(fold(snippet.text.slice(start, end))).toContain(needle);
                previousEnd = end;
              }
              expect(renderSnippet(snippet, 'original')).not.toContain('****');
            }
          }
        }
      }),
      RUNS,
    );
  });

  it('search on the bundled articles never throws, whatever is typed', () => {
    fc.assert(
      fc.property(text(20), query => {
        const outcome = bundled.search(query);
        expect(['found', 'absent', 'refused']).toContain(outcome.kind);
      }),
      RUNS,
    );
  });

  it('participants and summaries never throw on arbitrary articles', () => {
    fc.assert(
      fc.property(text(120), body => {
        const article = articleFrom('x', body.trim() ? body : '空');
        const participants = findParticipants(article);
        const summary = summarizeArticle(article, participants);
        expect(summary.summary.length).toBeLessThanOrEqual(300);
        for (const person of participants.people) expect(article.text).toContain(person.name);
      }),
      RUNS,
    );
  });

  it('handles a 100,000-character input', () => {
    const huge = '黨委書記、董事長侯景濱主持會議。😀\u200b'.repeat(5000).slice(0, 100_000);
    const article = articleFrom('huge', huge);
    expect(() => summarizeArticle(article, findParticipants(article))).not.toThrow();
    const library = new Library([article]);
    expect(library.search(huge).kind).toBe('refused');
    expect(library.search('侯景濱').kind).toBe('found');
  });
});
