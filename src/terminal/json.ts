import type { Article } from '../corpus/article';
import type { Library } from '../library';
import { buildSnippets, SNIPPET_CONTEXT } from '../search/snippets';

/** The machine-readable answers of the CLI's --json mode: every result, no paging. */

export function articleJson(article: Article) {
  return { id: article.id, title: article.title, date: article.date };
}

export function articlesJson(library: Library) {
  return library.articles.map(articleJson);
}

export function searchJson(library: Library, query: string) {
  const outcome = library.search(query);
  if (outcome.kind === 'refused') throw new UsageError(outcome.reason === 'empty' ? 'the phrase has no character, letter or digit to search for' : 'the phrase is longer than 100 characters');
  const hits = outcome.kind === 'found' ? outcome.hits : [];
  return {
    query,
    total: hits.length,
    results: hits.map(hit => ({
      ...articleJson(hit.article),
      occurrences: hit.occurrences,
      snippets: buildSnippets(hit.article.text, hit.mentions, { context: SNIPPET_CONTEXT, maxSnippets: Infinity }).map(snippet => ({
        text: snippet.text,
        highlights: snippet.highlights,
      })),
    })),
    ...(outcome.kind === 'absent' ? { closest: outcome.closest.map(articleJson) } : {}),
  };
}

/** A request the CLI cannot answer as asked: reported on stderr with a non-zero exit. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
