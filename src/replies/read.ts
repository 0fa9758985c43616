import type { Article } from '../corpus/article';
import type { Library } from '../library/library';
import { checkPhrase } from '../search/phrase';
import { buildSnippets } from '../search/snippets';
import { inScript, type Script } from '../text/script';
import { errorReply, type Reply } from './card';
import { isArticle, lookUpArticle } from './article-lookup';
import { labelsFor } from './labels';
import { DISCORD_LIMITS, truncate } from './limits';
import { scriptFor, type ReplyLocale } from './locale';
import { escapeMarkdown } from './markdown';
import { quoteArticle } from './people';
import { refusalMessage, renderSnippet } from './search';

/** Room for a page of text in an embed description, beside the source and mentions lines. */
const PAGE_MAX = DISCORD_LIMITS.embedDescription - 400;
/** Raw characters of one piece of a long paragraph: escaped, even every character doubled, it fits a page. */
const PIECE_MAX = Math.floor(PAGE_MAX / 2);
/** Characters of context on each side of a mention in a passage: a sentence or two. */
const PASSAGE_CONTEXT = 80;
/** Only links are shown as links: a url with spaces or angle brackets in it would break out of `<…>`. */
const LINK = /^https?:\/\/[^\s<>]+$/i;

/**
 * An article's own text in the reader's script, a page at a time; or with a phrase, only the passages
 * around each of its mentions, the mentions in bold. The source's address heads each page when the
 * corpus gives one.
 */
export async function readReply(library: Library, typed: string, phrase: string, page: number, locale: ReplyLocale): Promise<Reply> {
  const found = await lookUpArticle(library, typed, locale);
  if (!isArticle(found)) return found;
  const article = found;
  const labels = labelsFor(locale);
  const script = scriptFor(locale);
  const header = article.url && LINK.test(article.url) ? [labels.sourceLink(article.url)] : [];
  let blocks: string[];
  if (phrase.trim() === '') {
    blocks = textBlocks(article, script);
  } else {
    const checked = checkPhrase(phrase);
    if (!checked.ok) return errorReply(refusalMessage(checked, labels));
    const mentions = library.mentions({ article, needle: checked.folded });
    const shownPhrase = escapeMarkdown(truncate(phrase, DISCORD_LIMITS.optionValue));
    header.push(mentions.length ? labels.mentionsOf(shownPhrase, mentions.length) : labels.notInArticle(shownPhrase));
    blocks = buildSnippets(article.text, mentions, { context: PASSAGE_CONTEXT, maxSnippets: Infinity }).map(snippet => `> ${renderSnippet(snippet, script)}`);
  }
  const pages = packPages(blocks, phrase.trim() === '' ? '\n' : '\n\n');
  const index = Math.min(Math.max(0, page), pages.length - 1);
  return {
    cards: [
      {
        title: truncate(labels.readTitle(quoteArticle(article.title, script)), DISCORD_LIMITS.embedTitle),
        description: [...header, ...(pages[index] === undefined ? [] : header.length ? ['', pages[index]] : [pages[index]])].join('\n'),
        fields: [],
        footer: [article.id, article.date ? inScript(article.date.text, script) : '', pages.length > 1 ? labels.page(index, pages.length) : ''].filter(Boolean).join(' · '),
      },
    ],
    page: { index, count: Math.max(1, pages.length) },
  };
}

/** The text's paragraphs, escaped, a long one cut into pieces that each fit a page. */
function textBlocks(article: Article, script: Script): string[] {
  const text = inScript(article.text, script);
  return text
    .split('\n')
    .filter(paragraph => paragraph.trim() !== '')
    .flatMap(paragraph => {
      const pieces: string[] = [];
      for (let at = 0; at < paragraph.length; ) {
        let end = Math.min(paragraph.length, at + PIECE_MAX);
        const code = paragraph.charCodeAt(end - 1);
        if (end < paragraph.length && code >= 0xd800 && code <= 0xdbff) end--;
        pieces.push(escapeMarkdown(paragraph.slice(at, end)));
        at = end;
      }
      return pieces;
    });
}

/** Blocks laid on pages in order, as many to a page as fit. */
function packPages(blocks: readonly string[], separator: string): string[] {
  const pages: string[] = [];
  for (const block of blocks.map(block => truncate(block, PAGE_MAX))) {
    const last = pages[pages.length - 1];
    if (last !== undefined && last.length + separator.length + block.length <= PAGE_MAX) pages[pages.length - 1] = last + separator + block;
    else pages.push(block);
  }
  return pages;
}
