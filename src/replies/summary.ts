import type { Meeting } from '../meetings/summarize';
import type { Library } from '../library/library';
import { formatDateNumbers, type WrittenDate } from '../text/dates';
import type { Script } from '../text/script';
import type { Card, CardField, Reply } from './card';
import { answerFromAnalysis, type AnalysedArticle } from './article-lookup';
import type { Labels } from './labels';
import { DISCORD_LIMITS, truncate } from './limits';
import type { ReplyLocale } from './locale';
import { partialNote, personLine, quoteArticle } from './people';

/**
 * The /summary answer: a card for each meeting the article reports, the summary and keywords on the
 * first. The article is analysed in a worker the first time; an answer from its opening only says so.
 */
export function summaryReply(library: Library, id: string, locale: ReplyLocale): Promise<Reply> {
  return answerFromAnalysis(library, id, locale, summaryCards);
}

function summaryCards({ article, analysis, labels, script }: AnalysedArticle): Reply {
  const { meetings, summary, keywords } = analysis.summary;

  const shown = meetings.slice(0, DISCORD_LIMITS.embedsPerMessage - 1);
  const cards: Card[] = shown.map((meeting, index) => ({
    title: truncate([meeting.organizer, meeting.name].filter(Boolean).map(text => quoteArticle(text, script)).join(' · ') || labels.meeting(index, meetings.length), DISCORD_LIMITS.embedTitle),
    description: '',
    fields: meetingFields(meeting, script, labels),
    footer: meetings.length > 1 ? `${labels.meeting(index, meetings.length)} · ${article.id}` : article.id,
  }));
  const overview: Card = {
    title: truncate(labels.summaryTitle(quoteArticle(article.title, script)), DISCORD_LIMITS.embedTitle),
    description: [partialNote(analysis, labels), quoteArticle(summary, script), shown.length < meetings.length ? `*${labels.meetingsShown(shown.length, meetings.length)}*` : ''].filter(Boolean).join('\n\n'),
    fields: keywords.length ? [{ name: labels.keywords, value: truncate(keywords.map(word => quoteArticle(word, script)).join(labels.listSeparator), DISCORD_LIMITS.fieldValue) }] : [],
  };
  return { cards: [overview, ...cards] };
}

function meetingFields(meeting: Meeting, script: Script, labels: Labels): CardField[] {
  const list = (people: Meeting['speakers']) => people.map(person => personLine(person, script, labels, false)).join('\n');
  const fields: CardField[] = [
    { name: labels.when, value: meeting.date ? dateText(meeting.date, script, labels) : labels.notStated },
    { name: labels.organizer, value: meeting.organizer ? quoteArticle(meeting.organizer, script) : labels.notStated },
    { name: labels.chair, value: meeting.host ? personLine(meeting.host, script, labels, false) : labels.noChair },
  ];
  if (meeting.speakers.length) fields.push({ name: labels.speakers, value: list(meeting.speakers) });
  if (meeting.presenters.length) fields.push({ name: labels.presenters, value: list(meeting.presenters) });
  if (meeting.attendees.length) fields.push({ name: labels.attendees, value: list(meeting.attendees) });
  if (meeting.points.length) fields.push({ name: labels.points, value: meeting.points.map(point => `• ${quoteArticle(point.text, script)}`).join('\n') });
  return fields.map(field => ({ name: field.name, value: truncate(field.value, DISCORD_LIMITS.fieldValue) }));
}

/** 3月25日 (--03-25, year not stated) */
function dateText(date: WrittenDate, script: Script, labels: Labels): string {
  const numbers = formatDateNumbers(date);
  const note = date.year === null ? `${numbers}, ${labels.noYear}` : numbers;
  return note && note !== date.text ? `${quoteArticle(date.text, script)} (${note})` : quoteArticle(date.text, script);
}
