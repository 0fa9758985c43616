import { once } from 'node:events';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { PassThrough } from 'node:stream';
import { BUNDLED_DATA_DIR } from '../src/config';
import type { Article } from '../src/corpus/article';
import { loadCorpus } from '../src/corpus/load';
import { cleanArticleText, deriveDate, deriveTitle } from '../src/corpus/clean';
import { Library } from '../src/library/library';
import { LivePeople } from '../src/library/live-people';
import type { PeopleSource } from '../src/terminal/commands';
import type { ReplyLocale } from '../src/replies/locale';
import { runConsole } from '../src/terminal/console';
import { formatDateNumbers } from '../src/text/dates';
import { fold } from '../src/text/fold';
import { removePinyinAnnotations } from '../src/text/pinyin';

/** Twelve dated records (two undated), some with a url: for the options of /search and its export. */
export const OPTIONS_CORPUS = fileURLToPath(new URL('fixtures/search-options', import.meta.url));

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

/**
 * Everything the console prints for the given input lines. Without a people index given, /person says
 * the index is being built.
 */
export async function converse(lines: string[], locale: ReplyLocale = 'en', library?: Library, people?: PeopleSource): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', chunk => (text += chunk));
  const served = library ?? (await bundledLibrary());
  const done = runConsole({ library: served, people: people ?? new LivePeople({ library: served }, { dataDirectory: BUNDLED_DATA_DIR, cacheDirectory: null }) }, locale, input, output);
  input.end(lines.join('\n'));
  await done;
  return text;
}


/**
 * A search done the slow, obvious way, to hold the index's answers to: every article's folded text
 * read for each phrase, dates compared as ISO strings, sorted by date (newest or oldest) and then as
 * /search breaks ties (most mentions, the phrase in the title, the earliest mention, corpus order).
 */
export function bruteForceSearch(articles: readonly Article[], phrase: string, options: { also?: string[]; without?: string[]; from?: string; to?: string; sort: 'newest' | 'oldest' }) {
  const folded = (text: string) => fold(removePinyinAnnotations(text));
  const needle = folded(phrase);
  const count = (text: string) => text.split(needle).length - 1;
  const iso = (article: Article) => (article.date && article.date.year !== null ? formatDateNumbers(article.date) : null);
  let undated = 0;
  const kept = articles
    .map((article, position) => ({ article, position, text: fold(article.text) }))
    .filter(({ text }) => text.includes(needle) && (options.also ?? []).every(also => text.includes(folded(also))) && !(options.without ?? []).some(without => text.includes(folded(without))))
    .filter(({ article }) => {
      if (options.from === undefined && options.to === undefined) return true;
      const date = iso(article);
      if (date === null) return void undated++, false;
      return (options.from === undefined || date.slice(0, options.from.length) >= options.from) && (options.to === undefined || date.slice(0, options.to.length) <= options.to);
    });
  const direction = options.sort === 'newest' ? -1 : 1;
  kept.sort((a, b) => {
    const [dateA, dateB] = [iso(a.article), iso(b.article)];
    if (dateA !== dateB) return dateA === null ? 1 : dateB === null ? -1 : direction * (dateA < dateB ? -1 : 1);
    return count(b.text) - count(a.text) || Number(fold(b.article.title).includes(needle)) - Number(fold(a.article.title).includes(needle)) || a.text.indexOf(needle) - b.text.indexOf(needle) || a.position - b.position;
  });
  return { ids: kept.map(({ article }) => article.id), undated };
}

/** A TCP port on 127.0.0.1 that nothing listens on, for a process a test starts. */
export async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  return port;
}
