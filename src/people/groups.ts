import { sourceRange, type FoldedText } from '../text/fold';
import { checkTimeBudget } from '../text/time-budget';
import type { Clauses } from './clauses';
import { nameAt } from './names';
import { ENDS_WITH_TITLE_HEAD } from './titles';

/** A body of people that attended without being named (職能部門負責人; 技術骨幹等約100人). */
export interface AttendingGroup {
  readonly text: string;
  readonly index: number;
  /** The group's own words in the article. */
  readonly evidence: readonly [number, number];
}

/** Nouns that end the subject of a group that attended (职能部门负责人, 技术骨干等约100人). */
const GROUP_HEADS = /(?:领导|负责人|成员|代表|干部|职工|员工|人员|同志|骨干|党员|青年|委员|书记|专员|董事|组织|班子|嘉宾|专家|学生|师生|群众|[0-9一二三四五六七八九十百千万余多]+人)(?:等)?$/u;
const GROUP_VERBS = /(?:集体学习|到会指导|参加|出席|列席|参与|参会|陪同)(?!时)/gu;
/** Subjects that name nobody in particular. */
const GENERIC_GROUP = /^(?:与会|参会|全体|相关)?(?:人员|同志|代表|大家)$/u;
const LOCATION_TAIL = /(?:分别)?(?:在[^，。；]*?)?(?:集体|全程|一同|共同)?$/u;
const MEETING_WORDS = /召开|举行|开展|学习会|会议/u;
const SUBJECT_MAX = 120;

/**
 * Groups that attended: the subject of an attendance verb, back over the clauses that list bodies of
 * people (领导, 负责人, 约100人), but not past a named person or a clause that does something else.
 */
export function findGroups(source: string, folded: FoldedText, clauses: Clauses, nameEnds: ReadonlySet<number>): AttendingGroup[] {
  const text = folded.text;
  const groups: AttendingGroup[] = [];
  const ends = [...nameEnds].sort((a, b) => a - b);
  for (const match of text.matchAll(GROUP_VERBS)) {
    checkTimeBudget();
    let end = match.index!;
    // A group's subject is short; a bound keeps this linear on text without punctuation.
    const clause = text.slice(Math.max(clauses.clauseStart(end), end - SUBJECT_MAX), end);
    end -= LOCATION_TAIL.exec(clause)![0].length;
    let start = Math.max(clauses.clauseStart(end), end - SUBJECT_MAX);
    if (!isGroupSubject(text.slice(start, end))) continue;
    while (start >= 2 && '，；,;'.includes(text[start - 1]!)) {
      const previous = clauses.clauseStart(start - 1);
      if (!isGroupSubject(text.slice(previous, start - 1))) break;
      start = previous;
    }
    const lastName = lastAtMost(ends, end);
    if (lastName > start) start = lastName;
    const subject = text.slice(start, end).replace(/^(?:[、，,和及]|以及|与(?!会))+/u, '');
    start = end - subject.length;
    if (!subject || !GROUP_HEADS.test(subject) || GENERIC_GROUP.test(subject) || nameAt(subject, 0, 'bare')) continue;
    const evidence = sourceRange(source, folded, start, end);
    groups.push({ text: source.slice(...evidence), index: evidence[0], evidence });
  }
  return groups;
}

/** The largest value of a sorted array that is at most limit, or -1. */
function lastAtMost(sorted: readonly number[], limit: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle]! <= limit) low = middle + 1;
    else high = middle;
  }
  return low > 0 ? sorted[low - 1]! : -1;
}

function isGroupSubject(clause: string): boolean {
  return clause.length > 0 && (GROUP_HEADS.test(clause) || ENDS_WITH_TITLE_HEAD.test(clause)) && !MEETING_WORDS.test(clause);
}
