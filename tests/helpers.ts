import { PassThrough } from 'node:stream';
import { BUNDLED_DATA_DIR } from '../src/config';
import type { Article } from '../src/corpus/article';
import { loadCorpus } from '../src/corpus/load';
import { cleanArticleText, deriveDate, deriveTitle } from '../src/corpus/clean';
import { Library } from '../src/library';
import type { ReplyLocale } from '../src/replies/locale';
import { runConsole } from '../src/terminal/console';

let bundled: Promise<Library> | null = null;

/** The library of the five bundled articles, loaded once per test file. */
export function bundledLibrary(): Promise<Library> {
  bundled ??= loadCorpus(BUNDLED_DATA_DIR).then(({ articles }) => new Library(articles));
  return bundled;
}

/** An article made from text written in a test, cleaned as the loader cleans files. */
export function articleFrom(id: string, raw: string): Article {
  const text = cleanArticleText(raw);
  return { id, title: deriveTitle(text), date: deriveDate(text), text, source: `${id}.txt` };
}

/** Everything the console prints for the given input lines. */
export async function converse(lines: string[], locale: ReplyLocale = 'en', library?: Library): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', chunk => (text += chunk));
  const done = runConsole({ library: library ?? (await bundledLibrary()) }, locale, input, output);
  input.end(lines.join('\n'));
  await done;
  return text;
}

