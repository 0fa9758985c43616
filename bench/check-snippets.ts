import { parseArgs } from 'node:util';
import type { Library } from '../src/library/library';
import { setQuiet } from '../src/log';
import { renderSnippet, SNIPPETS_PER_HIT } from '../src/replies/search';
import { checkPhrase } from '../src/search/phrase';
import { SNIPPET_CONTEXT } from '../src/search/snippets';
import { searchJson } from '../src/terminal/json';
import { fold } from '../src/text/fold';
import { withCorpus } from './open-corpus';
import { BENCH_CORPUS, BENCH_PHRASES } from './phrases';

/**
 * `npm run check:snippets [-- --data FILE|FOLDER]`: every snippet the CLI's `search --json` gives, for the
 * benchmark's phrases and a few very common ones, checked against the article it quotes. Examples
 * cannot prove snippets right; the whole corpus can. Exits non-zero on any defect, printing how many
 * of each kind there are and a few examples.
 */

/** The common phrases: one character with tens of thousands of mentions, a name, a word. */
const COMMON_PHRASES = ['會', '習近平', '發展'];
const EXAMPLES_PER_DEFECT = 3;
const LINE_BREAK = /[\n\r\v\f\u0085\u2028\u2029]/;

const { values } = parseArgs({ options: { data: { type: 'string', default: BENCH_CORPUS } } });

interface Tally {
  phrases: number;
  articles: number;
  snippets: number;
  highlights: number;
  defects: Map<string, string[]>;
}

setQuiet(true);
await withCorpus(values.data!, library => {
  const tally: Tally = { phrases: 0, articles: 0, snippets: 0, highlights: 0, defects: new Map() };
  for (const phrase of [...new Set([...BENCH_PHRASES, ...COMMON_PHRASES])]) checkSnippets(library, phrase, tally);

  process.stdout.write(
    `${library.articles.length} articles, ${tally.phrases} phrases: ${tally.articles} results, ${tally.snippets} snippets, ${tally.highlights} highlights checked\n`,
  );
  for (const [defect, examples] of tally.defects) {
    process.stdout.write(`DEFECT ${defect}: ${examples.length}\n`);
    for (const example of examples.slice(0, EXAMPLES_PER_DEFECT)) process.stdout.write(`  ${example}\n`);
  }
  if (tally.defects.size === 0) process.stdout.write('every highlight is a mention of its phrase\n');
  process.exitCode = tally.defects.size === 0 ? 0 : 1;
});

function checkSnippets(library: Library, phrase: string, tally: Tally): void {
  const checked = checkPhrase(phrase);
  if (!checked.ok) throw new Error(`"${phrase}" cannot be searched for (${checked.reason})`);
  const needle = checked.folded;
  const answer = searchJson(library, phrase);
  const outcome = library.search(phrase);
  const hits = new Map(outcome.kind === 'found' ? outcome.hits.map(hit => [hit.article.id, hit]) : []);
  tally.phrases++;
  for (const result of answer.results) {
    tally.articles++;
    const article = library.get(result.id)!;
    // Snippets are single lines: a line break inside one (only ever within a mention) reads as a space.
    const flat = article.text.replace(new RegExp(LINE_BREAK, 'g'), ' ');
    const where = (detail: string) => `${phrase} in ${result.id}: ${detail}`;
    const defect = (kind: string, detail: string) => {
      const examples = tally.defects.get(kind) ?? [];
      examples.push(where(detail));
      tally.defects.set(kind, examples);
    };
    let shown = 0;
    let readFrom = 0;
    for (const snippet of result.snippets) {
      tally.snippets++;
      const at = flat.indexOf(snippet.text, readFrom);
      if (at < 0) defect('snippet text is not the article’s, in order and without repeats', JSON.stringify(snippet.text));
      else readFrom = at + snippet.text.length;
      const rendered = renderSnippet({ ...snippet, clippedStart: false, clippedEnd: false }, 'original');
      if (LINE_BREAK.test(rendered)) defect('a line break inside a quoted snippet', JSON.stringify(rendered));
      if (rendered.includes('****')) defect('empty or back-to-back bold (****)', JSON.stringify(rendered));
      let previousEnd = 0;
      for (const [start, end] of snippet.highlights) {
        tally.highlights++;
        shown++;
        const range = `[${start}, ${end}) of ${snippet.text.length} characters`;
        if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > snippet.text.length || start >= end) {
          defect('highlight out of bounds or empty', range);
          continue;
        }
        if (start < previousEnd) defect('highlights overlap or go backwards', range);
        previousEnd = end;
        const highlighted = snippet.text.slice(start, end);
        if (fold(highlighted) !== needle) defect('highlight is not the phrase', `${JSON.stringify(highlighted)} at ${range}`);
      }
    }
    if (shown !== result.occurrences) defect('mentions highlighted ≠ mentions counted', `${shown} highlighted, ${result.occurrences} counted`);
    // A result page folds only the start of a long article for its snippets: they must be the whole text's first.
    const page = library.snippets(hits.get(article.id) ?? { article, needle }, { context: SNIPPET_CONTEXT, maxSnippets: SNIPPETS_PER_HIT });
    const first = result.snippets.slice(0, SNIPPETS_PER_HIT);
    if (JSON.stringify(page.map(({ text, highlights }) => ({ text, highlights }))) !== JSON.stringify(first)) defect('a page’s snippets differ from the whole text’s first', `${page.length} against ${first.length}`);
  }
}
