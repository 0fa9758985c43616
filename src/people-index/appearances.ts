import type { ArticleAnalysis } from '../analysis/analyse';
import type { Article } from '../corpus/article';
import type { MeetingDate } from '../meetings/summarize';
import { formatDateNumbers, type WrittenDate } from '../text/dates';
import type { SourceRange } from '../people/participants';
import type { Role } from '../people/verbs';

/**
 * What the people index keeps of one article's analysis: each participant with their meeting, in plain
 * data small enough to keep for every article of the corpus and to write to the people cache.
 */
export interface ArticlePeople {
  readonly meetings: readonly MeetingRecord[];
  readonly people: readonly AppearanceRecord[];
}

export interface MeetingRecord {
  readonly organizer: string;
  readonly name: string;
  /** YYYY-MM-DD, or shorter where the year or day is not known (2024-03, --03-25); '' when undated. */
  readonly date: string;
}

export interface AppearanceRecord {
  /** The name and the title as the article writes them. */
  readonly name: string;
  readonly title: string;
  readonly roles: readonly Role[];
  /** The meeting's index in `meetings`. */
  readonly meeting: number;
  /** The sentence that shows the person taking part: a range of the article's own text. */
  readonly evidence: SourceRange;
  /** The specific bodies the title names (folded), the post nearest the name first: what tells namesakes apart. */
  readonly bodies: readonly string[];
}

/**
 * The people of an article's analysis, each with the meeting they took part in. The bodies of their
 * titles come with an analysis made for the people index; without them, people are told apart by
 * their companions and organisers only.
 */
export function articlePeople(article: Article, analysis: ArticleAnalysis): ArticlePeople {
  const { meetings } = analysis.summary;
  const meetingRecords = meetings.map(meeting => ({ organizer: meeting.organizer, name: meeting.name, date: appearanceDate(meeting.date, article.date) }));
  // A participant listed in a meeting is the same object as in the list; one in none belongs to the first.
  const meetingOf = new Map(meetings.flatMap((meeting, index) => meeting.people.map(person => [person, index] as const)));
  if (meetingRecords.length === 0) meetingRecords.push({ organizer: '', name: '', date: appearanceDate(null, article.date) });
  return {
    meetings: meetingRecords,
    people: analysis.participants.people.map((person, index) => ({
      name: person.name,
      title: person.title,
      roles: person.roles,
      meeting: meetingOf.get(person) ?? 0,
      evidence: person.evidence,
      bodies: analysis.titleBodies?.[index] ?? [],
    })),
  };
}

/**
 * When a meeting took place as far as it is known: its own date, the year taken from the article's date
 * where the text gives none (a month after the article's is of the year before); the article's date
 * (the record's, or the first its opening states) where the meeting states none or one after the
 * article, which a report of a meeting cannot be; '' when neither says.
 */
export function appearanceDate(meeting: MeetingDate | null, article: WrittenDate | null): string {
  const articleDate = article ? formatDateNumbers(article) : '';
  if (!meeting) return articleDate;
  let stated = formatDateNumbers(meeting);
  if (meeting.year === null && meeting.month !== null && article?.year != null && article.month !== null) {
    stated = formatDateNumbers({ ...meeting, year: meeting.month > article.month ? article.year - 1 : article.year });
  }
  const dated = /^\d{4}-\d{2}-\d{2}$/u;
  if (dated.test(stated) && dated.test(articleDate) && stated > articleDate) return articleDate;
  return /^\d{4}/u.test(stated) || !articleDate ? stated : articleDate;
}
