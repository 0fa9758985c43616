import { checkTimeBudget } from '../text/time-budget';
import { clipAtClause } from './clip';

/**
 * What a meeting decided and discussed, from the genre's enumerations and figures: numbered
 * requirements (一是…二是…), stated requirements (会议要求：…；…), what was adopted (审议通过了…), what
 * the first speakers stated or required (强调，…), counts (4点要求, 四项议案, 15个课题, 约100人), money and
 * shares (45.37亿元, 10%), the topics studied (学习贯彻…, 《…》) and the formulations the report puts in
 * quotation marks (“新三总”, “开门红”).
 */
export interface Point {
  readonly text: string;
  /** The words the point is taken from, as a [start, end) range of the text given to findPoints. */
  readonly evidence: readonly [number, number];
}

const ITEM_MAX = 40;
const CHINESE_NUMBER = '[一二两兩三四五六七八九十百千万萬]+';
const CHINESE_ORDINAL = '[一二三四五六七八九十]+';
const NUMBERED_ITEM = new RegExp(`(?:^|[。；;：:\\n，,]|做到|做好)\\s*(?:${CHINESE_ORDINAL}(?:是|要)|第${CHINESE_ORDINAL}[，,、]|[（(]${CHINESE_ORDINAL}[）)])\\s*([^。；;\\n]{2,})`, 'gu');
const NEXT_ITEM = new RegExp(`[，,；;]\\s*(?:[二三四五六七八九十]+(?:是|要)|第[二三四五六七八九十]+[，,、])`, 'u');
const COUNTED_HEADING = /(?:提出|作出|提了)?[0-9０-９一二三四五六七八九十]+[点點条條项項](?:要求|建議|建议|希望|意見|意见|措施|舉措|举措)/gu;
const COUNTED_ITEMS = new RegExp(`(?:共|等|了)?(?:[0-9０-９]+|${CHINESE_NUMBER})(?:個|个|項|项|條|条|件|批|起|家|大)(?:議案|议案|項目|项目|協議|协议|事故|決定|决定|文件|報告|报告|任務|任务|課題|课题|工程|板塊|板块|行動|行动|配套制度|制度|辦法|办法|措施|規定|规定|標準|标准|重點工作|重点工作)`, 'gu');
/** What a meeting decided: 审议通过了…四项议案. */
const DECISIONS = /(?:審議通過了?|审议通过了?|審議並通過了?|审议并通过了?|表決通過了?|表决通过了?)([^。；;\n]{4,})/gu;
/**
 * What a speaker stated or required, after the verb (他强调，…; 他要求集团公司在…): the first few only,
 * and not an enumeration, which the numbered items give one by one.
 */
const STATEMENTS = /(?:強調|强调|指出|要求)(?:[，,：:]|(?=[^，,。；;\n]{0,12}?(?:要|在|把|將|将|必須|必须)))\s*(?![一二三四五六七八九十]+(?:是|要))([^。；;\n]{6,})/gu;
const MAX_STATEMENTS = 3;
const STATED_REQUIREMENTS = /(?:會議|会议|大會|大会)(?:要求|強調|强调|明確|明确|提出)[:：]([^。\n]+)/gu;
const FIGURE = /(?:約|约|共計|共计|近|逾|超過|超过)?[0-9０-９]+(?:\.[0-9]+)?(?:萬|万|億|亿|千|百)?(?:餘|余|多)?(?:個|个|項|项|人|家|名|位|場|场|次|篇|條|条|批|項目|项目|元|美元|噸|吨|千瓦|公里|畝|亩|%|％)/gu;
const TOPIC = /(?:集體學習|集体学习|傳達學習|传达学习|學習貫徹|学习贯彻|學習了|学习了)([^，。；,;\n]{4,})/gu;
const BOOK_TITLE = /《[^》]{2,40}》/gu;
/** A short formulation in quotation marks: a slogan, a programme, a target (“内循环”, “两个确保”). */
const FORMULATION = /[“"「]([^”"」，。；\n]{2,12})[”"」]/gu;
const FIGURE_CLAUSE_MAX = 30;
const MAX_FIGURES = 4;
const MAX_FORMULATIONS = 4;

export function findPoints(text: string): Point[] {
  const points: Point[] = [];
  const add = (start: number, end: number, clip = ITEM_MAX) => {
    checkTimeBudget();
    const raw = text.slice(start, end);
    const leading = raw.length - raw.trimStart().length;
    const trimmed = raw.trim().replace(/[，,、：:]$/u, '');
    if (!trimmed) return;
    const shown = clipAtClause(trimmed, clip);
    const bare = (point: string) => point.replace(/…$/u, '');
    if (points.some(existing => existing.text.includes(bare(shown)))) return;
    const evidenceEnd = start + leading + (shown.endsWith('…') ? shown.length - 1 : shown.length);
    const point: Point = { text: shown, evidence: [start + leading, evidenceEnd] };
    // A fuller point takes the place of one it holds (…等四项议案 over 四项议案).
    const held = points.findIndex(existing => shown.includes(bare(existing.text)));
    if (held >= 0) points.splice(held, 1, point);
    else points.push(point);
  };
  const addMatch = (match: RegExpMatchArray, group = 0, clip = ITEM_MAX) => {
    const value = match[group]!;
    const start = match.index! + match[0].indexOf(value);
    add(start, start + value.length, clip);
  };
  for (const match of text.matchAll(COUNTED_HEADING)) addMatch(match);
  for (const match of text.matchAll(COUNTED_ITEMS)) addMatch(match);
  for (const match of text.matchAll(NUMBERED_ITEM)) {
    // 一要制定计划，二要狠抓落实: an item written inline ends where the next one starts.
    const next = NEXT_ITEM.exec(match[1]!);
    const start = match.index! + match[0].length - match[1]!.length;
    add(start, start + (next ? next.index : match[1]!.length));
  }
  for (const match of text.matchAll(STATED_REQUIREMENTS)) {
    let offset = match.index! + match[0].indexOf(match[1]!);
    for (const item of match[1]!.split(/([；;])/u)) {
      if (!/^[；;]$/u.test(item)) add(offset, offset + item.length);
      offset += item.length;
    }
  }
  for (const match of text.matchAll(DECISIONS)) addMatch(match, 1, ITEM_MAX + 20);
  let statements = 0;
  for (const match of text.matchAll(STATEMENTS)) {
    if (statements++ >= MAX_STATEMENTS) break;
    addMatch(match, 1);
  }
  for (const match of text.matchAll(TOPIC)) {
    const lead = /^(?:了|落實|落实|時|时|的)+/u.exec(match[1]!)?.[0].length ?? 0;
    const start = match.index! + match[0].length - match[1]!.length + lead;
    if (match[1]!.length - lead >= 4) add(start, match.index! + match[0].length, ITEM_MAX + 20);
  }
  for (const match of text.matchAll(BOOK_TITLE)) addMatch(match);
  let formulations = 0;
  for (const match of text.matchAll(FORMULATION)) {
    if (formulations++ >= MAX_FORMULATIONS) break;
    addMatch(match);
  }
  let figures = 0;
  for (const match of text.matchAll(FIGURE)) {
    if (figures++ >= MAX_FIGURES) break;
    const [start, end] = figureInContext(text, match.index!, match[0]);
    add(start, end);
  }
  return points;
}

/** A figure with the clause it stands in when that clause is short (15個科研攻關課題成功揭榜), else alone. */
function figureInContext(text: string, index: number, figure: string): [number, number] {
  const clauseBreak = /[，。；：,;:\n、]/u;
  let start = index;
  while (start > 0 && !clauseBreak.test(text[start - 1]!)) start--;
  let end = index + figure.length;
  while (end < text.length && !clauseBreak.test(text[end]!)) end++;
  return end - start <= FIGURE_CLAUSE_MAX ? [start, end] : [index, index + figure.length];
}
