import type { Article } from '../corpus/article';
import { foldWithMap, sourceRange, type FoldedText } from '../text/fold';
import { AFTER_NAME_WORDS, GROUP_HEADS, MADE_SPEECH, REFERENCE_CUES_AFTER, REFERENCE_CUES_BEFORE, REFERENCE_TITLES_AFTER_NAME, ROLE_VERBS, TITLE_WORDS, type Role } from './lexicon';
import { nameAt } from './names';

/** A person who took part in a meeting, in the article's own words. */
export interface Participant {
  readonly name: string;
  /** Title and organisation as the article gives them (黨委副書記、總經理), or '' when it gives none. */
  readonly title: string;
  readonly roles: readonly Role[];
  /** Where the person is first named, as an index into the article's text. */
  readonly firstMention: number;
}

/** A body of people that attended without being named (職能部門負責人; 技術骨幹等約100人). */
export interface AttendingGroup {
  readonly text: string;
  readonly index: number;
}

export interface Participants {
  readonly people: readonly Participant[];
  readonly groups: readonly AttendingGroup[];
}

const ROLE_ORDER: readonly Role[] = ['chaired', 'spoke', 'presented', 'attended'];
const TITLE_PATTERN = new RegExp([...TITLE_WORDS].sort((a, b) => b.length - a.length).join('|'), 'gu');
const TITLE_AT_END = new RegExp(`(?:${[...TITLE_WORDS].sort((a, b) => b.length - a.length).join('|')})$`, 'u');
const CLAUSE_END = /[，。；：,;:!?！？\n]/u;
const SENTENCE_END = /[。；;!?！？\n]/u;
const STRETCH_STOP = /[，。；：,;:!?！？\n“”"（）()《》【】]/u;
/** Words after which a title stretch starts: what precedes them is the sentence, not the title. */
const STRETCH_CUT = /^.*(?:会议由|由|邀请|听取了|听取|会上|其中|以及|陪同|会见|看到|认识|选举|来自|并|和|与|及|对|在|是|为|的|了)/u;
const MAX_TITLE_LENGTH = 40;
const PRONOUN = /[他她]/u;
const GROUP_VERBS = /(?:集体学习|到会指导|参加|出席|列席|参与|参会)(?!时)/gu;
const LIST_ITEM_END = /[、，。；：,;:和及等]/u;
/** What may stand between a list of names and its verb: 等专家, 等同志, 一同. */
const LIST_TAIL = /^(?:等[^，。；：、,;:]{0,6}?(?=应邀|出席|参加|列席|到会|主持|讲话|发言))?(?:一同|分别|共同)?/u;
/** Subjects that name nobody in particular. */
const GENERIC_GROUP = /^(?:与会|参会|全体|相关)?(?:人员|同志|代表|大家)$/u;
const LOCATION_TAIL = /(?:分别)?(?:在[^，。；]*?)?(?:集体)?$/u;

const VERB_LIST = (Object.entries(ROLE_VERBS) as [Role, readonly string[]][])
  .flatMap(([role, verbs]) => verbs.map(verb => ({ verb, role })))
  .sort((a, b) => b.verb.length - a.verb.length);

interface Candidate {
  foldedName: string;
  nameStart: number;
  title: [number, number] | null;
  /** Found by a title-first pattern in a sentence that does not merely refer to the person. */
  present: boolean;
  roles: Set<Role>;
  mentions: number[];
}

/**
 * Who took part in the meeting an article reports, found by the genre's own structure: titles run
 * straight into names, lists run with 、, verbs say who chaired, spoke, presented or attended. People
 * only referred to (whose speech was studied, whose report was relayed, who delegated the chair) and
 * the byline are left out.
 */
export function findParticipants(article: Article): Participants {
  const folded = foldWithMap(article.text);
  const text = folded.text;
  const candidates = new Map<string, Candidate>();
  const nameEnds = new Set<number>();

  const note = (foldedName: string, nameStart: number, title: [number, number] | null, present: boolean) => {
    let candidate = candidates.get(foldedName);
    if (!candidate) {
      candidate = { foldedName, nameStart, title: null, present: false, roles: new Set(), mentions: [] };
      candidates.set(foldedName, candidate);
    }
    if (!candidate.title && title && title[1] > title[0]) candidate.title = title;
    candidate.present ||= present;
    nameEnds.add(nameStart + foldedName.length);
  };

  // Titles run straight into names, and a list after a title shares it: 党组成员徐鹏、宋致远参加.
  for (const match of text.matchAll(TITLE_PATTERN)) {
    const titleEnd = match.index! + match[0].length;
    const name = nameAt(text, titleEnd);
    if (!name) continue;
    const titleStart = titleStretchStart(text, match.index!, nameEnds);
    const present = !refersOnly(text, titleStart, titleEnd + name.length);
    note(name, titleEnd, [titleStart, titleEnd], present);
    let next = skipAfterNameWords(text, titleEnd + name.length);
    while (text[next] === '、') {
      const listed = nameAt(text, next + 1);
      if (!listed || !closesListItem(text, next + 1 + listed.length)) break;
      note(listed, next + 1, [titleStart, titleEnd], present && !refersOnly(text, next + 1, next + 1 + listed.length));
      next = skipAfterNameWords(text, next + 1 + listed.length);
    }
  }

  // Names that open a clause and run into a role verb speak for themselves: 王寿君指出; 司马光辉、诸葛明等专家应邀出席.
  for (let index = 0; index < text.length; index++) {
    if (index > 0 && !CLAUSE_END.test(text[index - 1]!)) continue;
    const listed: [string, number][] = [];
    let next = index;
    for (let name = nameAt(text, next); name && closesListItem(text, next + name.length); name = nameAt(text, next)) {
      listed.push([name, next]);
      next = skipAfterNameWords(text, next + name.length);
      const separator = text[next];
      if (separator === undefined || !'、和及'.includes(separator)) break;
      next++;
    }
    const after = LIST_TAIL.exec(text.slice(next))?.[0].length ?? 0;
    if (listed.length === 0 || !startsWithRole(text, next + after)) continue;
    for (const [name, start] of listed) if (!candidates.has(name)) note(name, start, null, false);
  }

  const referencedLeaders = new Set([...candidates.keys()].filter(name => REFERENCE_TITLES_AFTER_NAME.some(title => text.includes(name + title))));
  for (const candidate of candidates.values()) candidate.mentions = mentionsOf(text, candidate.foldedName);
  attributePronouns(text, candidates);
  attributeShortForms(text, candidates);
  for (const candidate of candidates.values()) assignRoles(text, candidate, candidates);

  const people = [...candidates.values()]
    .filter(candidate => !referencedLeaders.has(candidate.foldedName) && (candidate.present || candidate.roles.size > 0))
    .sort((a, b) => firstOf(a.mentions) - firstOf(b.mentions))
    .map(candidate => toParticipant(article.text, folded, candidate));
  return { people, groups: findGroups(article.text, folded, nameEnds) };
}

function startsWithRole(text: string, index: number): boolean {
  return MADE_SPEECH.test(text.slice(index, index + 16)) || VERB_LIST.some(({ verb }) => text.startsWith(verb, index));
}

/** A name inside a list is followed by the next separator, an honorific, or the verb that closes the list. */
function closesListItem(text: string, index: number): boolean {
  if (index >= text.length || LIST_ITEM_END.test(text[index]!)) return true;
  return [...AFTER_NAME_WORDS, ...VERB_LIST.map(({ verb }) => verb)].some(word => text.startsWith(word, index));
}

function skipAfterNameWords(text: string, index: number): number {
  const word = AFTER_NAME_WORDS.find(candidate => text.startsWith(candidate, index));
  return word ? index + word.length : index;
}

/**
 * Where the title before a name starts: back to the clause's start, across 、 while the part before it
 * is itself a title (党委副书记、总经理), never into the previous person, and after any words that
 * belong to the sentence rather than the title (会议由…).
 */
function titleStretchStart(text: string, titleWordStart: number, nameEnds: ReadonlySet<number>): number {
  let start = titleWordStart;
  for (;;) {
    while (start > 0 && !STRETCH_STOP.test(text[start - 1]!) && text[start - 1] !== '、' && !nameEnds.has(start) && titleWordStart - start < MAX_TITLE_LENGTH) start--;
    if (start > 0 && text[start - 1] === '、' && !nameEnds.has(start - 1)) {
      let previous = start - 1;
      while (previous > 0 && !STRETCH_STOP.test(text[previous - 1]!) && text[previous - 1] !== '、' && !nameEnds.has(previous)) previous--;
      if (TITLE_AT_END.test(text.slice(previous, start - 1)) && titleWordStart - previous < MAX_TITLE_LENGTH) {
        start = previous;
        continue;
      }
    }
    break;
  }
  const cut = STRETCH_CUT.exec(text.slice(start, titleWordStart));
  return cut ? start + cut[0].length : start;
}

function clauseStart(text: string, index: number): number {
  let start = index;
  while (start > 0 && !CLAUSE_END.test(text[start - 1]!)) start--;
  return start;
}

function clauseEnd(text: string, index: number, boundary = CLAUSE_END): number {
  let end = index;
  while (end < text.length && !boundary.test(text[end]!)) end++;
  return end;
}

/** The sentence only refers to the person: their report was relayed, their speech studied, they delegated. */
function refersOnly(text: string, stretchStart: number, nameEnd: number): boolean {
  const before = text.slice(clauseStart(text, stretchStart), stretchStart);
  if (REFERENCE_CUES_BEFORE.some(cue => before.includes(cue))) return true;
  return firstCue(text, nameEnd, clauseEnd(text, nameEnd)) === 'reference';
}

/** Whether a role verb or a reference cue comes first in text[from, to). */
function firstCue(text: string, from: number, to: number): 'role' | 'reference' | null {
  for (let index = from; index < to; index++) {
    if (REFERENCE_CUES_AFTER.some(cue => text.startsWith(cue, index))) return 'reference';
    if (VERB_LIST.some(({ verb }) => text.startsWith(verb, index))) return 'role';
  }
  return null;
}

/** The earliest of a person's mentions (a loop: a spread of a very long list would overflow the stack). */
function firstOf(mentions: readonly number[]): number {
  return mentions.reduce((earliest, at) => Math.min(earliest, at), Infinity);
}

function mentionsOf(text: string, name: string): number[] {
  const positions: number[] = [];
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) positions.push(at);
  return positions;
}

/** 他指出 at the start of a clause speaks for the person named last before it in the paragraph. */
function attributePronouns(text: string, candidates: Map<string, Candidate>): void {
  const all = [...candidates.values()];
  for (let index = 0; index < text.length; index++) {
    if (!PRONOUN.test(text[index]!) || (index > 0 && !CLAUSE_END.test(text[index - 1]!))) continue;
    const paragraphStart = text.lastIndexOf('\n', index) + 1;
    let latest: { candidate: Candidate; at: number } | null = null;
    for (const candidate of all) {
      for (const at of candidate.mentions) if (at >= paragraphStart && at < index && (!latest || at > latest.at)) latest = { candidate, at };
    }
    if (latest) latest.candidate.mentions.push(index - latest.candidate.foldedName.length + 1);
  }
}

/** 秦总 is 秦琳: a surname with 总 stands for the one participant of that surname, not for another person. */
function attributeShortForms(text: string, candidates: Map<string, Candidate>): void {
  const bySurname = new Map<string, Candidate[]>();
  for (const candidate of candidates.values()) {
    const surname = candidate.foldedName[0]!;
    bySurname.set(surname, [...(bySurname.get(surname) ?? []), candidate]);
  }
  for (const [surname, sharing] of bySurname) {
    if (sharing.length !== 1) continue;
    const [candidate] = sharing;
    for (const at of mentionsOf(text, `${surname}总`)) candidate!.mentions.push(at + 2 - candidate!.foldedName.length);
  }
}

/**
 * Roles from the verbs after each mention, up to the clause's end or the next person named outside a
 * list; a mention in an enumeration with no verb of its own takes the attendance verb that closes it.
 */
function assignRoles(text: string, candidate: Candidate, candidates: Map<string, Candidate>): void {
  const otherNames = [...candidates.keys()].filter(name => name !== candidate.foldedName);
  for (const at of candidate.mentions) {
    const from = skipAfterNameWords(text, at + candidate.foldedName.length);
    let to = clauseEnd(text, from);
    for (let index = from; index < to; index++) {
      if (otherNames.some(name => text.startsWith(name, index)) && !'、和及与'.includes(text[index - 1]!)) {
        to = index;
        break;
      }
    }
    const found = rolesIn(text, from, to);
    if (found === 'reference') continue;
    if (found.size > 0) {
      for (const role of found) candidate.roles.add(role);
      continue;
    }
    const closing = rolesIn(text, to, clauseEnd(text, to + 1, SENTENCE_END));
    if (closing !== 'reference' && closing.has('attended') && candidate.present) candidate.roles.add('attended');
  }
}

function rolesIn(text: string, from: number, to: number): Set<Role> | 'reference' {
  const roles = new Set<Role>();
  for (let index = from; index < to; index++) {
    if (roles.size === 0 && REFERENCE_CUES_AFTER.some(cue => text.startsWith(cue, index))) return 'reference';
    const speech = MADE_SPEECH.exec(text.slice(index, to));
    if (speech) {
      roles.add(speech[1] === '讲话' || speech[1] === '发言' || speech[1] === '总结' ? 'spoke' : 'presented');
      index += speech[0].length - 1;
      continue;
    }
    const hit = VERB_LIST.find(({ verb }) => text.startsWith(verb, index));
    if (hit) {
      roles.add(hit.role);
      index += hit.verb.length - 1;
    }
  }
  return roles;
}

function toParticipant(source: string, folded: FoldedText, candidate: Candidate): Participant {
  const first = firstOf(candidate.mentions);
  const [nameStart, nameEnd] = sourceRange(source, folded, candidate.nameStart, candidate.nameStart + candidate.foldedName.length);
  const title = candidate.title ? source.slice(...sourceRange(source, folded, ...candidate.title)) : '';
  return {
    name: source.slice(nameStart, nameEnd),
    title: title.replace(/^[、，,\s]+|[、，,\s]+$/gu, ''),
    roles: ROLE_ORDER.filter(role => candidate.roles.has(role)),
    firstMention: folded.sourceIndex[first]!,
  };
}

/**
 * Groups that attended: the subject of an attendance verb, back over the clauses that list bodies of
 * people (领导, 负责人, 约100人), but not past a named person or a clause that does something else.
 */
function findGroups(source: string, folded: FoldedText, nameEnds: ReadonlySet<number>): AttendingGroup[] {
  const text = folded.text;
  const groups: AttendingGroup[] = [];
  for (const match of text.matchAll(GROUP_VERBS)) {
    let end = match.index!;
    const clause = text.slice(clauseStart(text, end), end);
    end -= LOCATION_TAIL.exec(clause)![0].length;
    let start = clauseStart(text, end);
    if (!isGroupSubject(text.slice(start, end))) continue;
    for (;;) {
      if (start < 2 || !'，；,;'.includes(text[start - 1]!)) break;
      const previous = clauseStart(text, start - 1);
      if (!isGroupSubject(text.slice(previous, start - 1))) break;
      start = previous;
    }
    const lastName = [...nameEnds].reduce((latest, at) => (at > start && at <= end && at > latest ? at : latest), -1);
    if (lastName >= 0) start = lastName;
    const subject = text.slice(start, end).replace(/^(?:[、和及]|与(?!会))+/u, '');
    start = end - subject.length;
    if (!subject || !GROUP_HEADS.test(subject) || GENERIC_GROUP.test(subject) || nameAt(subject, 0)) continue;
    const [from, to] = sourceRange(source, folded, start, end);
    groups.push({ text: source.slice(from, to), index: from });
  }
  return groups;
}

function isGroupSubject(clause: string): boolean {
  return clause.length > 0 && (GROUP_HEADS.test(clause) || TITLE_AT_END.test(clause)) && !/召开|举行|开展|学习会|会议/u.test(clause);
}
