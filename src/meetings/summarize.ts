import nodejieba from 'nodejieba';
import type { Article } from '../corpus/article';
import type { AttendingGroup, Participant, Participants, SourceRange } from '../people/participants';
import { completeDay, findDates, findDaysOnly, findPublicationDate, isDateline, type WrittenDate } from '../text/dates';
import { foldWithMap, sourceRange } from '../text/fold';
import { checkTimeBudget } from '../text/time-budget';
import { clipAtClause } from './clip';
import { findMeetingEvents, findOrganizations, type MeetingEvent } from './events';
import { findPoints, type Point } from './points';
import { splitSentences, type Sentence } from './sentences';

/** A date as the article writes it, and where: null where it comes from the corpus record, not the text. */
export interface MeetingDate extends WrittenDate {
  readonly evidence: SourceRange | null;
}

/** One meeting an article reports, at a glance, each answer with the words it comes from. */
export interface Meeting {
  readonly date: MeetingDate | null;
  readonly organizer: string;
  readonly organizerEvidence: SourceRange | null;
  readonly name: string;
  /** Everyone named as taking part in this meeting, in order of first mention. */
  readonly people: readonly Participant[];
  readonly host: Participant | null;
  readonly speakers: readonly Participant[];
  readonly presenters: readonly Participant[];
  readonly attendees: readonly Participant[];
  readonly groups: readonly AttendingGroup[];
  readonly points: readonly Point[];
  /** Where the report of this meeting starts in the article's text. */
  readonly start: number;
}

/**
 * How much of a summary to make: all of it, or only the meetings with their dates, organisers and
 * people (what the people index keeps), without points, the extractive summary and keywords.
 */
export type SummaryScope = 'whole' | 'meetings';

export interface ArticleSummary {
  readonly meetings: readonly Meeting[];
  /** A short extractive summary in the article's own words. */
  readonly summary: string;
  readonly keywords: readonly string[];
}

export const SUMMARY_MAX = 300;
const SUMMARY_SENTENCE_MAX = 130;
const KEYWORD_COUNT = 8;
const ORDINAL_ITEM = /^[一二三四五六七八九十]+(?:是|要)/u;
const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const ITEM_LOOKAHEAD = 12;
/** Words every report of this genre uses: they say nothing about one meeting. */
const GENRE_STOP_WORDS = new Set(
  '会议 与会 人员 当前 中国 习近平 总书记 工作 重要 发展 学习 推进 推动 进行 开展 深入 全面 坚持 加强 提高 落实 贯彻 要求 强调 指出 精神 实现 建设 集团 公司 同志 领导 干部 职工 任务 全力 积极 认真 切实 努力 不断 进一步 各项 我们 大家 一是 二是 三是 四是 本次 此次'.split(' '),
);
/** Roles that make a person a speaker, a presenter or the chair rather than one who attended. */
const ACTIVE_ROLES = new Set(['chaired', 'spoke', 'presented']);

interface Section {
  organizer: string;
  foldedOrganizer: string;
  organizerEvidence: SourceRange | null;
  events: MeetingEvent[];
  start: number;
}

/**
 * The meetings an article reports, each with its date, organiser, name, chair, speakers, presenters
 * and points, plus a short summary and keywords. Several meetings are told apart by their organisers:
 * an article about four units' meetings yields four cards; a headline and the body that report the same
 * meeting make one.
 */
export function summarizeArticle(article: Article, participants: Participants, scope: SummaryScope = 'whole'): ArticleSummary {
  const whole = scope === 'whole';
  const sentences = splitSentences(article.text);
  const sections = meetingSections(sentences, participants.people);
  const reference = referenceDate(article);
  const meetings = sections.map((section, index): Meeting => {
    const end = sections[index + 1]?.start ?? article.text.length;
    const inSection = (at: number) => (index === 0 ? at < end : at >= section.start && at < end);
    const people = participants.people.filter(person => inSection(person.firstMention));
    const pointsFrom = index === 0 ? 0 : section.start;
    return {
      date: meetingDate(section.events, reference, index === 0 ? article.date : null),
      organizer: section.organizer,
      organizerEvidence: section.organizerEvidence,
      name: meetingName(section.events),
      people,
      host: people.find(person => person.roles.includes('chaired')) ?? null,
      speakers: people.filter(person => person.roles.includes('spoke')),
      presenters: people.filter(person => person.roles.includes('presented')),
      attendees: people.filter(person => !person.roles.some(role => ACTIVE_ROLES.has(role))),
      groups: participants.groups.filter(group => inSection(group.index)),
      points: !whole ? [] : findPoints(article.text.slice(pointsFrom, end)).map(point => ({ text: point.text, evidence: [point.evidence[0] + pointsFrom, point.evidence[1] + pointsFrom] as const })),
      start: section.start,
    };
  });
  if (!whole) return { meetings, summary: '', keywords: [] };
  const names = participants.people.map(person => foldWithMap(person.name).text);
  return { meetings, summary: extractiveSummary(sentences, meetings), keywords: keywords(article.text, names) };
}

/** The date a day written alone (26日, 昨日(14日)) is counted from: the corpus record's, else the page's own. */
function referenceDate(article: Article): WrittenDate | null {
  const complete = (date: WrittenDate | null) => (date && date.month !== null && date.day !== null ? date : null);
  return complete(findPublicationDate(article.text)) ?? complete(article.date);
}

/**
 * Groups the reports of meetings by organiser. A sentence that names none speaks of the unit it names
 * before the meeting, or that a one-character abbreviation points back to (部召开… after 总体设计部…;
 * 院工作会 after 五院); a first meeting whose report names no organiser
 * takes the one the next report names (a headline, then the body). Visits, receptions and signings
 * belong to the meeting reported before them, if any.
 */
function meetingSections(sentences: readonly Sentence[], people: readonly Participant[]): Section[] {
  const organizations = findOrganizations(sentences);
  const sections: Section[] = [];
  for (const event of findMeetingEvents(sentences, people)) {
    let { organizer, foldedOrganizer, organizerEvidence } = event;
    let start = event.sentence.start;
    if (!foldedOrganizer) {
      if (event.activity) continue;
      // 部召开… names its unit by the last character of one named before; an unnamed 召开 in a sentence
      // that names a unit (物资部第一时间…，召开部长办公会) is that unit's. Nothing else is guessed.
      const named = organizations
        .filter(organization => organization.at < event.at && (event.abbreviation ? organization.folded.endsWith(event.abbreviation) : organization.at >= event.sentence.start))
        .at(-1);
      if (named) {
        ({ name: organizer, folded: foldedOrganizer } = named);
        organizerEvidence = [named.at, named.at + named.name.length];
        start = Math.min(start, named.at);
      }
    }
    const unnamedFirst = sections.length === 1 && !sections[0]!.foldedOrganizer;
    const existing = sections.find(section => sameBody(section.foldedOrganizer, foldedOrganizer)) ?? (!foldedOrganizer || !event.held || unnamedFirst ? sections[0] : undefined);
    if (existing) {
      if (!existing.foldedOrganizer && foldedOrganizer) Object.assign(existing, { organizer, foldedOrganizer, organizerEvidence });
      existing.events.push(event);
    } else {
      sections.push({ organizer, foldedOrganizer, organizerEvidence, events: [event], start: sections.length === 0 ? event.sentence.start : start });
    }
  }
  // An article that reports no meeting being held gets one card with what it says, and no organiser.
  if (sections.length === 0) sections.push({ organizer: '', foldedOrganizer: '', organizerEvidence: null, events: [], start: 0 });
  return sections.sort((a, b) => a.start - b.start);
}

/** 山东 and 山东省, 集团 and 集团公司: the same body written shorter or longer. */
function sameBody(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length < 2 || b.length < 2) return false;
  const plain = (body: string) => body.replace(/[省市]/gu, '');
  return plain(a).startsWith(plain(b)) || plain(b).startsWith(plain(a));
}

const GENERIC_MEETING = /^(?:會議|会议|大會|大会|會|会)$/u;

/** The most telling name among a meeting's reports: a specific one over 会议, the longest of those. */
function meetingName(events: readonly MeetingEvent[]): string {
  const specific = events.filter(event => !GENERIC_MEETING.test(event.name));
  const pool = specific.length ? specific : events;
  return pool.reduce((best, event) => (event.name.length > best.length ? event.name : best), pool[0]?.name ?? '');
}

/**
 * The date the meeting's own sentence states, the last one before the meeting is reported held (为落实
 * 3月5日会议部署，9月8日，集团召开… is 9月8日), skipping a news dateline, from the first report of the
 * meeting that states one; a day written alone (26日) completed from when the article was published;
 * else the article's date for its first meeting; else a year in the meeting's name. No year is invented.
 */
function meetingDate(events: readonly MeetingEvent[], reference: WrittenDate | null, articleDate: WrittenDate | null): MeetingDate | null {
  const seen = new Set<Sentence>();
  for (const event of events) {
    // Reports in one sentence share its dates: each sentence is read once.
    if (seen.has(event.sentence)) continue;
    seen.add(event.sentence);
    const text = event.sentence.text;
    const verb = event.at - event.sentence.start;
    const dates = findDates(text).filter(date => !isDateline(text, date));
    const stated = dates.filter(date => date.index < verb).at(-1) ?? dates[0];
    if (stated) return { text: stated.text, year: stated.year, month: stated.month, day: stated.day, evidence: [event.sentence.start + stated.index, event.sentence.start + stated.index + stated.text.length] };
    const day = reference ? findDaysOnly(text).filter(found => found.index < verb).at(-1) : undefined;
    const completed = day && reference ? completeDay(day, reference) : null;
    if (day && completed) return { ...completed, evidence: [event.sentence.start + day.index, event.sentence.start + day.index + day.text.length] };
  }
  if (articleDate) return { ...articleDate, evidence: null };
  const year = events[0] && /((?:19|20)[0-9]{2})年/u.exec(events[0].name);
  return year ? { text: year[0], year: Number(year[1]), month: null, day: null, evidence: null } : null;
}

/**
 * Picks sentences in the article's order until about 300 characters: each meeting's opening sentence
 * (date, organiser, meeting), then those that name the chair, carry requirements or figures.
 */
function extractiveSummary(sentences: readonly Sentence[], meetings: readonly Meeting[]): string {
  const names = meetings.flatMap(meeting => [meeting.host, ...meeting.speakers, ...meeting.presenters]).filter((person): person is Participant => person !== null).map(person => person.name);
  const score = (sentence: Sentence) => {
    const text = sentence.text;
    let value = 0;
    if (meetings.some(meeting => meeting.start >= sentence.start && meeting.start < sentence.end)) value += 10;
    if (/主持/u.test(text)) value += 4;
    if (names.some(name => text.includes(name))) value += 2;
    if (/[0-9一二三四五六七八九十]+[点點条條项項](?:要求|建議|建议|希望)/u.test(text)) value += 2;
    if (/會議(?:指出|強調|要求)|会议(?:指出|强调|要求)/u.test(text)) value += 1;
    return value;
  };
  checkTimeBudget();
  const ranked = sentences
    .map((sentence, index) => ({ sentence, index, value: score(sentence) }))
    .filter(entry => entry.value > 0)
    .sort((a, b) => b.value - a.value || a.index - b.index);
  const chosen: { index: number; text: string }[] = [];
  let length = 0;
  for (const { sentence, index } of ranked) {
    const text = clipAtClause(withListedItems(dropPurposeClause(sentence.text), sentences, index), SUMMARY_SENTENCE_MAX);
    if (length + text.length > SUMMARY_MAX) continue;
    chosen.push({ index, text });
    length += text.length;
  }
  return chosen
    .sort((a, b) => a.index - b.index)
    .map(entry => (/[。！？…]$/u.test(entry.text) ? entry.text : `${entry.text}。`))
    .join('');
}

/** 3月25日，为深入学习…，X召开… keeps its date and its meeting and drops the purpose clauses between. */
function dropPurposeClause(text: string): string {
  const clauses = text.split(/(?<=[，,])/u);
  const purpose = clauses.findIndex(clause => /^[為为爲]/u.test(clause));
  if (purpose < 0) return text;
  const resumes = clauses.findIndex((clause, index) => index > purpose && /召開|召开|舉行|举行|舉辦|举办|開展|开展|^(?:[0-9]+年)?[0-9]+月[0-9]+日/u.test(clause));
  return resumes > 0 ? [...clauses.slice(0, purpose), ...clauses.slice(resumes)].join('') : text;
}

/**
 * 提出4点要求： is completed with the heads of the numbered items that follow it (一是…。二是…。), over
 * the sentences that explain each item.
 */
function withListedItems(text: string, sentences: readonly Sentence[], index: number): string {
  if (!/[：:]$/u.test(text)) return text;
  const items: string[] = [];
  for (let next = index + 1; next < Math.min(sentences.length, index + 1 + ITEM_LOOKAHEAD); next++) {
    const sentence = sentences[next]!.text;
    const ordinal = ORDINALS[items.length];
    if (ordinal && sentence.startsWith(ordinal) && ORDINAL_ITEM.test(sentence)) items.push(sentence.replace(/[。；;]$/u, ''));
  }
  return items.length ? `${text}${items.join('；')}` : text.replace(/[：:]$/u, '');
}

/** nodejieba's TF-IDF keywords of the folded text, without the genre's stop words, in the article's words. */
function keywords(text: string, foldedNames: readonly string[]): string[] {
  const folded = foldWithMap(text);
  return nodejieba
    .extract(folded.text, KEYWORD_COUNT * 3)
    .map(({ word }) => word)
    .filter(word => word.length > 1 && !GENRE_STOP_WORDS.has(word) && !/^[0-9a-z.]+$/u.test(word) && !foldedNames.some(name => name.includes(word)))
    .slice(0, KEYWORD_COUNT)
    .map(word => {
      const at = folded.text.indexOf(word);
      return at < 0 ? word : text.slice(...sourceRange(text, folded, at, at + word.length));
    });
}
