import { MAX_EXTRA_PHRASES, type SearchSort } from '../search/options';
import { MAX_PHRASE_LENGTH } from '../search/phrase';
import type { Role } from '../people/verbs';
import type { TrendPeriod } from '../trends/periods';
import { MAX_TREND_PHRASES, type TrendMeasure } from '../trends/request';
import type { ReplyLocale } from './locale';

/** Every word a reply says around the articles' own text, in each reply locale. */
export interface Labels {
  searchTitle(query: string): string;
  searchTotals(articles: number, mentions: number): string;
  articleCount(articles: number): string;
  mentions(count: number): string;
  page(index: number, count: number): string;
  noMatch(query: string): string;
  closestByWords: string;
  nothingClose: string;
  emptyPhrase: string;
  phraseTooLong: string;
  /** The conditions of a search beside its phrase, as a reply restates them. */
  also(phrases: readonly string[]): string;
  without(phrases: readonly string[]): string;
  dateRange(from: string | null, to: string | null): string;
  sorts: Record<SearchSort, string>;
  undatedLeftOut(count: number): string;
  noneMeetsOptions(query: string): string;
  badDate(value: string): string;
  reversedRange: string;
  tooManyPhrases: string;
  badSort(value: string): string;
  /** /read: an article's text, or the passages that mention a phrase. */
  readTitle(title: string): string;
  /** The address the article was published at, as a link without a preview. */
  sourceLink(url: string): string;
  mentionsOf(phrase: string, count: number): string;
  notInArticle(phrase: string): string;
  readingExpired: string;
  /** The Export button, and what the file it sends holds. */
  exportButton: string;
  exported(count: number): string;
  /** An export cut to the size Discord accepts. */
  exportedPart(shown: number, total: number): string;
  noSuchArticle(typed: string): string;
  didYouMean: string;
  articleNeeded: string;
  severalArticles(typed: string, count: number): string;
  failure: string;
  previous: string;
  next: string;
  pagingExpired: string;
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
  /** The button and the page that show each answer with the sentence it comes from. */
  sources: string;
  sourcesTitle(title: string): string;
  noSources: string;
  /** A Sources button pressed after a reload removed its article. */
  sourcesGone: string;
  listSeparator: string;
  meetingsShown(shown: number, total: number): string;
  /** An article too long to analyse whole within the time budget: only its opening was. */
  partialAnalysis(analysed: number, length: number): string;
  slowDown(seconds: number): string;
  /** /trend: how often phrases are mentioned, period by period. */
  trendTitle(phrases: readonly string[]): string;
  /** The periods and measures by name: the options' choices, and the answer's restatement of them. */
  trendPeriods: Record<TrendPeriod, string>;
  trendMeasures: Record<TrendMeasure, string>;
  /** A value of a measure with its unit: 12 articles, 12.5 per 1,000 articles. */
  trendValue(measure: TrendMeasure, value: string): string;
  trendFirst(period: string): string;
  trendPeak(period: string, value: string): string;
  trendNotMentioned: string;
  /** Articles that mention a phrase but state no full date, so belong to no period. */
  trendUndated(count: number): string;
  trendNoPeriods: string;
  tooManyTrendPhrases: string;
  badPeriod(value: string): string;
  badMeasure(value: string): string;
  /** The chart's own words: its title, the line under it, the value axis. */
  trendChartTitle(measure: TrendMeasure, by: TrendPeriod): string;
  trendChartSubtitle(first: string, last: string, datedArticles: number): string;
  trendAxis: Record<TrendMeasure, string>;
  trendExported(periods: number): string;
  trendExpired: string;
  /** /person: a person's appearances across the corpus. */
  person: PersonLabels;
  /** The console's and the CLI's own words. */
  terminal: {
    help: string;
    unknownCommand(command: string): string;
    articles(count: number): string;
    loaded(count: number): string;
    firstPage: string;
    lastPage: string;
    nothingToPage: string;
  };
}

/** The words of /person. */
export interface PersonLabels {
  title(name: string): string;
  latest: string;
  organizations: string;
  titlesOverTime: string;
  appearances(count: number): string;
  /** Beside an autocomplete choice: how often a person was seen. */
  seen(count: number): string;
  companions: string;
  undated: string;
  /** The dates a title was seen between; one date for a title seen once. */
  span(first: string, last: string): string;
  moreTitles(count: number): string;
  /** The appearances of a name several people bear that nothing tells apart. */
  uncertain(organizations: string): string;
  namesakes(count: number): string;
  indexing(percent: number): string;
  noSuchPerson(typed: string): string;
  personNeeded: string;
  /** The menu under /participants that opens a participant's /person view. */
  menu: string;
  notIndexed(name: string): string;
  expired: string;
}

/** 1,650,000 */
function count(value: number): string {
  return value.toLocaleString('en-US');
}

const en: Labels = {
  searchTitle: query => `Search: “${query}”`,
  searchTotals: (articles, mentions) => `${articles} ${articles === 1 ? 'article' : 'articles'}, ${mentions} ${mentions === 1 ? 'mention' : 'mentions'}`,
  articleCount: articles => `${articles} ${articles === 1 ? 'article' : 'articles'}`,
  mentions: count => `${count} ${count === 1 ? 'mention' : 'mentions'}`,
  page: (index, count) => `Page ${index + 1} of ${count}`,
  noMatch: query => `No article contains “${query}”.`,
  closestByWords: 'Closest by words:',
  nothingClose: 'No article shares a word with it either.',
  emptyPhrase: 'Type a phrase with at least one character, letter or digit.',
  phraseTooLong: `A phrase may be at most ${MAX_PHRASE_LENGTH} characters.`,
  also: phrases => `Also: ${phrases.map(phrase => `“${phrase}”`).join(', ')}`,
  without: phrases => `Without: ${phrases.map(phrase => `“${phrase}”`).join(', ')}`,
  dateRange: (from, to) => (from && to ? `${from} to ${to}` : from ? `From ${from}` : `Until ${to}`),
  sorts: { mentions: 'Most mentions first', newest: 'Newest first', oldest: 'Oldest first', relevance: 'Most relevant first' },
  undatedLeftOut: count => `${count} ${count === 1 ? 'article' : 'articles'} without a full date left out of the range.`,
  noneMeetsOptions: query => `Articles contain “${query}”, but none meets all the conditions.`,
  badDate: value => `Write dates as YYYY, YYYY-MM or YYYY-MM-DD, not “${value}”.`,
  reversedRange: 'The date range starts after it ends.',
  tooManyPhrases: `At most ${MAX_EXTRA_PHRASES} “also” and ${MAX_EXTRA_PHRASES} “without” phrases.`,
  badSort: value => `Sort by mentions, newest, oldest or relevance, not “${value}”.`,
  readTitle: title => `Read: ${title}`,
  sourceLink: url => `Source: <${url}>`,
  mentionsOf: (phrase, count) => `${count} ${count === 1 ? 'mention' : 'mentions'} of “${phrase}”`,
  notInArticle: phrase => `The article does not mention “${phrase}”.`,
  readingExpired: 'These pages can no longer be turned; run /read again.',
  exportButton: 'Export',
  exported: count => `All ${count} ${count === 1 ? 'result' : 'results'} as CSV (UTF-8).`,
  exportedPart: (shown, total) => `The first ${shown} of ${total} results as CSV (UTF-8): Discord takes no larger file. The CLI's --format csv gives them all.`,
  noSuchArticle: typed => `No article’s id, title or organisation matches “${typed}”.`,
  didYouMean: 'Did you mean:',
  articleNeeded: 'Name an article: its id, the start of it, or words of its title.',
  severalArticles: (typed, count) => `“${typed}” matches ${count} articles; give more of the id or title:`,
  failure: 'Something went wrong while answering; it has been logged. Please try again.',
  previous: 'Previous',
  next: 'Next',
  pagingExpired: 'These results can no longer be paged or exported; run /search again.',
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
  sources: 'Sources',
  sourcesTitle: title => `Sources: ${title}`,
  noSources: 'The article states nothing these answers could come from.',
  sourcesGone: 'That article is no longer in the library, so its sources cannot be shown.',
  listSeparator: ', ',
  meetingsShown: (shown, total) => `Showing ${shown} of ${total} meetings; the CLI's --json lists them all.`,
  partialAnalysis: (analysed, length) => `Only the first ${count(analysed)} of ${count(length)} characters were analysed: the whole article takes too long.`,
  slowDown: seconds => `You are sending commands quickly; try again in ${seconds} s.`,
  trendTitle: phrases => `Trend: ${phrases.map(phrase => `“${phrase}”`).join(', ')}`,
  trendPeriods: { month: 'By month', quarter: 'By quarter', year: 'By year' },
  trendMeasures: { articles: 'Articles that mention it', mentions: 'Mentions', share: 'Share: articles that mention it per 1,000 of the period' },
  trendValue: (measure, value) => (measure === 'articles' ? `${value} ${value === '1' ? 'article' : 'articles'}` : measure === 'mentions' ? `${value} ${value === '1' ? 'mention' : 'mentions'}` : `${value} per 1,000 articles`),
  trendFirst: period => `first ${period}`,
  trendPeak: (period, value) => `peak ${period} (${value})`,
  trendNotMentioned: 'no dated article in the range mentions it',
  trendUndated: count => `${count} undated ${count === 1 ? 'article' : 'articles'} left out`,
  trendNoPeriods: 'No article with a full date falls in the range, so nothing can be counted by period.',
  tooManyTrendPhrases: `At most ${MAX_TREND_PHRASES} phrases, separated by commas (, ， or 、).`,
  badPeriod: value => `Count by month, quarter or year, not “${value}”.`,
  badMeasure: value => `Measure articles, mentions or share, not “${value}”.`,
  trendChartTitle: (measure, by) =>
    measure === 'articles' ? `Articles that mention each phrase, by ${by}` : measure === 'mentions' ? `Mentions of each phrase, by ${by}` : `Articles that mention each phrase per 1,000 articles of the ${by}`,
  trendChartSubtitle: (first, last, datedArticles) => `${first} to ${last} · ${count(datedArticles)} dated ${datedArticles === 1 ? 'article' : 'articles'}`,
  trendAxis: { articles: 'articles', mentions: 'mentions', share: 'per 1,000 articles' },
  trendExported: periods => `The counts for ${periods} ${periods === 1 ? 'period' : 'periods'} as CSV (UTF-8).`,
  trendExpired: 'These counts can no longer be exported; run /trend again.',
  person: {
    title: name => `Person: ${name}`,
    latest: 'Latest title',
    organizations: 'Organisations',
    titlesOverTime: 'Titles over time',
    appearances: count => `${count.toLocaleString('en-US')} ${count === 1 ? 'appearance' : 'appearances'}, newest first`,
    seen: count => `${count.toLocaleString('en-US')} ${count === 1 ? 'appearance' : 'appearances'}`,
    companions: 'Most often with',
    undated: 'undated',
    span: (first, last) => (first === last ? first : `${first} to ${last}`),
    moreTitles: count => `…and ${count} more; the CLI's --json lists them all.`,
    uncertain: organizations => `These appearances may be of several people of this name, seen with: ${organizations}.`,
    namesakes: count => `${count} other ${count === 1 ? 'person has' : 'people have'} this name; pick them from the list as you type:`,
    indexing: percent => `The people index is still being built (${percent}%); try again in a moment. /search answers meanwhile.`,
    noSuchPerson: typed => `No one named “${typed}” took part in a meeting of the corpus.`,
    personNeeded: 'Name a person: type part of a name or an organisation and pick from the list.',
    menu: 'Open a participant’s appearances',
    notIndexed: name => `${name} is not in the people index yet; try again in a moment.`,
    expired: 'These appearances can no longer be paged or exported; run /person again.',
  },
  terminal: {
    help: [
      'Commands (the same as in Discord; the leading slash is optional):',
      '  /search <phrase> [--page N]       every article that mentions the phrase, in either script;',
      '    --also P, --without P (up to 3 each), --from and --to YYYY[-MM[-DD]],',
      '    --sort mentions|newest|oldest|relevance',
      '  /participants <article> | --all   who took part, with titles and roles',
      '  /summary <article> | --all        each meeting at a glance, a short summary and keywords',
      '  /read <article> [phrase]          the article\'s text, or the passages that mention the phrase',
      '  /trend <phrase>, <phrase>         how often up to 4 phrases are mentioned, period by period;',
      '    --by month|quarter|year, --from and --to, --measure articles|mentions|share',
      '  /person <name>                    a person\'s titles over time, appearances and companions',
      '  /articles                         id, date and title of every article',
      '  /help                             this list',
      'An article is named by its id, the start of it, or words of its title.',
      'In the console, /next and /prev page through the last search, read or person; /quit or end of input leaves.',
    ].join('\n'),
    unknownCommand: command => `Unknown command “${command}”.`,
    articles: count => `${count} ${count === 1 ? 'article' : 'articles'}`,
    loaded: count => `${count} ${count === 1 ? 'article' : 'articles'} loaded.`,
    firstPage: 'This is the first page.',
    lastPage: 'This is the last page.',
    nothingToPage: 'No search to page through yet; run /search first.',
  },
};

const zhCN: Labels = {
  searchTitle: query => `搜索：“${query}”`,
  searchTotals: (articles, mentions) => `${articles} 篇文章，共 ${mentions} 处提及`,
  articleCount: articles => `${articles} 篇文章`,
  mentions: count => `${count} 处提及`,
  page: (index, count) => `第 ${index + 1}/${count} 页`,
  noMatch: query => `没有文章包含“${query}”。`,
  closestByWords: '按词语最接近的文章：',
  nothingClose: '也没有文章与它有共同的词语。',
  emptyPhrase: '请输入至少包含一个汉字、字母或数字的短语。',
  phraseTooLong: `短语最多 ${MAX_PHRASE_LENGTH} 个字符。`,
  also: phrases => `同时包含：${phrases.map(phrase => `“${phrase}”`).join('、')}`,
  without: phrases => `不含：${phrases.map(phrase => `“${phrase}”`).join('、')}`,
  dateRange: (from, to) => (from && to ? `${from} 至 ${to}` : from ? `${from} 起` : `至 ${to}`),
  sorts: { mentions: '提及最多在前', newest: '最新在前', oldest: '最早在前', relevance: '相关度最高在前' },
  undatedLeftOut: count => `${count} 篇没有完整日期的文章未列入日期范围。`,
  noneMeetsOptions: query => `有文章包含“${query}”，但没有一篇符合全部条件。`,
  badDate: value => `日期请写作 YYYY、YYYY-MM 或 YYYY-MM-DD，而不是“${value}”。`,
  reversedRange: '日期范围的起点晚于终点。',
  tooManyPhrases: `“同时包含”和“不含”的短语各最多 ${MAX_EXTRA_PHRASES} 个。`,
  badSort: value => `排序方式可为 mentions、newest、oldest 或 relevance，而不是“${value}”。`,
  readTitle: title => `阅读：${title}`,
  sourceLink: url => `来源网址：<${url}>`,
  mentionsOf: (phrase, count) => `“${phrase}”共 ${count} 处提及`,
  notInArticle: phrase => `文章没有提到“${phrase}”。`,
  readingExpired: '这些页面已不能翻页，请重新运行 /read。',
  exportButton: '导出',
  exported: count => `全部 ${count} 条结果，CSV 格式（UTF-8）。`,
  exportedPart: (shown, total) => `${total} 条结果中的前 ${shown} 条，CSV 格式（UTF-8）：Discord 不接受更大的文件。命令行的 --format csv 会给出全部。`,
  noSuchArticle: typed => `没有文章的 ID、标题或单位与“${typed}”相符。`,
  didYouMean: '您是否要找：',
  articleNeeded: '请指明一篇文章：它的 ID、ID 的开头或标题中的词语。',
  severalArticles: (typed, count) => `“${typed}”与 ${count} 篇文章相符；请写出更多的 ID 或标题：`,
  failure: '回答时出错，已记录。请再试一次。',
  previous: '上一页',
  next: '下一页',
  pagingExpired: '这些结果已不能翻页或导出，请重新运行 /search。',
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
  sources: '来源',
  sourcesTitle: title => `来源：${title}`,
  noSources: '文章中没有可作依据的内容。',
  sourcesGone: '这篇文章已不在文库中，无法显示来源。',
  listSeparator: '、',
  meetingsShown: (shown, total) => `显示 ${total} 个会议中的 ${shown} 个；命令行的 --json 会列出全部。`,
  partialAnalysis: (analysed, length) => `仅分析了全文 ${count(length)} 字中的前 ${count(analysed)} 字：全文分析耗时过长。`,
  slowDown: seconds => `操作太频繁，请 ${seconds} 秒后再试。`,
  trendTitle: phrases => `趋势：${phrases.map(phrase => `“${phrase}”`).join('、')}`,
  trendPeriods: { month: '按月', quarter: '按季度', year: '按年' },
  trendMeasures: { articles: '提及的文章数', mentions: '提及次数', share: '占比：每千篇文章中提及的篇数' },
  trendValue: (measure, value) => (measure === 'articles' ? `${value} 篇` : measure === 'mentions' ? `${value} 处提及` : `每千篇 ${value} 篇`),
  trendFirst: period => `最早 ${period}`,
  trendPeak: (period, value) => `高峰 ${period}（${value}）`,
  trendNotMentioned: '范围内没有有日期的文章提及',
  trendUndated: count => `另有 ${count} 篇没有完整日期，未计入`,
  trendNoPeriods: '范围内没有日期完整的文章，无法按时间统计。',
  tooManyTrendPhrases: `最多 ${MAX_TREND_PHRASES} 个短语，用逗号（, ， 或 、）分隔。`,
  badPeriod: value => `时间单位可为 month、quarter 或 year，而不是“${value}”。`,
  badMeasure: value => `指标可为 articles、mentions 或 share，而不是“${value}”。`,
  trendChartTitle: (measure, by) => {
    const each = { month: '每月', quarter: '每季度', year: '每年' }[by];
    return measure === 'articles' ? `${each}提及各短语的文章数` : measure === 'mentions' ? `${each}各短语的提及次数` : `${each}每千篇文章中提及各短语的篇数`;
  },
  trendChartSubtitle: (first, last, datedArticles) => `${first} 至 ${last} · 共 ${count(datedArticles)} 篇有日期的文章`,
  trendAxis: { articles: '篇', mentions: '次', share: '篇/千篇' },
  trendExported: periods => `${periods} 个时段的统计，CSV 格式（UTF-8）。`,
  trendExpired: '这些统计已不能导出，请重新运行 /trend。',
  person: {
    title: name => `人物：${name}`,
    latest: '最新职务',
    organizations: '所属单位',
    titlesOverTime: '历任职务',
    appearances: count => `共 ${count} 次出现，最新在前`,
    seen: count => `${count} 次出现`,
    companions: '最常一同出席',
    undated: '无日期',
    span: (first, last) => (first === last ? first : `${first} 至 ${last}`),
    moreTitles: count => `……另有 ${count} 个；命令行的 --json 会列出全部。`,
    uncertain: organizations => `这些出现可能属于同名的不同人物，所见单位：${organizations}。`,
    namesakes: count => `另有 ${count} 人同名；输入时可从列表中选择：`,
    indexing: percent => `人物索引仍在建立中（${percent}%），请稍后再试。/search 可以照常使用。`,
    noSuchPerson: typed => `语料中没有名为“${typed}”的参会人员。`,
    personNeeded: '请指明一个人物：输入姓名或单位的一部分，并从列表中选择。',
    menu: '查看参会人员的全部出现',
    notIndexed: name => `${name} 尚未收入人物索引，请稍后再试。`,
    expired: '这些结果已不能翻页或导出，请重新运行 /person。',
  },
  terminal: {
    help: [
      '命令（与 Discord 中相同；开头的斜杠可以省略）：',
      '  /search <短语> [--page N]         提及该短语的所有文章，简体繁体皆可；',
      '    --also 短语、--without 短语（各最多 3 个）、--from 和 --to YYYY[-MM[-DD]]、',
      '    --sort mentions|newest|oldest|relevance',
      '  /participants <文章> | --all      参会人员及其职务和角色',
      '  /summary <文章> | --all           各次会议概览、简短摘要和关键词',
      '  /read <文章> [短语]               文章全文，或提及该短语的段落',
      '  /trend <短语>, <短语>             最多 4 个短语在各时段被提及的情况；',
      '    --by month|quarter|year、--from 和 --to、--measure articles|mentions|share',
      '  /person <姓名>                    人物的历任职务、出现记录和最常一同出席者',
      '  /articles                         所有文章的 ID、日期和标题',
      '  /help                             本列表',
      '文章可用它的 ID、ID 的开头或标题中的词语指明。',
      '在控制台中，/next 和 /prev 翻阅上一次搜索、阅读或人物的结果；/quit 或输入结束即退出。',
    ].join('\n'),
    unknownCommand: command => `没有“${command}”这个命令。`,
    articles: count => `${count} 篇文章`,
    loaded: count => `已载入 ${count} 篇文章。`,
    firstPage: '已经是第一页。',
    lastPage: '已经是最后一页。',
    nothingToPage: '还没有可以翻页的搜索；请先运行 /search。',
  },
};

const zhTW: Labels = {
  searchTitle: query => `搜尋：「${query}」`,
  searchTotals: (articles, mentions) => `${articles} 篇文章，共 ${mentions} 處提及`,
  articleCount: articles => `${articles} 篇文章`,
  mentions: count => `${count} 處提及`,
  page: (index, count) => `第 ${index + 1}/${count} 頁`,
  noMatch: query => `沒有文章包含「${query}」。`,
  closestByWords: '按詞語最接近的文章：',
  nothingClose: '也沒有文章與它有共同的詞語。',
  emptyPhrase: '請輸入至少包含一個漢字、字母或數字的短語。',
  phraseTooLong: `短語最多 ${MAX_PHRASE_LENGTH} 個字元。`,
  also: phrases => `同時包含：${phrases.map(phrase => `「${phrase}」`).join('、')}`,
  without: phrases => `不含：${phrases.map(phrase => `「${phrase}」`).join('、')}`,
  dateRange: (from, to) => (from && to ? `${from} 至 ${to}` : from ? `${from} 起` : `至 ${to}`),
  sorts: { mentions: '提及最多在前', newest: '最新在前', oldest: '最早在前', relevance: '相關度最高在前' },
  undatedLeftOut: count => `${count} 篇沒有完整日期的文章未列入日期範圍。`,
  noneMeetsOptions: query => `有文章包含「${query}」，但沒有一篇符合全部條件。`,
  badDate: value => `日期請寫作 YYYY、YYYY-MM 或 YYYY-MM-DD，而不是「${value}」。`,
  reversedRange: '日期範圍的起點晚於終點。',
  tooManyPhrases: `「同時包含」和「不含」的短語各最多 ${MAX_EXTRA_PHRASES} 個。`,
  badSort: value => `排序方式可為 mentions、newest、oldest 或 relevance，而不是「${value}」。`,
  readTitle: title => `閱讀：${title}`,
  sourceLink: url => `來源網址：<${url}>`,
  mentionsOf: (phrase, count) => `「${phrase}」共 ${count} 處提及`,
  notInArticle: phrase => `文章沒有提到「${phrase}」。`,
  readingExpired: '這些頁面已不能翻頁，請重新執行 /read。',
  exportButton: '匯出',
  exported: count => `全部 ${count} 筆結果，CSV 格式（UTF-8）。`,
  exportedPart: (shown, total) => `${total} 筆結果中的前 ${shown} 筆，CSV 格式（UTF-8）：Discord 不接受更大的檔案。命令列的 --format csv 會給出全部。`,
  noSuchArticle: typed => `沒有文章的 ID、標題或單位與「${typed}」相符。`,
  didYouMean: '您是否要找：',
  articleNeeded: '請指明一篇文章：它的 ID、ID 的開頭或標題中的詞語。',
  severalArticles: (typed, count) => `「${typed}」與 ${count} 篇文章相符；請寫出更多的 ID 或標題：`,
  failure: '回答時出錯，已記錄。請再試一次。',
  previous: '上一頁',
  next: '下一頁',
  pagingExpired: '這些結果已不能翻頁或匯出，請重新執行 /search。',
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
  sources: '來源',
  sourcesTitle: title => `來源：${title}`,
  noSources: '文章中沒有可作依據的內容。',
  sourcesGone: '這篇文章已不在文庫中，無法顯示來源。',
  listSeparator: '、',
  meetingsShown: (shown, total) => `顯示 ${total} 個會議中的 ${shown} 個；命令列的 --json 會列出全部。`,
  partialAnalysis: (analysed, length) => `僅分析了全文 ${count(length)} 字中的前 ${count(analysed)} 字：全文分析耗時過長。`,
  slowDown: seconds => `操作太頻繁，請 ${seconds} 秒後再試。`,
  trendTitle: phrases => `趨勢：${phrases.map(phrase => `「${phrase}」`).join('、')}`,
  trendPeriods: { month: '按月', quarter: '按季度', year: '按年' },
  trendMeasures: { articles: '提及的文章數', mentions: '提及次數', share: '占比：每千篇文章中提及的篇數' },
  trendValue: (measure, value) => (measure === 'articles' ? `${value} 篇` : measure === 'mentions' ? `${value} 處提及` : `每千篇 ${value} 篇`),
  trendFirst: period => `最早 ${period}`,
  trendPeak: (period, value) => `高峰 ${period}（${value}）`,
  trendNotMentioned: '範圍內沒有有日期的文章提及',
  trendUndated: count => `另有 ${count} 篇沒有完整日期，未計入`,
  trendNoPeriods: '範圍內沒有日期完整的文章，無法按時間統計。',
  tooManyTrendPhrases: `最多 ${MAX_TREND_PHRASES} 個短語，用逗號（, ， 或 、）分隔。`,
  badPeriod: value => `時間單位可為 month、quarter 或 year，而不是「${value}」。`,
  badMeasure: value => `指標可為 articles、mentions 或 share，而不是「${value}」。`,
  trendChartTitle: (measure, by) => {
    const each = { month: '每月', quarter: '每季度', year: '每年' }[by];
    return measure === 'articles' ? `${each}提及各短語的文章數` : measure === 'mentions' ? `${each}各短語的提及次數` : `${each}每千篇文章中提及各短語的篇數`;
  },
  trendChartSubtitle: (first, last, datedArticles) => `${first} 至 ${last} · 共 ${count(datedArticles)} 篇有日期的文章`,
  trendAxis: { articles: '篇', mentions: '次', share: '篇/千篇' },
  trendExported: periods => `${periods} 個時段的統計，CSV 格式（UTF-8）。`,
  trendExpired: '這些統計已不能匯出，請重新執行 /trend。',
  person: {
    title: name => `人物：${name}`,
    latest: '最新職務',
    organizations: '所屬單位',
    titlesOverTime: '歷任職務',
    appearances: count => `共 ${count} 次出現，最新在前`,
    seen: count => `${count} 次出現`,
    companions: '最常一同出席',
    undated: '無日期',
    span: (first, last) => (first === last ? first : `${first} 至 ${last}`),
    moreTitles: count => `……另有 ${count} 個；命令列的 --json 會列出全部。`,
    uncertain: organizations => `這些出現可能屬於同名的不同人物，所見單位：${organizations}。`,
    namesakes: count => `另有 ${count} 人同名；輸入時可從列表中選擇：`,
    indexing: percent => `人物索引仍在建立中（${percent}%），請稍後再試。/search 可以照常使用。`,
    noSuchPerson: typed => `語料中沒有名為「${typed}」的參會人員。`,
    personNeeded: '請指明一個人物：輸入姓名或單位的一部分，並從列表中選擇。',
    menu: '查看參會人員的全部出現',
    notIndexed: name => `${name} 尚未收入人物索引，請稍後再試。`,
    expired: '這些結果已不能翻頁或匯出，請重新執行 /person。',
  },
  terminal: {
    help: [
      '命令（與 Discord 中相同；開頭的斜線可以省略）：',
      '  /search <短語> [--page N]         提及該短語的所有文章，簡體繁體皆可；',
      '    --also 短語、--without 短語（各最多 3 個）、--from 和 --to YYYY[-MM[-DD]]、',
      '    --sort mentions|newest|oldest|relevance',
      '  /participants <文章> | --all      參會人員及其職務和角色',
      '  /summary <文章> | --all           各次會議概覽、簡短摘要和關鍵詞',
      '  /read <文章> [短語]               文章全文，或提及該短語的段落',
      '  /trend <短語>, <短語>             最多 4 個短語在各時段被提及的情況；',
      '    --by month|quarter|year、--from 和 --to、--measure articles|mentions|share',
      '  /person <姓名>                    人物的歷任職務、出現記錄和最常一同出席者',
      '  /articles                         所有文章的 ID、日期和標題',
      '  /help                             本列表',
      '文章可用它的 ID、ID 的開頭或標題中的詞語指明。',
      '在主控台中，/next 和 /prev 翻閱上一次搜尋、閱讀或人物的結果；/quit 或輸入結束即離開。',
    ].join('\n'),
    unknownCommand: command => `沒有「${command}」這個命令。`,
    articles: count => `${count} 篇文章`,
    loaded: count => `已載入 ${count} 篇文章。`,
    firstPage: '已經是第一頁。',
    lastPage: '已經是最後一頁。',
    nothingToPage: '還沒有可以翻頁的搜尋；請先執行 /search。',
  },
};

const LABELS: Record<ReplyLocale, Labels> = { en, 'zh-CN': zhCN, 'zh-TW': zhTW };

export function labelsFor(locale: ReplyLocale): Labels {
  return LABELS[locale];
}
