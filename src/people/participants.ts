import type { Article } from '../corpus/article';
import { checkTimeBudget } from '../text/time-budget';
import { foldForAnalysis, sourceRange, type FoldedText } from '../text/fold';
import { Clauses } from './clauses';
import { findMentions, roleVerbAt, skipHonorific, type Mention } from './mentions';
import { findGroups, type AttendingGroup } from './groups';
import { BYLINE_CUES, NATIONAL_LEADER_TITLES, TITLE_HEADS } from './titles';
import { MADE_SPEECH, MADE_SPEECH_ROLE, REFERENCE_CUES_AFTER, REFERENCE_CUES_BEFORE, ROLE_ORDER, ROLE_VERBS, type Role } from './verbs';
import { WordPositions } from './word-positions';

export type { AttendingGroup } from './groups';

/** A [start, end) range of the article's own text: where an answer comes from. */
export type SourceRange = readonly [number, number];

/** What a person did, and the sentence that says so. */
export interface RoleEvidence {
  readonly role: Role;
  readonly evidence: SourceRange;
}

/** A person who took part in a meeting, in the article's own words, with where the article says so. */
export interface Participant {
  readonly name: string;
  /** Title and organisation as the article gives them (黨委副書記、總經理), or '' when it gives none. */
  readonly title: string;
  readonly roles: readonly Role[];
  /** Where the person is first named, as an index into the article's text. */
  readonly firstMention: number;
  /** The sentence that first shows the person taking part. */
  readonly evidence: SourceRange;
  /** The title's own words in the article, or null when it gives none. */
  readonly titleEvidence: SourceRange | null;
  readonly roleEvidence: readonly RoleEvidence[];
}

export interface Participants {
  readonly people: readonly Participant[];
  readonly groups: readonly AttendingGroup[];
}

type Status = 'participant' | 'reference' | 'byline';
/** Each mention's name start, with where its words (title or name) start. */
type MentionStarts = ReadonlyMap<number, number>;
/** What joins the items of a list of people, titled or not (副董事长甲、总经理乙和丙). */
const LIST_JOINERS = '、和及与同';
/** Adverbs that make a verb after a list everyone's: 先后发言, 分别讲话, 共同签署. */
const COLLECTIVE = ['先后', '分别', '共同', '一同', '一起', '均', '都', '纷纷', '依次'];
const BRACKETED = /^[(（][^()（）]{1,10}[)）]/u;
/**
 * How far after a name its verb is looked for. Clauses of the genre are short; a bound keeps analysis
 * linear on text without punctuation, where a clause can run for pages.
 */
const VERB_WINDOW = 160;

const VERB_ROLES = new Map<string, Role>();
for (const role of ROLE_ORDER) for (const verb of ROLE_VERBS[role]) if (!VERB_ROLES.has(verb)) VERB_ROLES.set(verb, role);
/** Verbs that, closing a sentence, say what everyone named before them did (…张三，李四出席会议). */
const CLOSING_ROLES: ReadonlySet<Role> = new Set(['attended', 'accompanied']);
/** Verbs by which the people named after them are met or received (习近平会见美国总统拜登), perhaps with 了. */
const MEETING_VERBS = ['会见', '会谈', '接见', '会晤', '看望', '慰问', '宴请', '欢迎'];
/** Quoting a national leader: 习近平总书记强调 in a report of another body's meeting is a quotation. */
const QUOTE_VERBS = /^(?:在[^，。；]{0,40}?(?:时|上|中))?(?:的)?(?:重要讲话中)?(?:强调|指出|说|要求|提出|表示|深刻指出|明确指出|鲜明指出)/u;
const TAKES_PART = ['主持', '出席', '参加', '会见', '会谈', '考察', '视察', '调研', '看望', '慰问', '接见', '致辞', '发表', '签署', '宣布', '颁发', '见证', '来到', '抵达', '在京'];
const PRONOUN = /^[他她]/u;
/** 向习近平主席致以祝贺, 向张三同志学习: someone addressed or held up as an example, not someone present. */
const ADDRESSED = ['致', '祝贺', '问候', '慰问', '感谢', '敬意', '致意', '学习', '看齐'];
const OPEN_BRACKETS = '(（[【〔';
const CLOSE_BRACKETS = ')）]】〕';
/** Titles that only place someone among a group of leaders (集团领导, 我市领导). */
const GROUP_LABEL = /(?:领导|领导人|负责同志|班子成员)$/u;
const SHORT_FORM_HEADS = ['总', '董', ...TITLE_HEADS].sort((a, b) => b.length - a.length);

/**
 * Where the cue words of a text are, found once: whether a clause or sentence holds one is then answered
 * without reading it, which keeps analysis linear where a clause runs for pages.
 */
interface Cues {
  readonly referenceBefore: WordPositions;
  readonly addressed: WordPositions;
  readonly takesPart: WordPositions;
  readonly collective: WordPositions;
}

function findCues(text: string): Cues {
  return {
    referenceBefore: new WordPositions(text, REFERENCE_CUES_BEFORE),
    addressed: new WordPositions(text, ADDRESSED),
    takesPart: new WordPositions(text, TAKES_PART),
    collective: new WordPositions(text, COLLECTIVE),
  };
}

/** Whether text[from, to) ends with a verb of meeting someone, or with one and 了. */
function endsWithMeetingVerb(text: string, from: number, to: number): boolean {
  const endsAt = (end: number) => MEETING_VERBS.some(verb => end - verb.length >= from && text.startsWith(verb, end - verb.length));
  return endsAt(to) || (text[to - 1] === '了' && endsAt(to - 1));
}

interface Person {
  name: string;
  mentions: { mention: Mention; status: Status }[];
  roles: Map<Role, number>;
}

/**
 * Who took part in the meeting an article reports. Names are found by the genre's structure (titles,
 * lists, verbs; see mentions.ts); whether a mention is a participant is decided by its sentence: people
 * whose speech is studied or relayed, who delegated the chair, and the credits of the byline are left
 * out, however they are named elsewhere.
 */
export function findParticipants(article: Article): Participants {
  const folded = foldForAnalysis(article.text);
  const clauses = new Clauses(folded.text);
  const text = folded.text;
  const mentions = findMentions(clauses);
  const cues = findCues(text);

  const people = new Map<string, Person>();
  for (const mention of mentions) {
    checkTimeBudget();
    let person = people.get(mention.name);
    if (!person) {
      person = { name: mention.name, mentions: [], roles: new Map() };
      people.set(mention.name, person);
    }
    person.mentions.push({ mention, status: statusOf(clauses, cues, mention) });
  }

  // Where each mention's words start (its title, or its name): a list may run on through titled names.
  const starts = new Map(mentions.map(mention => [mention.start, titleOrNameStart(mention)]));
  for (const person of people.values()) {
    for (const { mention, status } of person.mentions) {
    checkTimeBudget();
      if (status !== 'participant') continue;
      for (const role of rolesAfter(clauses, cues, mention, starts)) if (!person.roles.has(role)) person.roles.set(role, mention.start);
      if (endsWithMeetingVerb(text, clauses.clauseStart(mention.start), titleOrNameStart(mention))) if (!person.roles.has('met')) person.roles.set('met', mention.start);
    }
  }
  const participants = [...people.values()].filter(person => person.mentions.some(({ status }) => status === 'participant'));
  attributeOtherReferences(clauses, participants, starts);

  return {
    people: participants
      .map(person => toParticipant(article.text, folded, clauses, person))
      .sort((a, b) => a.firstMention - b.firstMention),
    groups: findGroups(article.text, folded, clauses, new Set(mentions.map(mention => mention.start + mention.name.length))),
  };
}

function titleOrNameStart(mention: Mention): number {
  return mention.title && mention.title[1] <= mention.start ? mention.title[0] : mention.start;
}

/** Whether the sentence around a mention shows the person taking part, only refers to them, or credits them. */
function statusOf(clauses: Clauses, cues: Cues, mention: Mention): Status {
  const text = clauses.text;
  const lead = titleOrNameStart(mention);
  const nameEnd = mention.start + mention.name.length;
  if (isCredit(clauses, lead, nameEnd)) return 'byline';
  if (text[lead - 1] === '受' || text.startsWith('受', clauses.clauseStart(lead))) return 'reference';
  if (cues.referenceBefore.within(clauses.clauseStart(lead), lead)) return 'reference';
  if (text[lead - 1] === '向' && cues.addressed.within(nameEnd, clauses.clauseEnd(nameEnd))) return 'reference';
  const after = skipHonorific(text, Math.max(nameEnd, mention.title && mention.title[0] >= nameEnd ? mention.title[1] : nameEnd));
  if (firstCue(text, after, clauses.clauseEnd(after)) === 'reference') return 'reference';
  const leaderTitle = NATIONAL_LEADER_TITLES.find(title => text.startsWith(title, nameEnd));
  if (leaderTitle) {
    const takesPart = cues.takesPart.within(clauses.sentenceStart(lead), clauses.sentenceEnd(nameEnd));
    if (QUOTE_VERBS.test(text.slice(nameEnd + leaderTitle.length, nameEnd + leaderTitle.length + 60)) && !takesPart) return 'reference';
    if (text.startsWith('的', nameEnd + leaderTitle.length)) return 'reference';
  }
  return 'participant';
}

/**
 * A credit, not a participant: a byline cue before the name on its line (记者, 责任编辑：, 文/), or the
 * name inside brackets that hold no verb of the meeting ((宋亮), 【责任编辑：刘强】).
 */
function isCredit(clauses: Clauses, lead: number, nameEnd: number): boolean {
  const text = clauses.text;
  const sentenceStart = clauses.sentenceStart(lead);
  const before = text.slice(Math.max(sentenceStart, lead - 24), lead);
  if (BYLINE_CUES.some(cue => before.includes(cue))) return true;
  if (text[sentenceStart] === '|' || text[sentenceStart] === '｜') return true;
  let open = -1;
  for (let index = lead - 1; index >= Math.max(sentenceStart, lead - 40); index--) {
    if (CLOSE_BRACKETS.includes(text[index]!)) break;
    if (OPEN_BRACKETS.includes(text[index]!)) {
      open = index;
      break;
    }
  }
  if (open < 0) return false;
  let close = nameEnd;
  while (close < text.length && close - nameEnd < 40 && !CLOSE_BRACKETS.includes(text[close]!)) close++;
  const inside = text.slice(open + 1, close);
  return ![...inside].some((_, index) => roleVerbAt(inside, index) !== null);
}

/** Whether a verb of the meeting or an owner-of-speech cue (…的讲话, 受…委托) comes first in text[from, to). */
function firstCue(text: string, from: number, to: number): 'role' | 'reference' | null {
  for (let index = from; index < Math.min(to, from + VERB_WINDOW); index++) {
    if (MADE_SPEECH.test(text.slice(index, index + 100))) return 'role';
    if (REFERENCE_CUES_AFTER.some(cue => text.startsWith(cue, index))) return 'reference';
    if (roleVerbAt(text, index)) return 'role';
  }
  return null;
}

/**
 * The roles the verbs after a mention give it, up to the clause's end or the next person named outside
 * its list; a mention with no verb of its own takes the attendance verb that closes its sentence.
 */
function rolesAfter(clauses: Clauses, cues: Cues, mention: Mention, mentionStarts: MentionStarts): Role[] {
  const text = clauses.text;
  const from = skipHonorific(text, Math.max(mention.listEnd, mention.start + mention.name.length));
  const clauseEnd = clauses.clauseEnd(from);
  const roles = rolesIn(text, from, clauseEnd, mentionStarts);
  if (roles.length > 0) return roles;
  const sentenceEnd = clauses.sentenceEnd(clauseEnd);
  const closing = rolesIn(text, clauseEnd, sentenceEnd, new Map());
  // …，以及C先后发言: a verb said of all together closes the whole list, whatever it is.
  if (cues.collective.within(clauseEnd, sentenceEnd)) return closing.slice(0, 1);
  return closing.filter(role => CLOSING_ROLES.has(role)).slice(0, 1);
}

function rolesIn(text: string, from: number, to: number, mentionStarts: MentionStarts): Role[] {
  const roles: Role[] = [];
  for (let index = from; index < Math.min(to, from + VERB_WINDOW); index++) {
    const lead = mentionStarts.get(index);
    if (index > from && lead !== undefined && !LIST_JOINERS.includes(text[lead - 1] ?? '')) break;
    if (roles.length === 0 && REFERENCE_CUES_AFTER.some(cue => text.startsWith(cue, index))) break;
    // (主持工作) is a note on someone's post, not a verb of the meeting.
    const note = BRACKETED.exec(text.slice(index, index + 12));
    if (note) {
      index += note[0].length - 1;
      continue;
    }
    const speech = MADE_SPEECH.exec(text.slice(index, index + 100));
    if (speech) {
      roles.push(MADE_SPEECH_ROLE[speech[1]!] ?? 'presented');
      index += speech[0].length - 1;
      continue;
    }
    const verb = roleVerbAt(text, index);
    if (verb) {
      roles.push(VERB_ROLES.get(verb)!);
      index += verb.length - 1;
    }
  }
  return [...new Set(roles)];
}

/**
 * Roles said of a participant without the full name: 他指出 at the start of a clause speaks for the
 * person named last before it in the paragraph; a surname with a title or 总 (魏书记, 高会长, 秦总) for
 * the one participant of that surname.
 */
function attributeOtherReferences(clauses: Clauses, participants: Person[], mentionStarts: MentionStarts): void {
  const text = clauses.text;
  const bySurname = new Map<string, Person[]>();
  for (const person of participants) bySurname.set(person.name[0]!, [...(bySurname.get(person.name[0]!) ?? []), person]);
  const named = participants.flatMap(person => person.mentions.map(({ mention }) => ({ person, at: mention.start }))).sort((a, b) => a.at - b.at);

  for (let index = 0; index < text.length; index++) {
    checkTimeBudget();
    if (!clauses.isClauseStart(index)) continue;
    let person: Person | undefined;
    let from = index;
    if (PRONOUN.test(text[index] ?? '')) {
      const paragraphStart = clauses.lineStart(index);
      const latest = named[lastBefore(named, index)];
      person = latest && latest.at >= paragraphStart ? latest.person : undefined;
      from = index + 1;
    } else {
      const sharing = bySurname.get(text[index] ?? '');
      const head = sharing?.length === 1 ? SHORT_FORM_HEADS.find(word => text.startsWith(word, index + 1)) : undefined;
      if (head && !text.startsWith(sharing![0]!.name, index)) {
        person = sharing![0];
        from = index + 1 + head.length;
      }
    }
    if (!person) continue;
    for (const role of rolesIn(text, from, clauses.clauseEnd(from), mentionStarts)) if (!person.roles.has(role)) person.roles.set(role, index);
  }
}

/** The index of the last entry (sorted by position) named before index, or -1. */
function lastBefore(named: readonly { at: number }[], index: number): number {
  let low = 0;
  let high = named.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (named[middle]!.at < index) low = middle + 1;
    else high = middle;
  }
  return low - 1;
}

function toParticipant(source: string, folded: FoldedText, clauses: Clauses, person: Person): Participant {
  const taking = person.mentions.filter(({ status }) => status === 'participant').map(({ mention }) => mention);
  const first = taking[0]!;
  const titles = taking.filter(mention => mention.title && mention.title[1] > mention.title[0]);
  // 集团领导张鹏 … 集团党委副书记、总经理张鹏: a post says more than the label of a group of leaders.
  const titled = titles.find(mention => !GROUP_LABEL.test(folded.text.slice(...mention.title!))) ?? titles[0] ?? null;
  const original = (start: number, end: number) => sourceRange(source, folded, start, end);
  const sentence = (at: number) => original(clauses.sentenceStart(at), Math.max(clauses.sentenceStart(at) + 1, clauses.sentenceEnd(at)));
  const titleRange = titled?.title ? trimTitle(source, original(titled.title[0], titled.title[1])) : null;
  const [nameStart, nameEnd] = original(first.start, first.start + first.name.length);
  const roles = ROLE_ORDER.filter(role => person.roles.has(role));
  return {
    name: source.slice(nameStart, nameEnd),
    title: titleRange ? source.slice(...titleRange) : '',
    roles,
    firstMention: nameStart,
    evidence: sentence(first.start),
    titleEvidence: titleRange,
    roleEvidence: roles.map(role => ({ role, evidence: sentence(person.roles.get(role)!) })),
  };
}

/** The title's range without the separators that join it to its sentence. */
function trimTitle(source: string, [start, end]: SourceRange): SourceRange | null {
  let from = start;
  let to = end;
  while (from < to && /[、，,\s]/u.test(source[from]!)) from++;
  while (to > from && /[、，,\s]/u.test(source[to - 1]!)) to--;
  return to > from ? [from, to] : null;
}
