import type { Article } from '../corpus/article';
import type { Library } from '../library';
import { errorReply, type Reply } from './card';
import { labelsFor } from './labels';
import type { ReplyLocale } from './locale';
import { codeSpan, escapeMarkdown } from './markdown';

const SUGGESTIONS = 5;

/** The article a user named, or a reply saying there is none, with the articles they may have meant. */
export function lookUpArticle(library: Library, id: string, locale: ReplyLocale): Article | Reply {
  const article = library.get(id.trim());
  if (article) return article;
  const labels = labelsFor(locale);
  const suggestions = library.suggest(id, SUGGESTIONS).map(candidate => `• ${codeSpan(candidate.id)} ${escapeMarkdown(candidate.title)}`);
  const shownId = escapeMarkdown([...id.trim()].slice(0, 100).join(''));
  return errorReply([labels.noSuchArticle(shownId), ...(suggestions.length ? [labels.didYouMean, ...suggestions] : [])].join('\n'));
}

export function isArticle(found: Article | Reply): found is Article {
  return 'id' in found;
}
