import type { ArticleAnalysis } from '../analysis/analyse';
import type { Article } from '../corpus/article';
import type { Library } from '../library/library';
import type { Script } from '../text/script';
import { errorReply, type Reply } from './card';
import { labelsFor, type Labels } from './labels';
import { scriptFor, type ReplyLocale } from './locale';
import { codeSpan, escapeMarkdown } from './markdown';

const SUGGESTIONS = 5;
/** How long a wrong article name waits for the article finder (see Lookups) to offer others. */
const SUGGESTION_WAIT_MS = 2000;

/**
 * The article a user named (an id picked from autocomplete, or typed: see Library.articlesNamed), or a
 * reply that asks for one, says which articles the value fits, or offers those they may have meant.
 */
export async function lookUpArticle(library: Library, typed: string, locale: ReplyLocale): Promise<Article | Reply> {
  const labels = labelsFor(locale);
  if (typed.trim() === '') return errorReply(labels.articleNeeded);
  const named = library.articlesNamed(typed);
  if (named.length === 1) return named[0]!;
  const shown = escapeMarkdown([...typed.trim()].slice(0, 100).join(''));
  if (named.length > 1) return errorReply([labels.severalArticles(shown, named.length), ...named.slice(0, SUGGESTIONS).map(articleLine)].join('\n'));
  const suggestions = (await library.suggest(typed, SUGGESTIONS, SUGGESTION_WAIT_MS)).map(articleLine);
  return errorReply([labels.noSuchArticle(shown), ...(suggestions.length ? [labels.didYouMean, ...suggestions] : [])].join('\n'));
}

export function isArticle(found: Article | Reply): found is Article {
  return 'id' in found;
}

function articleLine(article: Article): string {
  return `• ${codeSpan(article.id)} ${escapeMarkdown(article.title)}`;
}

/** What an answer about one analysed article is drawn from: the article, its analysis, the reader's words. */
export interface AnalysedArticle {
  readonly article: Article;
  readonly analysis: ArticleAnalysis;
  readonly labels: Labels;
  readonly script: Script;
}

/**
 * Looks up the article a user named and answers from its analysis (done in a worker the first time), or
 * answers with what lookUpArticle says when no one article is named.
 */
export async function answerFromAnalysis(library: Library, typed: string, locale: ReplyLocale, answer: (analysed: AnalysedArticle) => Reply): Promise<Reply> {
  const found = await lookUpArticle(library, typed, locale);
  if (!isArticle(found)) return found;
  return answer({ article: found, analysis: await library.analyse(found), labels: labelsFor(locale), script: scriptFor(locale) });
}
