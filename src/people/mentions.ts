import nodejieba from 'nodejieba';
import { checkTimeBudget } from '../text/time-budget';
import { isKnownPerson } from '../text/dictionary';
import type { Clauses } from './clauses';
import { WordIndex } from './word-index';
import { isNameBoundary, nameAt, type NameEvidence } from './names';
import { AFTER_NAME_HONORIFICS, ENDS_WITH_TITLE_HEAD, TITLE_HEADS, TITLE_PREFIXES } from './titles';
import { MADE_SPEECH, REFERENCE_CUES_AFTER, ROLE_VERBS } from './verbs';

/**
 * Where a report names people, found by the genre's structure: a title runs straight into a name
 * (党委副书记、总经理李东), or follows it (隋剑光副董事长, 郑昶委员建议); a list after either shares it
 * (副总经理杨彬、朱建军); a name that opens a clause and runs into a verb speaks for itself (王凯指出;
 * 金国藩、柳百新等院士纷纷发言). All positions are in folded text.
 */
export interface Mention {
  readonly name: string;
  readonly start: number;
  /** The title the report gives with this mention, as a folded range, or null. */
  readonly title: readonly [number, number] | null;
  readonly evidence: NameEvidence;
  /** Where the list this mention belongs to ends: the verbs that follow it speak for every name in it. */
  listEnd: number;
}

const TITLE_PATTERN = new RegExp(TITLE_HEADS.map(escape).join('|'), 'gu');
const STRETCH_STOP = /[，。；：,;:!?！？\n“”"（）()《》【】[\]|]/u;
/** Words after which a title stretch starts: what precedes them belongs to the sentence, not the title. */
const STRETCH_CUT =
  /^.*(?:会议由|由|邀请|听取了|听取|聆听了|聆听|会见了|会见|会同|受|其中|以及|还有|陪同|看望|慰问|欢迎|感谢|会上|期间|其间|首先|随后|最后|接着|同时|此外|选举|来自|并|同|对|在|是|为|向|率|带领|请|的|了)/u;
/**
 * 和, 与 and 及 join people (张三和副总经理李四, 与塞尔维亚总统武契奇) but also the names of bodies
 * (工业和信息化厅党组书记, 住房和城乡建设部部长): the stretch starts after the last one unless what
 * follows it up to the post ends like a body.
 */
const LAST_JOINER = /^.*[和与及]/u;
const PREFIXES_AT_END = new RegExp(`(?:${[...TITLE_PREFIXES].sort((a, b) => b.length - a.length).map(escape).join('|')})$`, 'u');
const ENDS_LIKE_BODY = /[厅部委局会院所办处署司组室站队团府社馆校行党]$|中心$|党组$|党委$|公司$|集团$/u;
const MAX_TITLE_LENGTH = 40;
/** How far after a list of names its verb is looked for: bounded, so that analysis stays linear. */
const VERB_WINDOW = 160;
const BRACKETED_NOTE = /^[(（][^()（）]{1,8}[)）]/u;
/** Separators inside a list of names. */
const LIST_SEPARATORS = ['以及', '、', '和', '及', '与', '同'];
/** A list item the name shapes do not read, skipped so that one odd name does not drop the rest of the list. */
const UNREAD_ITEM = /^\p{Script=Han}{2,4}(?=、)/u;
/** Characters an organisation's name ends with: a unit written before a name stands where a title does (汽机分场许大威). */
const ORGANIZATION_END = /[会局委部司院厂所处科室组队办厅馆站社校场矿行团府区县市省村镇乡营连站]$/u;
/** Parts of speech a unit's name is made of: nouns, place and organisation names, abbreviations. */
const UNIT_WORD_TAGS = /^(?:n|nt|ns|nz|j|ng)$/u;
/** What may come before a name whose title follows it: a boundary, a unit, or a word that starts a clause. */
const BEFORE_TITLE_AFTER_NAME = /(?:^|[，。；：,;:、\n（(“"]|和|与|及|同|由|请|邀请|听取|会见|看望|等)$/u;
/** Words that open a clause before its subject: 会上，李明指出 is read like 李明指出. */
const CLAUSE_OPENERS = /^(?:会上|会议上|座谈会上|会中|随后|首先|其次|最后|接着|同时|此外|期间|其间|会前|会后|调研中|座谈中|讲话中|据悉|另外|然后|之后|其后|当天|上午|下午|晚上|会议由|由|[0-9]+日(?:上午|下午|晚上)?)?/u;
const HONORIFIC_AFTER = new RegExp(`^(?:${AFTER_NAME_HONORIFICS.join('|')})`, 'u');
const PREFIX_BEFORE_HEAD = new RegExp(`(?:${[...TITLE_PREFIXES].sort((a, b) => b.length - a.length).join('|')})$`, 'u');

const ROLE_VERB_WORDS = new WordIndex(Object.values(ROLE_VERBS).flat());
const TITLE_HEAD_WORDS = new WordIndex(TITLE_HEADS);

function escape(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

export function roleVerbAt(text: string, index: number): string | null {
  return ROLE_VERB_WORDS.at(text, index) ?? null;
}

/** The index just past the honorific after a name (同志, 博士), or index itself. */
export function skipHonorific(text: string, index: number): number {
  const honorific = HONORIFIC_AFTER.exec(text.slice(index, index + 4));
  return honorific ? index + honorific[0].length : index;
}

export function findMentions(clauses: Clauses): Mention[] {
  const text = clauses.text;
  const mentions = new Map<number, Mention>();
  const nameEnds = new Set<number>();
  const add = (mention: Mention) => {
    const existing = mentions.get(mention.start);
    if (existing && (existing.title || !mention.title)) return existing;
    mentions.set(mention.start, mention);
    nameEnds.add(mention.start + mention.name.length);
    return mention;
  };

  for (const match of text.matchAll(TITLE_PATTERN)) {
    checkTimeBudget();
    const headStart = match.index!;
    const headEnd = headStart + match[0].length;
    titleBeforeName(text, headStart, headEnd, nameEnds, add);
    titleAfterName(text, headStart, headEnd, add);
  }
  for (let index = 0; index < text.length; index++) {
    checkTimeBudget();
    if (clauses.isClauseStart(index)) bareNamesWithVerb(clauses, index, mentions, add);
  }
  return [...mentions.values()].sort((a, b) => a.start - b.start);
}

/** 党委副书记、总经理李东 and the list after it (副总经理杨彬、朱建军、傅玉良). */
function titleBeforeName(text: string, headStart: number, headEnd: number, nameEnds: Set<number>, add: (mention: Mention) => Mention): void {
  // 纪委书记(主持工作)赵红: a bracketed note between the title and the name belongs to the title.
  const titleEnd = headEnd + (BRACKETED_NOTE.exec(text.slice(headEnd, headEnd + 12))?.[0].length ?? 0);
  const name = nameAt(text, titleEnd, 'titled');
  if (!name || titleJoinsWord(text, headStart, titleEnd, name) || nameEndsAt(text, headStart)) return;
  const title: [number, number] = [titleStretchStart(text, headStart, nameEnds), titleEnd];
  const first = add({ name, start: titleEnd, title, evidence: 'titled', listEnd: titleEnd + name.length });
  const listed = [first];
  let next = skipHonorific(text, titleEnd + name.length);
  for (;;) {
    const separator = LIST_SEPARATORS.find(word => text.startsWith(word, next));
    if (!separator) break;
    let itemStart = next + separator.length;
    let item = nameAt(text, itemStart, 'titled');
    if (!item && separator === '、') {
      const unread = UNREAD_ITEM.exec(text.slice(itemStart, itemStart + 5));
      if (unread) {
        itemStart += unread[0].length + 1;
        item = nameAt(text, itemStart, 'titled');
      }
    }
    if (!item || !closesListItem(text, itemStart + item.length)) break;
    // 王挺革与隋剑光副董事长: an item with a title of its own after it keeps that one.
    const ownHeadStart = skipPrefix(text, itemStart + item.length);
    const ownHead = headAt(text, ownHeadStart);
    const itemTitle: [number, number] = ownHead ? [itemStart + item.length, ownHeadStart + ownHead.length] : title;
    listed.push(add({ name: item, start: itemStart, title: itemTitle, evidence: 'titled', listEnd: 0 }));
    next = skipHonorific(text, ownHead ? ownHeadStart + ownHead.length : itemStart + item.length);
  }
  for (const mention of listed) mention.listEnd = Math.max(mention.listEnd, next);
}

/**
 * 吉布提总统盖莱, 教科文卫委副主任委员吴恒: a name after the title (and any further heads) means the
 * title is that name's, and what stands before it is a country or a body, not a person.
 */
function nameFollowsTitle(text: string, headEnd: number): boolean {
  let at = headEnd;
  for (let head = headAt(text, at); head; head = headAt(text, at)) at += head.length;
  return nameAt(text, at, 'titled') !== null;
}

function skipPrefix(text: string, index: number): number {
  const prefix = TITLE_PREFIXES.find(word => text.startsWith(word, index));
  return prefix ? index + prefix.length : index;
}

function headAt(text: string, index: number): string | undefined {
  return TITLE_HEAD_WORDS.at(text, index);
}

/**
 * 成员国作共同发言: the whole head and what follows it make one word (成员国), so no name starts after
 * the head. A word that starts inside the head (主|任何|立峰) says nothing: 何立峰 is a name.
 */
function titleJoinsWord(text: string, headStart: number, headEnd: number, name: string): boolean {
  const [first] = nodejieba.cut(text.slice(headStart, headEnd + name.length + 1));
  return first !== undefined && first.length > headEnd - headStart;
}

/** 习近平主席贺信: the head is the title after a well-known name, so what follows it is not another name. */
function nameEndsAt(text: string, headStart: number): boolean {
  return [2, 3].some(length => headStart >= length && isKnownPerson(text.slice(headStart - length, headStart)));
}

/** 隋剑光副董事长, 郑昶委员建议, 高学斌会长一行: a name, then its title, then a boundary. */
function titleAfterName(text: string, headStart: number, headEnd: number, add: (mention: Mention) => Mention): void {
  if (!isNameBoundary(text, headEnd) || text.startsWith('的', headEnd) || nameFollowsTitle(text, headEnd)) return;
  const prefix = PREFIX_BEFORE_HEAD.exec(text.slice(Math.max(0, headStart - 3), headStart))?.[0] ?? '';
  const nameEnd = headStart - prefix.length;
  for (const length of [3, 2, 4, 5, 6]) {
    const start = nameEnd - length;
    if (start < 0) continue;
    const before = text.slice(Math.max(0, start - 4), start);
    const afterBoundary = BEFORE_TITLE_AFTER_NAME.test(before);
    if (!afterBoundary && !ORGANIZATION_END.test(before)) continue;
    // A title after a name announces it less surely than one before it (师生代表, 相关部|门主要负责人):
    // the name is held to the rules of a bare one, and a country before a title is not a foreign name.
    const name = nameAt(text, start, 'bare');
    if (name?.length !== length) continue;
    add({ name, start, title: [nameEnd, headEnd], evidence: 'titled', listEnd: headEnd });
    return;
  }
}

/**
 * Names that open a clause (after 会上, a date or a unit) and run, alone or as a list, into a verb of the
 * meeting: 王寿君指出; 汽机分场许大威、锅炉分场韩拥军分别代表…作了发言; 金国藩、柳百新等院士纷纷发言.
 */
function bareNamesWithVerb(clauses: Clauses, clauseStart: number, mentions: ReadonlyMap<number, Mention>, add: (mention: Mention) => Mention): void {
  const text = clauses.text;
  const clauseEnd = clauses.clauseEnd(clauseStart);
  let next = clauseStart + (CLAUSE_OPENERS.exec(text.slice(clauseStart, clauseStart + 12))?.[0].length ?? 0);
  const listed: { name: string; start: number; unit: [number, number] | null }[] = [];
  for (;;) {
    const unit = unitBefore(text, next, clauseEnd);
    const at = unit ? unit[1] : next;
    const known = mentions.get(at);
    const name = known?.name ?? nameAt(text, at, unit ? 'titled' : 'bare');
    // A 、 list of something else (吉林、辽宁代表团), or a name whose title follows it (吉布提总统盖莱表示);
    // a list may end in a group after 和 or 及 (张三和有关部门负责人).
    if (!name) {
      if (listed.length > 0 && text[next - 1] === '、') return;
      break;
    }
    if (!known && headAt(text, skipPrefix(text, at + name.length))) return;
    listed.push({ name, start: at, unit });
    next = skipHonorific(text, at + name.length);
    const separator = LIST_SEPARATORS.find(word => text.startsWith(word, next));
    if (!separator) break;
    next += separator.length;
  }
  if (listed.length === 0) return;
  // 金国藩、柳百新等院士纷纷发言: the head after 等 is the title of everyone listed.
  const groupHead = text[next] === '等' ? headAt(text, next + 1) : undefined;
  if (!verbFollows(text, next, clauseEnd)) return;
  for (const { name, start, unit } of listed) {
    const title: [number, number] | null = unit ?? (groupHead ? [next + 1, next + 1 + groupHead.length] : null);
    add({ name, start, title, evidence: title ? 'titled' : 'bare', listEnd: next });
  }
}

/**
 * A unit written before a name (汽机分场许大威): its range, and where the name starts. The unit is whole
 * words of the segmenter, all of them nouns, the last one ending like a unit (分场, 部, 中心), so that
 * 政府采购部|门要 and 人才队|伍建设 are not read as a unit and a name.
 */
function unitBefore(text: string, index: number, clauseEnd: number): [number, number] | null {
  let end = index;
  for (const { word, tag } of nodejieba.tag(text.slice(index, Math.min(clauseEnd, index + 14)))) {
    if (!UNIT_WORD_TAGS.test(tag)) return null;
    end += word.length;
    if (end - index < 2 || !ORGANIZATION_END.test(word)) continue;
    const name = nameAt(text, end, 'titled');
    if (name && closesListItem(text, skipHonorific(text, end + name.length))) return [index, end];
  }
  return null;
}

/** Whether a verb of the meeting comes before the clause ends, with no owner-of-speech cue before it. */
function verbFollows(text: string, from: number, to: number): boolean {
  for (let index = from; index < Math.min(to, from + VERB_WINDOW); index++) {
    if (MADE_SPEECH.test(text.slice(index, index + 100))) return true;
    if (REFERENCE_CUES_AFTER.some(cue => text.startsWith(cue, index))) return false;
    if (roleVerbAt(text, index)) return true;
  }
  return false;
}

/** A name inside a list is followed by the next separator, an honorific, a verb or the list's end. */
function closesListItem(text: string, index: number): boolean {
  if (index >= text.length || /[、，。；：,;:和及与同等]/u.test(text[index]!)) return true;
  return isNameBoundary(text, index);
}

/**
 * Where the title before a name starts: back to the clause's start, across 、 while the part before it
 * is itself a title (党委副书记、总经理), never into the previous person, and after any words that
 * belong to the sentence rather than the title (会议由…).
 */
function titleStretchStart(text: string, headStart: number, nameEnds: ReadonlySet<number>): number {
  let start = headStart;
  for (;;) {
    while (start > 0 && !STRETCH_STOP.test(text[start - 1]!) && text[start - 1] !== '、' && !nameEnds.has(start) && headStart - start < MAX_TITLE_LENGTH) start--;
    if (start > 0 && text[start - 1] === '、' && !nameEnds.has(start - 1)) {
      let previous = start - 1;
      while (previous > 0 && headStart - previous < MAX_TITLE_LENGTH && !STRETCH_STOP.test(text[previous - 1]!) && text[previous - 1] !== '、' && !nameEnds.has(previous)) previous--;
      if (ENDS_WITH_TITLE_HEAD.test(text.slice(previous, start - 1)) && headStart - previous < MAX_TITLE_LENGTH) {
        start = previous;
        continue;
      }
    }
    break;
  }
  const stretch = text.slice(start, headStart);
  const joiner = LAST_JOINER.exec(stretch)?.[0].length ?? 0;
  const afterJoiner = stretch.slice(joiner);
  const firstHead = afterJoiner.search(TITLE_PATTERN);
  const bodyBeforePost = (firstHead < 0 ? afterJoiner : afterJoiner.slice(0, firstHead)).replace(PREFIXES_AT_END, '');
  const joined = joiner > 0 && !ENDS_LIKE_BODY.test(bodyBeforePost) ? joiner : 0;
  return start + Math.max(STRETCH_CUT.exec(stretch)?.[0].length ?? 0, joined);
}
