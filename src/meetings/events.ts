import type { Participant } from '../people/participants';
import { checkTimeBudget } from '../text/time-budget';
import { foldWithMap, sourceRange, type FoldedText } from '../text/fold';
import { bodyAt, bodyOfTitle, isBody, isNamePhrase } from './organizations';
import type { Sentence } from './sentences';

/**
 * A sentence that reports a meeting: one being held (召开, 举行), a visit (一行来…调研), a reception or
 * talks (会见, 会谈) or a signing (签约), with who held it.
 */
export interface MeetingEvent {
  readonly sentence: Sentence;
  /** Index in the article's text where the report of the meeting starts (its verb). */
  readonly at: number;
  /** Organiser in the article's words, or '' when the sentence does not name one. */
  readonly organizer: string;
  readonly foldedOrganizer: string;
  /** Where the organiser's words stand in the article, or null. */
  readonly organizerEvidence: readonly [number, number] | null;
  /** A unit named by its last character alone (部召开…, 院工作会), to be resolved from the units named before. */
  readonly abbreviation: string | null;
  readonly name: string;
  /** 开展…活动 rather than a meeting noun: an event only where the sentence names who held it. */
  readonly activity: boolean;
  /**
   * A meeting held (召开, 举行) rather than a visit, reception or signing: only such reports start a
   * meeting of their own once another is reported; 签约 after 签约仪式 is part of the ceremony.
   */
  readonly held: boolean;
}

const MEETING_NOUN = '(?:会议|大会|学习会|座谈会|工作会|推进会|部署会|交流会|研讨会|办公会|扩大会|常委会|党委会|专题会|务虚会|表彰会|报告会|发布会|见面会|茶话会|恳谈会|论坛|峰会|仪式|典礼|培训班|讲座|党课|会谈|座谈|会晤|对话|全会|例会|年会|会)';
/** Bounded name lengths keep every pattern linear in the sentence's length, however long it runs. */
const NAME_MAX = 60;
const SUBJECT_MAX = 60;
const CLAUSE = '[^，。；：,;:]';
const HELD = new RegExp(`(?:组织|主持|隆重|顺利|召集|集中)?(?:召开|举行|举办|进行)了?(?:(${CLAUSE}{0,${NAME_MAX}}${MEETING_NOUN})(?=[，。；：,;:]|$)|(${CLAUSE}{0,${NAME_MAX}}?${MEETING_NOUN}))`, 'gu');
const VERB = /^(?:组织|主持|隆重|顺利|召集|集中)?(?:召开|举行|举办|进行)了?/u;
const ACTIVITY = new RegExp(`(?:组织)?开展了?(${CLAUSE}{0,${NAME_MAX}}?活动)`, 'gu');
const PASSIVE = new RegExp(`(${CLAUSE}{1,${NAME_MAX}}?${MEETING_NOUN})(?:(?:于|在|[0-9]+日|上午|下午|晚上)${CLAUSE}{0,30}?)?(?:隆重|顺利|胜利)?(?:召开|举行|开幕(?!式)|闭幕(?!式))`, 'u');
/** A subject in which someone attends or chairs is a person's sentence, not a meeting's name (李强出席…年会开幕). */
const PERSON_ACTS = /出席|主持|参加|会见|致辞|发表/u;
/** A meeting decided on or planned (决定会议于…召开) is another meeting, not this one. */
const PLANNED = /决定|定于|拟于|拟|将于|计划于|预计/u;
/** 一行来集团调研, 莅临公司指导, 深入我市调研: a visit, held by whoever comes. */
const VISIT = new RegExp(`(?:来|到|赴|莅临|深入|走进|前往|走访)${CLAUSE}{0,24}?(调研|考察|视察|检查|指导|慰问|督导|督查|巡查|交流|座谈|参观|走访|宣讲)`, 'u');
/** 会见, 会谈, 签约: receptions, talks and signings, held by the subject. */
const RECEPTION = /(?:会见|会谈|接见|会晤|签约|签署|签订)/u;
/** A 召开 that does not report a meeting held now: an earlier or future one, or one inside a title. */
const NOT_NOW_BEFORE = /(?:即将|将于|将要|将|胜利|迎接|筹备|所|前期|决定|定于|拟于|拟)$/u;
const NOT_NOW_AFTER = /^(?:的|之际|以来|前夕|后|期间|当天|当日|之后|以后)/u;
const LEADING_NOISE =
  /^(?:\p{Script=Han}{0,8}?(?:网|社|台|报)(?:消息|讯|电)(?:\([^)]{0,12}\))?|(?:[0-9]+年)?(?:[0-9]+月)?(?:[0-9]+日)?(?:至[0-9]+日)?|昨日(?:\([0-9]+日\))?|今日|近日|日前|近期|不久前|年初|年底|开年以来|新年伊始|本网讯|本报讯|讯|上午|下午|晚上|晚间|当天|同日|\p{Script=Han}{0,12}?(?:网|社|报|台)\p{Script=Han}{0,6}?[0-9]+月[0-9]+日\p{Script=Han}{0,4}?(?:消息|电|讯))+/u;
/** Words between the organiser and its verb that are not part of its name. */
const ADVERB_TAIL = /(?:组织|立即|迅速|第一时间|隆重|专门|再次|近日|日前|随后|也|还|分别|共同|一同|专题|在[\p{Script=Han}0-9a-z]{0,20}|(?:分别)?(?:与|同|和)[\p{Script=Han}、]*)+$/u;
/** 由国防科工局、国家发改委组成的…调研组; 由上海市政府、台北世贸中心共同主办的…: who the meeting is by. */
const HOSTED_BY = /^由(.+?)(?:共同|联合)?(?:主办|承办|举办|组织|召开|组成|牵头)的(.*)$/u;
/** 部 in 部召开2023年工作会 and 院 in 院工作会: a unit named by its last character. */
const UNIT_ABBREVIATION = /^[院部所厂局](?![长委])/u;
/** The meeting itself as a subject (会议…召开) adds nothing about who held it. */
const SELF_SUBJECT = /^(?:会议|大会|活动|本次|此次|双方)/u;

interface Found {
  subjectStart: number;
  subjectEnd: number;
  name: string;
  at: number;
  activity: boolean;
  signing: boolean;
  /** 五院2023年度工作会召开: the meeting is the subject, and the body opens its name. */
  passive: boolean;
  held: boolean;
}

/**
 * Finds the sentences that report a meeting, with its organiser where the sentence names one: the
 * subject of 召开 or 举行 (中国乐凯党委组织召开…), the body of the meeting held (五院2023年度工作会召开), who
 * hosted it (由…主办的), the body of whoever visits (市国资委二级调研员吴坤荣一行来集团调研), receives or
 * signs. A person as the subject stands for the body of their title.
 */
export function findMeetingEvents(sentences: readonly Sentence[], people: readonly Participant[]): MeetingEvent[] {
  const foldedPeople = people.map(personBody);
  const events: MeetingEvent[] = [];
  for (const sentence of sentences) {
    const folded = foldedSentence(sentence);
    const text = folded.text;
    const original = (start: number, end: number) => (end > start ? sentence.text.slice(...sourceRange(sentence.text, folded, start, end)) : '');
    for (const found of eventsIn(text)) {
    checkTimeBudget();
      const subjectText = text.slice(found.subjectStart, found.subjectEnd);
      const subject = found.passive ? passiveOrganizer(subjectText) : organizerOf(subjectText, found.signing, foldedPeople);
      // 主持召开国务院常务会议: a chair's meeting is held by the body its name opens with, before the body of
      // the chair's post (市长张建华主持召开市政府常务会议 is the 市政府's, though his post is also 市委's).
      const chairedBySubject = text.startsWith('主持', found.at);
      const nameBody = (subject.organizer && !subject.ofPerson) || found.passive || !chairedBySubject ? '' : bodyAt(meetingNameOf(found.name));
      if (nameBody && nameBody.length < found.name.length) Object.assign(subject, { organizer: nameBody, offset: text.indexOf(found.name, found.at) - found.subjectStart, elsewhere: undefined });
      const organizerStart = subject.organizer ? found.subjectStart + subject.offset : -1;
      const inSentence = subject.organizer && !subject.elsewhere ? sourceRange(sentence.text, folded, organizerStart, organizerStart + subject.organizer.length) : null;
      const range: readonly [number, number] | null = subject.elsewhere ?? (inSentence ? [sentence.start + inSentence[0], sentence.start + inSentence[1]] : null);
      if (found.passive) found.name = subjectText.slice(subject.offset + subject.organizer.length);
      const nameStart = text.indexOf(found.name, found.passive ? found.subjectStart : found.at);
      events.push({
        sentence,
        at: sentence.start + (folded.sourceIndex[found.at] ?? sentence.text.length),
        organizer: subject.elsewhere ? (subject.original ?? '') : inSentence ? sentence.text.slice(...inSentence) : '',
        foldedOrganizer: subject.organizer,
        organizerEvidence: range,
        abbreviation: subject.organizer ? null : UNIT_ABBREVIATION.test(subject.cleaned) ? subject.cleaned[0]! : UNIT_ABBREVIATION.test(found.name) ? found.name[0]! : null,
        name: original(nameStart, nameStart + found.name.length).replace(/^了/u, ''),
        activity: found.activity,
        held: found.held,
      });
    }
  }
  return events;
}

const foldedSentences = new WeakMap<Sentence, FoldedText>();

/** A sentence folded once, for both the meetings it reports and the units it names. */
function foldedSentence(sentence: Sentence): FoldedText {
  let folded = foldedSentences.get(sentence);
  if (!folded) {
    folded = foldWithMap(sentence.text);
    foldedSentences.set(sentence, folded);
  }
  return folded;
}

/** Who held a meeting: the organiser's folded name and where it stands in the subject, or elsewhere. */
interface Subject {
  organizer: string;
  offset: number;
  cleaned: string;
  /** A body named in a person's title outside the sentence: its range in the article and its words. */
  elsewhere?: readonly [number, number];
  original?: string;
  /** The body of a person's post, where a person is the subject. */
  ofPerson?: boolean;
}

/** A participant's folded name, and the body of their title with where it stands in the article. */
interface PersonBody {
  name: string;
  body: string;
  evidence: readonly [number, number] | null;
  original: string;
}

function personBody(person: Participant): PersonBody {
  const name = foldWithMap(person.name).text;
  const title = foldWithMap(person.title);
  const body = bodyOfTitle(title.text);
  const at = body ? title.text.lastIndexOf(body) : -1;
  if (at < 0 || !person.titleEvidence) return { name, body: '', evidence: null, original: '' };
  const [from, to] = sourceRange(person.title, title, at, at + body.length);
  return { name, body, evidence: [person.titleEvidence[0] + from, person.titleEvidence[0] + to], original: person.title.slice(from, to) };
}

/** Each report of a meeting in a folded sentence: its subject's range, the meeting's name, the verb's position. */
function eventsIn(text: string): Found[] {
  const found: Found[] = [];
  const subjectOf = (at: number) => ({ subjectStart: clauseStart(text, at), subjectEnd: at });
  const passive = PASSIVE.exec(text);
  const passiveSubject = passive?.[1]!.replace(LEADING_NOISE, '') ?? '';
  // 市人大常委会召开…: a body whose name ends like a meeting (常委会, 协会) is the subject of an active verb.
  const passiveHeld = passive && !NOT_NOW_AFTER.test(text.slice(passive.index + passive[0].length)) && !PERSON_ACTS.test(passive[1]!) && !PLANNED.test(passive[1]!) && bodyAt(passiveSubject) !== passiveSubject ? passive : null;
  if (passiveHeld) {
    const passive = passiveHeld;
    const start = clauseStart(text, passive.index);
    // The report is where its verb stands, after the meeting's name and any date (…会议26日上午在京召开).
    found.push({ subjectStart: start, subjectEnd: passive.index + passive[1]!.length, name: passive[1]!, at: passive.index + passive[0].length, activity: false, signing: false, passive: true, held: true });
  }
  for (const held of text.matchAll(HELD)) {
    checkTimeBudget();
    const name = held[1] ?? held[2]!;
    const verbEnd = held.index + VERB.exec(text.slice(held.index))![0].length;
    if (NOT_NOW_BEFORE.test(text.slice(Math.max(0, held.index - 4), held.index)) || NOT_NOW_AFTER.test(text.slice(verbEnd)) || insideQuotation(text, held.index)) continue;
    if (passiveHeld && held.index >= passiveHeld.index && held.index < passiveHeld.index + passiveHeld[0].length) continue;
    found.push({ ...subjectOf(held.index), name: meetingNameOf(name.replace(/^了/u, ''), text.slice(held.index + held[0].length)), at: held.index, activity: false, signing: /签约|签署/u.test(name), passive: false, held: true });
  }
  const visit = VISIT.exec(text);
  if (visit && !found.some(event => event.at < visit.index)) found.push({ ...subjectOf(visit.index), name: visit[1]!, at: visit.index, activity: false, signing: false, passive: false, held: false });
  if (found.length === 0) {
    for (const activity of text.matchAll(ACTIVITY)) found.push({ ...subjectOf(activity.index), name: activity[1]!, at: activity.index, activity: true, signing: false, passive: false, held: true });
  }
  if (found.length === 0) {
    const reception = RECEPTION.exec(text);
    if (reception) found.push({ ...subjectOf(reception.index), name: reception[0], at: reception.index, activity: false, signing: /签/u.test(reception[0]), passive: false, held: false });
  }
  return found.sort((a, b) => a.at - b.at);
}

/** 上海市政府、台北世贸中心: whether every body a list of hosts names is one. */
function areBodies(hosts: string): boolean {
  return hosts.split(/[、和与及]/u).every(part => isBody(part));
}

/** 五院2023年度工作会召开, 青海全省政府采购工作会议在西宁市召开: the body that opens the meeting's name. */
function passiveOrganizer(subjectText: string): Subject {
  const cleaned = subjectText.replace(LEADING_NOISE, '');
  const offset = subjectText.length - cleaned.length;
  // 由上海市政府、台北世贸中心共同主办的博览会举行…: the hosts hold it.
  const host = HOSTED_BY.exec(cleaned)?.[1];
  if (host && areBodies(host)) return { organizer: host, offset: offset + 1, cleaned };
  const organizer = SELF_SUBJECT.test(cleaned) ? '' : bodyAt(cleaned, true);
  return { organizer: organizer.length < cleaned.length ? organizer : '', offset, cleaned };
}

/**
 * The meeting's name, not a body's: 召开十四届全国人大常委会第二十六次委员长会议 stops the shortest reading
 * at 常委会, which names who meets; the name runs on to the next meeting noun.
 */
function meetingNameOf(name: string, after = ''): string {
  if (bodyAt(name) !== name) return name;
  const more = new RegExp(`^${CLAUSE}{0,${NAME_MAX}}?${MEETING_NOUN}`, 'u').exec(after);
  return more ? name + more[0] : name;
}

/** A 召开 inside 《…》 or “…” names a document or a slogan, not a meeting held. */
function insideQuotation(text: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - NAME_MAX), index);
  return before.lastIndexOf('《') > before.lastIndexOf('》') || before.lastIndexOf('“') > before.lastIndexOf('”');
}

/**
 * The organiser in the folded words before a meeting's verb: after a date, a dateline and adverbs, a
 * body's name; a person's body (from the text before the name, else from their title); for a signing,
 * both sides (山东省与富士康科技集团).
 */
function organizerOf(subjectText: string, signing: boolean, people: readonly PersonBody[]): Subject {
  let cleaned = subjectText.replace(LEADING_NOISE, '');
  let offset = subjectText.length - cleaned.length;
  const hosted = HOSTED_BY.exec(cleaned);
  if (hosted) {
    // 由…组成的调研组: the group so made up holds it; 由上海市政府、台北世贸中心共同主办的: its hosts do.
    const madeUp = hosted[2]!;
    const group = madeUp ? bodyAt(madeUp) : '';
    if (group && isBody(group)) return { organizer: group, offset: offset + cleaned.length - madeUp.length, cleaned: madeUp };
    if (areBodies(hosted[1]!)) return { organizer: hosted[1]!, offset: offset + 1, cleaned: hosted[1]! };
    cleaned = madeUp;
    offset += hosted[0].length - madeUp.length;
  }
  if (signing) {
    const sides = /^(.+?)(?:与|同|和)(.+?)(?:在\p{Script=Han}{0,20})?$/u.exec(cleaned);
    if (sides && isBody(sides[1]!) && (isBody(sides[2]!) || isNamePhrase(sides[2]!))) return { organizer: cleaned.slice(0, sides[1]!.length + 1 + sides[2]!.length), offset, cleaned };
  }
  const person = people.find(({ name }) => cleaned.includes(name));
  if (person) {
    const before = cleaned.slice(0, cleaned.indexOf(person.name));
    const bodyBefore = bodyOfTitle(before) || bodyAt(before);
    if (bodyBefore && before.includes(bodyBefore)) return { organizer: bodyBefore, offset: offset + before.indexOf(bodyBefore), cleaned, ofPerson: true };
    // 李强主持召开国务院常务会议: the organiser is the body of the chair's title, wherever the title stands.
    return person.body ? { organizer: person.body, offset, cleaned, elsewhere: person.evidence!, original: person.original, ofPerson: true } : { organizer: '', offset, cleaned };
  }
  const trimmed = cleaned.replace(ADVERB_TAIL, '');
  const organizer = trimmed && !SELF_SUBJECT.test(trimmed) ? bodyAt(trimmed) : '';
  return { organizer: organizer === trimmed || (organizer && trimmed.startsWith(organizer) && /^(?:组织|党委|党组)?$/u.test(trimmed.slice(organizer.length))) ? organizer : '', offset, cleaned: trimmed };
}

/** Where the clause before index starts, looking back no further than a subject can run. */
function clauseStart(text: string, index: number): number {
  let start = index;
  while (start > 0 && index - start < SUBJECT_MAX && !/[，。；：,;:！？!?]/u.test(text[start - 1]!)) start--;
  return start;
}

/** Organisations named at the start of clauses, in order: the units an article moves between. */
export function findOrganizations(sentences: readonly Sentence[]): { name: string; folded: string; at: number }[] {
  const found: { name: string; folded: string; at: number }[] = [];
  for (const sentence of sentences) {
    const folded = foldedSentence(sentence);
    for (const { organization, start } of organizationsAtClauses(folded.text)) {
      const [from, to] = sourceRange(sentence.text, folded, start, start + organization.length);
      found.push({ name: sentence.text.slice(from, to), folded: organization, at: sentence.start + from });
    }
  }
  return found;
}

/** The bodies named at the start of a folded text's clauses, after any dateline, and where each starts. */
export function organizationsAtClauses(folded: string): { organization: string; start: number }[] {
  const found: { organization: string; start: number }[] = [];
  let clause = 0;
  for (const part of folded.split(/[，。；：,;:！？!?]/u)) {
    const subject = part.replace(LEADING_NOISE, '');
    const organization = bodyAt(subject);
    if (organization && !SELF_SUBJECT.test(organization)) found.push({ organization, start: clause + part.length - subject.length });
    clause += part.length + 1;
  }
  return found;
}
