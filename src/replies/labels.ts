import { MAX_PHRASE_LENGTH } from '../search/phrase';
import type { ReplyLocale } from './locale';

/** Every word a reply says around the articles' own text, in each reply locale. */
export interface Labels {
  quote(text: string): string;
  searchTitle(query: string): string;
  searchTotals(articles: number, mentions: number): string;
  mentions(count: number): string;
  page(index: number, count: number): string;
  noMatch(query: string): string;
  closestByWords: string;
  nothingClose: string;
  emptyPhrase: string;
  phraseTooLong: string;
  noSuchArticle(id: string): string;
  didYouMean: string;
  emptyCorpus: string;
  failure: string;
  previous: string;
  next: string;
  pagingExpired: string;
  notYourSearch: string;
}

const en: Labels = {
  quote: text => `“${text}”`,
  searchTitle: query => `Search: “${query}”`,
  searchTotals: (articles, mentions) => `${articles} ${articles === 1 ? 'article' : 'articles'}, ${mentions} ${mentions === 1 ? 'mention' : 'mentions'}`,
  mentions: count => `${count} ${count === 1 ? 'mention' : 'mentions'}`,
  page: (index, count) => `Page ${index + 1} of ${count}`,
  noMatch: query => `No article contains “${query}”.`,
  closestByWords: 'Closest by words:',
  nothingClose: 'No article shares a word with it either.',
  emptyPhrase: 'Type a phrase with at least one character, letter or digit.',
  phraseTooLong: `A phrase may be at most ${MAX_PHRASE_LENGTH} characters.`,
  noSuchArticle: id => `No article has the id “${id}”.`,
  didYouMean: 'Did you mean:',
  emptyCorpus: 'The corpus holds no articles.',
  failure: 'Something went wrong while answering; it has been logged. Please try again.',
  previous: 'Previous',
  next: 'Next',
  pagingExpired: 'These results can no longer be paged; run /search again.',
  notYourSearch: 'Only the person who ran this search can turn its pages; run /search yourself.',
};

const zhCN: Labels = {
  quote: text => `“${text}”`,
  searchTitle: query => `搜索：“${query}”`,
  searchTotals: (articles, mentions) => `${articles} 篇文章，共 ${mentions} 处提及`,
  mentions: count => `${count} 处提及`,
  page: (index, count) => `第 ${index + 1}/${count} 页`,
  noMatch: query => `没有文章包含“${query}”。`,
  closestByWords: '按词语最接近的文章：',
  nothingClose: '也没有文章与它有共同的词语。',
  emptyPhrase: '请输入至少包含一个汉字、字母或数字的短语。',
  phraseTooLong: `短语最多 ${MAX_PHRASE_LENGTH} 个字符。`,
  noSuchArticle: id => `没有 ID 为“${id}”的文章。`,
  didYouMean: '您是否要找：',
  emptyCorpus: '语料库中没有文章。',
  failure: '回答时出错，已记录。请再试一次。',
  previous: '上一页',
  next: '下一页',
  pagingExpired: '这些结果已不能翻页，请重新运行 /search。',
  notYourSearch: '只有发起这次搜索的人可以翻页；请自己运行 /search。',
};

const zhTW: Labels = {
  quote: text => `「${text}」`,
  searchTitle: query => `搜尋：「${query}」`,
  searchTotals: (articles, mentions) => `${articles} 篇文章，共 ${mentions} 處提及`,
  mentions: count => `${count} 處提及`,
  page: (index, count) => `第 ${index + 1}/${count} 頁`,
  noMatch: query => `沒有文章包含「${query}」。`,
  closestByWords: '按詞語最接近的文章：',
  nothingClose: '也沒有文章與它有共同的詞語。',
  emptyPhrase: '請輸入至少包含一個漢字、字母或數字的短語。',
  phraseTooLong: `短語最多 ${MAX_PHRASE_LENGTH} 個字元。`,
  noSuchArticle: id => `沒有 ID 為「${id}」的文章。`,
  didYouMean: '您是否要找：',
  emptyCorpus: '語料庫中沒有文章。',
  failure: '回答時出錯，已記錄。請再試一次。',
  previous: '上一頁',
  next: '下一頁',
  pagingExpired: '這些結果已不能翻頁，請重新執行 /search。',
  notYourSearch: '只有發起這次搜尋的人可以翻頁；請自己執行 /search。',
};

const LABELS: Record<ReplyLocale, Labels> = { en, 'zh-CN': zhCN, 'zh-TW': zhTW };

export function labelsFor(locale: ReplyLocale): Labels {
  return LABELS[locale];
}
