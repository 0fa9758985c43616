import nodejieba from 'nodejieba';
import { foldWithMap, sourceRange } from '../text/fold';
import type { Sentence } from './sentences';

/** A sentence that reports a meeting being held: who held it and what it was. */
export interface MeetingEvent {
  readonly sentence: Sentence;
  /** Index in the article's text where the report of the meeting being held starts. */
  readonly at: number;
  /** Organiser in the article's words, or '' when the sentence does not name one. */
  readonly organizer: string;
  readonly foldedOrganizer: string;
  /** A unit named by its last character alone (部召开…, 院工作会), to be resolved from the units named before. */
  readonly abbreviation: string | null;
  readonly name: string;
  /** 开展…活动 rather than a meeting noun: an event only where the sentence names who held it. */
  readonly activity: boolean;
}

const ORGANIZATION_END = '(?:集团|公司|研究院|设计院|院|部|所|厂|中心|局|党委|党组|支部|委员会|总支|学校|大学|医院|银行)';
const ENDS_AS_ORGANIZATION = new RegExp(`${ORGANIZATION_END}$`, 'u');
/** Parts of speech an organisation's name is made of: nouns, place and proper names, numbers, unknown words. */
const NAME_TAGS = /^(?:n|nr|ns|nt|nz|nrt|ng|j|m|q|eng|vn|an|a|b|s|f|x)$/u;
const MAX_ORGANIZATION_LENGTH = 16;
/** 全体部领导, 各部门: a collective of people, not a unit. */
const COLLECTIVE_START = /^(?:全|各|相关|有关|所属|其他|部分)/u;

/**
 * The organisation that opens a folded clause (五院, 总体设计部, 中国航天科技集团有限公司), if any: the
 * longest run of name-like words that ends with an organisation noun at a word boundary, so that 系统部署
 * is not read as 系统部.
 */
export function organizationAt(clause: string): string {
  let longest = '';
  let length = 0;
  for (const { word, tag } of nodejieba.tag(clause.slice(0, MAX_ORGANIZATION_LENGTH + 4))) {
    if (!NAME_TAGS.test(tag) || length + word.length > MAX_ORGANIZATION_LENGTH) break;
    length += word.length;
    const candidate = clause.slice(0, length);
    if (ENDS_AS_ORGANIZATION.test(candidate) && candidate.length >= 2 && /^\p{Script=Han}/u.test(candidate) && !COLLECTIVE_START.test(candidate)) longest = candidate;
  }
  return longest;
}
const MEETING_NOUN = '(?:会议|大会|学习会|座谈会|工作会|推进会|部署会|交流会|研讨会|办公会|扩大会|常委会|党委会|专题会|论坛|仪式|培训班|讲座|党课|会)';
// A meeting's name runs to the end of its clause where it can (…部署会议，); else to the first meeting noun.
const HELD_ACTIVE = new RegExp(`(?:组织)?(?:召开|举行|举办)(?:了)?(?:([^，。；：,;:]*${MEETING_NOUN})(?=[，。；：,;:]|$)|([^，。；：,;:]*?${MEETING_NOUN}))`, 'gu');
const HELD_ACTIVITY = /(?:组织)?开展(?:了)?([^，。；：,;:]*?活动)()/gu;
const HELD_PASSIVE = new RegExp(`([^，。；：,;:]*?${MEETING_NOUN})(?:在[^，。；：]*?)?(?:隆重|顺利)?(?:召开|举行)`, 'u');
/** Words between an organiser and its verb that are not part of its name. */
const ADVERB_TAIL = /(?:组织|立即|迅速|第一时间|隆重|专门|再次|近日|日前|随后|也|还|在[^，。；]*)+$/u;
const LEADING_NOISE = /^(?:[0-9]+年)?(?:[0-9]+月)?(?:[0-9]+日)?(?:近日|日前|不久前|年初|开年以来|新年伊始|本网讯|讯)?/u;
/** 部 in 部召开2023年工作会 and 院 in 院工作会: a unit named by its last character. */
const UNIT_ABBREVIATION = /^[院部所厂局](?![长委])/u;
/** The meeting itself as a subject (会议…召开) adds nothing about who held it. */
const SELF_SUBJECT = /^(?:会议|大会|活动|本次|此次)/u;

/**
 * Finds the sentences that report a meeting being held, with its organiser where the sentence names
 * one (中国乐凯党委组织召开中心组学习扩大会; 五院2023年度工作会召开).
 */
export function findMeetingEvents(sentences: readonly Sentence[]): MeetingEvent[] {
  const events: MeetingEvent[] = [];
  for (const sentence of sentences) {
    const folded = foldWithMap(sentence.text);
    const text = folded.text;
    const original = (start: number, end: number) => (end > start ? sentence.text.slice(...sourceRange(sentence.text, folded, start, end)) : '');
    const actives = [...text.matchAll(HELD_ACTIVE)];
    if (actives.length === 0) actives.push(...text.matchAll(HELD_ACTIVITY));
    const passive = HELD_PASSIVE.exec(text);
    const found: { organizerStart: number; organizerEnd: number; nameStart: number; nameEnd: number; activity: boolean }[] = [];
    for (const active of actives) {
      const name = active[1] ?? active[2]!;
      // 所开展的…活动 and 召开的…会 describe a meeting already reported, not one being held.
      if (text[active.index - 1] === '所' || name.startsWith('的')) continue;
      const nameEnd = active.index + active[0].length;
      found.push({ organizerStart: clauseStart(text, active.index), organizerEnd: active.index, nameStart: nameEnd - name.length, nameEnd, activity: name.endsWith('活动') });
    }
    const firstActive = actives[0]?.index ?? Infinity;
    if (passive && passive.index + passive[0].length <= firstActive) {
      const clause = clauseStart(text, passive.index);
      const subjectText = passive[1]!.replace(LEADING_NOISE, '');
      const subjectStart = passive.index + passive[1]!.length - subjectText.length;
      const organization = organizationAt(subjectText) || (UNIT_ABBREVIATION.test(subjectText) ? subjectText[0]! : '');
      found.unshift({ organizerStart: Math.max(clause, subjectStart), organizerEnd: subjectStart + organization.length, nameStart: subjectStart + organization.length, nameEnd: passive.index + passive[1]!.length, activity: false });
    }
    for (const { organizerStart, organizerEnd, nameStart, nameEnd, activity } of found) {
      const organizerText = text.slice(organizerStart, organizerEnd);
      const cleaned = organizerText.replace(LEADING_NOISE, '').replace(ADVERB_TAIL, '');
      const cleanedStart = organizerStart + organizerText.indexOf(cleaned);
      const organizer = cleaned && !SELF_SUBJECT.test(cleaned) && organizationAt(cleaned) === cleaned ? cleaned : '';
      events.push({
        sentence,
        at: sentence.start + (folded.sourceIndex[organizerEnd] ?? sentence.text.length),
        organizer: organizer ? original(cleanedStart, cleanedStart + organizer.length) : '',
        foldedOrganizer: organizer,
        abbreviation: !organizer && UNIT_ABBREVIATION.test(cleaned) ? cleaned[0]! : UNIT_ABBREVIATION.test(text.slice(nameStart, nameEnd)) && !organizer ? text[nameStart]! : null,
        name: original(nameStart, nameEnd).replace(/^了/u, ''),
        activity,
      });
    }
  }
  return events;
}

function clauseStart(text: string, index: number): number {
  let start = index;
  while (start > 0 && !/[，。；：,;:！？!?]/u.test(text[start - 1]!)) start--;
  return start;
}

/** Organisations named at the start of clauses, in order: the units an article moves between. */
export function findOrganizations(sentences: readonly Sentence[]): { name: string; folded: string; at: number }[] {
  const found: { name: string; folded: string; at: number }[] = [];
  for (const sentence of sentences) {
    const folded = foldWithMap(sentence.text);
    let clause = 0;
    for (const part of folded.text.split(/[，。；：,;:！？!?]/u)) {
      const subject = part.replace(LEADING_NOISE, '');
      const organization = organizationAt(subject);
      if (organization && !SELF_SUBJECT.test(organization)) {
        const start = clause + part.length - subject.length;
        const [from, to] = sourceRange(sentence.text, folded, start, start + organization.length);
        found.push({ name: sentence.text.slice(from, to), folded: organization, at: sentence.start + from });
      }
      clause += part.length + 1;
    }
  }
  return found;
}
