import { clipAtClause } from './clip';

/**
 * What a meeting decided and discussed, from the genre's enumerations and figures: numbered
 * requirements (一是…二是…), stated requirements (会议要求：…；…), counts (4点要求, 15个课题, 约100人)
 * and the topics studied (学习贯彻…, 《…》).
 */

const ITEM_MAX = 40;
const CHINESE_ORDINAL = '[一二三四五六七八九十]+';
const NUMBERED_ITEM = new RegExp(`(?:^|[。；;：:\\n，,])\\s*(?:${CHINESE_ORDINAL}(?:是|要)|第${CHINESE_ORDINAL}[，,、]|[（(]${CHINESE_ORDINAL}[）)])\\s*([^。；;\\n]{2,})`, 'gu');
const COUNTED_HEADING = /(?:提出|作出|提了)?[0-9０-９一二三四五六七八九十]+[点點条條项項](?:要求|建議|建议|希望|意見|意见|措施|舉措|举措)/gu;
const STATED_REQUIREMENTS = /(?:會議|会议|大會|大会)(?:要求|強調|强调|明確|明确|提出)[:：]([^。\n]+)/gu;
const FIGURE = /(?:約|约|共計|共计|近|逾|超過|超过)?[0-9０-９]+(?:\.[0-9]+)?(?:萬|万|億|亿|千|百)?(?:餘|余|多)?(?:個|个|項|项|人|家|名|位|場|场|次|篇|條|条|批|項目|项目)/gu;
const TOPIC = /(?:集體學習|集体学习|傳達學習|传达学习|學習貫徹|学习贯彻|學習了|学习了)([^，。；,;\n]{4,})/gu;
const BOOK_TITLE = /《[^》]{2,40}》/gu;
const FIGURE_CLAUSE_MAX = 30;
const MAX_FIGURES = 3;

export function findPoints(text: string): string[] {
  const points: string[] = [];
  const add = (point: string) => {
    const trimmed = point.trim().replace(/[，,、：:]$/u, '');
    if (trimmed && !points.some(existing => existing.includes(trimmed) || trimmed.includes(existing))) points.push(trimmed);
  };
  for (const match of text.matchAll(COUNTED_HEADING)) add(match[0]);
  for (const match of text.matchAll(NUMBERED_ITEM)) add(clipAtClause(match[1]!, ITEM_MAX));
  for (const match of text.matchAll(STATED_REQUIREMENTS)) for (const item of match[1]!.split(/[；;]/u)) add(clipAtClause(item, ITEM_MAX));
  for (const match of text.matchAll(TOPIC)) {
    const topic = match[1]!.replace(/^(?:了|落實|落实|時|时|的)+/u, '');
    if (topic.length >= 4 && !/^的/u.test(topic)) add(clipAtClause(topic, ITEM_MAX + 20));
  }
  for (const match of text.matchAll(BOOK_TITLE)) add(match[0]);
  let figures = 0;
  for (const match of text.matchAll(FIGURE)) {
    if (figures++ >= MAX_FIGURES) break;
    add(figureInContext(text, match.index!, match[0]));
  }
  return points;
}

/** A figure with the clause it stands in when that clause is short (15個科研攻關課題成功揭榜), else alone. */
function figureInContext(text: string, index: number, figure: string): string {
  const clauseBreak = /[，。；：,;:\n、]/u;
  let start = index;
  while (start > 0 && !clauseBreak.test(text[start - 1]!)) start--;
  let end = index + figure.length;
  while (end < text.length && !clauseBreak.test(text[end]!)) end++;
  return end - start <= FIGURE_CLAUSE_MAX ? text.slice(start, end) : figure;
}
