import type { Library } from '../library/library';
import type { Card, Reply } from './card';
import { answerFromAnalysis, type AnalysedArticle } from './article-lookup';
import { DISCORD_LIMITS, truncate } from './limits';
import type { ReplyLocale } from './locale';
import { partialNote, personLine, quoteArticle } from './people';

/**
 * The /participants answer: who took part, with titles and roles, grouped by meeting. The article is
 * analysed in a worker the first time; an answer from its opening only says so first.
 */
export function participantsReply(library: Library, id: string, locale: ReplyLocale): Promise<Reply> {
  return answerFromAnalysis(library, id, locale, participantsCards);
}

function participantsCards({ article, analysis, labels, script }: AnalysedArticle): Reply {
  const title = truncate(labels.participantsTitle(quoteArticle(article.title, script)), DISCORD_LIMITS.embedTitle);
  const note = partialNote(analysis, labels);
  const meetings = analysis.summary.meetings.filter(meeting => meeting.people.length > 0 || meeting.groups.length > 0);
  if (meetings.length === 0) return { cards: [{ title, description: [note, labels.noParticipants].filter(Boolean).join('\n\n'), fields: [], footer: article.id }] };

  const shown = meetings.slice(0, DISCORD_LIMITS.embedsPerMessage);
  const cards: Card[] = shown.map((meeting, index) => {
    const heading = [meeting.organizer, meeting.name].filter(Boolean).map(text => quoteArticle(text, script)).join(' · ');
    const people = meeting.people.map(person => `• ${personLine(person, script, labels)}`);
    const groups = meeting.groups.map(group => `• ${quoteArticle(group.text, script)}`);
    return {
      title: index === 0 ? title : '',
      // The note comes first, where cutting a long list never reaches it.
      description: truncate([index === 0 ? note : '', heading && `__${heading}__`, ...people].filter(Boolean).join('\n'), DISCORD_LIMITS.embedDescription),
      fields: groups.length ? [{ name: labels.groups, value: truncate(groups.join('\n'), DISCORD_LIMITS.fieldValue) }] : [],
      footer: [meetings.length > 1 ? labels.meeting(index, meetings.length) : '', article.id, index === shown.length - 1 && shown.length < meetings.length ? labels.meetingsShown(shown.length, meetings.length) : '']
        .filter(Boolean)
        .join(' · '),
    };
  });
  return { cards };
}
