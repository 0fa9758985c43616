import { MAX_PHRASE_LENGTH } from '../search/phrase';
import type { Role } from '../people/verbs';
import type { ReplyLocale } from './locale';

/** Every word a reply says around the articles' own text, in each reply locale. */
export interface Labels {
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
  failure: string;
  previous: string;
  next: string;
  pagingExpired: string;
  notYourSearch: string;
  roles: Record<Role, string>;
  participantsTitle(title: string): string;
  noParticipants: string;
  groups: string;
  summaryTitle(title: string): string;
  meeting(index: number, count: number): string;
  when: string;
  organizer: string;
  chair: string;
  speakers: string;
  presenters: string;
  attendees: string;
  points: string;
  keywords: string;
  noYear: string;
  notStated: string;
  noChair: string;
  listSeparator: string;
  meetingsShown(shown: number, total: number): string;
  slowDown(seconds: number): string;
}

const en: Labels = {
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
  failure: 'Something went wrong while answering; it has been logged. Please try again.',
  previous: 'Previous',
  next: 'Next',
  pagingExpired: 'These results can no longer be paged; run /search again.',
  notYourSearch: 'Only the person who ran this search can turn its pages; run /search yourself.',
  roles: { chaired: 'chaired', spoke: 'spoke', presented: 'presented', attended: 'attended', met: 'met', accompanied: 'accompanied', signed: 'signed' },
  participantsTitle: title => `Participants: ${title}`,
  noParticipants: 'The article names no participants.',
  groups: 'Groups attending',
  summaryTitle: title => `Summary: ${title}`,
  meeting: (index, count) => `Meeting ${index + 1} of ${count}`,
  when: 'When',
  organizer: 'Held by',
  chair: 'Chair',
  speakers: 'Speakers',
  presenters: 'Presenters',
  attendees: 'Also attending',
  points: 'Points',
  keywords: 'Keywords',
  noYear: 'year not stated',
  notStated: 'not stated',
  noChair: 'not named',
  listSeparator: ', ',
  meetingsShown: (shown, total) => `Showing ${shown} of ${total} meetings; the CLI's --json lists them all.`,
  slowDown: seconds => `You are sending commands quickly; try again in ${seconds} s.`,
};

const zhCN: Labels = {
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
  failure: '回答时出错，已记录。请再试一次。',
  previous: '上一页',
  next: '下一页',
  pagingExpired: '这些结果已不能翻页，请重新运行 /search。',
  notYourSearch: '只有发起这次搜索的人可以翻页；请自己运行 /search。',
  roles: { chaired: '主持', spoke: '讲话', presented: '介绍汇报', attended: '出席', met: '会见会谈', accompanied: '陪同', signed: '签约' },
  participantsTitle: title => `参会人员：${title}`,
  noParticipants: '文章没有提到参会人员的姓名。',
  groups: '参会群体',
  summaryTitle: title => `会议摘要：${title}`,
  meeting: (index, count) => `第 ${index + 1}/${count} 个会议`,
  when: '时间',
  organizer: '主办',
  chair: '主持',
  speakers: '讲话',
  presenters: '介绍汇报',
  attendees: '出席',
  points: '要点',
  keywords: '关键词',
  noYear: '未写年份',
  notStated: '未说明',
  noChair: '未提及',
  listSeparator: '、',
  meetingsShown: (shown, total) => `显示 ${total} 个会议中的 ${shown} 个；命令行的 --json 会列出全部。`,
  slowDown: seconds => `操作太频繁，请 ${seconds} 秒后再试。`,
};

const zhTW: Labels = {
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
  failure: '回答時出錯，已記錄。請再試一次。',
  previous: '上一頁',
  next: '下一頁',
  pagingExpired: '這些結果已不能翻頁，請重新執行 /search。',
  notYourSearch: '只有發起這次搜尋的人可以翻頁；請自己執行 /search。',
  roles: { chaired: '主持', spoke: '講話', presented: '介紹匯報', attended: '出席', met: '會見會談', accompanied: '陪同', signed: '簽約' },
  participantsTitle: title => `參會人員：${title}`,
  noParticipants: '文章沒有提到參會人員的姓名。',
  groups: '參會群體',
  summaryTitle: title => `會議摘要：${title}`,
  meeting: (index, count) => `第 ${index + 1}/${count} 個會議`,
  when: '時間',
  organizer: '主辦',
  chair: '主持',
  speakers: '講話',
  presenters: '介紹匯報',
  attendees: '出席',
  points: '要點',
  keywords: '關鍵詞',
  noYear: '未寫年份',
  notStated: '未說明',
  noChair: '未提及',
  listSeparator: '、',
  meetingsShown: (shown, total) => `顯示 ${total} 個會議中的 ${shown} 個；命令列的 --json 會列出全部。`,
  slowDown: seconds => `操作太頻繁，請 ${seconds} 秒後再試。`,
};

const LABELS: Record<ReplyLocale, Labels> = { en, 'zh-CN': zhCN, 'zh-TW': zhTW };

export function labelsFor(locale: ReplyLocale): Labels {
  return LABELS[locale];
}
