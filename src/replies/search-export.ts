import type { Library, SearchHit } from '../library/library';
import { SNIPPET_CONTEXT } from '../search/snippets';
import { formatDateNumbers } from '../text/dates';
import { csvWithin } from './csv';

/** A whole search result as a CSV file (see csv.ts), one row per article. */
const HEADER = ['id', 'title', 'date', 'mentions', 'snippet', 'url'];

export function searchCsv(library: Library, hits: readonly SearchHit[]): string {
  return searchCsvWithin(library, hits, Infinity).csv;
}

/** The CSV of as many hits, in order, as fit in maxBytes of UTF-8, and how many that is. */
export function searchCsvWithin(library: Library, hits: readonly SearchHit[], maxBytes: number): { csv: string; rows: number } {
  // Rows are made as they are written, so that a cut file does not build the snippets of every hit.
  function* rows() {
    for (const hit of hits) yield [hit.article.id, hit.article.title, hit.article.date ? formatDateNumbers(hit.article.date) : '', String(hit.occurrences), firstSnippet(library, hit), hit.article.url ?? ''];
  }
  return csvWithin(HEADER, rows(), maxBytes);
}

/** The article's own words around its first mention, on one line, with an ellipsis where they are cut. */
function firstSnippet(library: Library, hit: SearchHit): string {
  const [snippet] = library.snippets(hit, { context: SNIPPET_CONTEXT, maxSnippets: 1 });
  if (!snippet) return '';
  return `${snippet.clippedStart ? '…' : ''}${snippet.text}${snippet.clippedEnd ? '…' : ''}`;
}
