import type { Article } from '../corpus/article';
import type { Library } from '../library';
import { errorReply, type Reply } from './card';
import { labelsFor } from './labels';
import type { ReplyLocale } from './locale';
import { codeSpan, escapeMarkdown } from './markdown';

const SUGGESTIONS = 5;

/**
 * The article a user named (an id picked from autocomplete, or typed: see Library.articlesNamed), or a
 * reply that asks for one, says which articles the value fits, or offers those they may have meant.
 */
export function lookUpArticle(library: Library, typed: string, locale: ReplyLocale): Article | Reply {
  const labels = labelsFor(locale);
  if (typed.trim() === '') return errorReply(labels.articleNeeded);
  const named = library.articlesNamed(typed);
  if (named.length === 1) return named[0]!;
  const shown = escapeMarkdown([...typed.trim()].slice(0, 100).join(''));
  if (named.length > 1) return errorReply([labels.severalArticles(shown, named.length), ...named.slice(0, SUGGESTIONS).map(articleLine)].join('\n'));
  const suggestions = library.suggest(typed, SUGGESTIONS).map(articleLine);
  return errorReply([labels.noSuchArticle(shown), ...(suggestions.length ? [labels.didYouMean, ...suggestions] : [])].join('\n'));
}

export function isArticle(found: Article | Reply): found is Article {
  return 'id' in found;
}

function articleLine(article: Article): string {
  return `• ${codeSpan(article.id)} ${escapeMarkdown(article.title)}`;
}
