import type { Article } from '../corpus/article';
import type { ArticleAnalysis } from '../analysis/analyse';
import type { Library } from '../library/library';
import type { Participant, SourceRange } from '../people/participants';
import { inScript, type Script } from '../text/script';
import type { Card, Reply } from './card';
import { answerFromAnalysis, type AnalysedArticle } from './article-lookup';
import type { Labels } from './labels';
import { DISCORD_LIMITS, truncate } from './limits';
import type { ReplyLocale } from './locale';
import { bold, escapeMarkdown } from './markdown';
import { partialNote, personLine, quoteArticle } from './people';

/** Which answers the sources are shown for: the /participants list or the /summary cards. */
export type SourcesOf = 'participants' | 'summary';

/** One answer and the sentence it comes from, with the words that support it. */
interface Source {
  readonly claim: string;
  readonly sentence: SourceRange;
  readonly marks: readonly SourceRange[];
}

const SOURCES_PER_PAGE = 6;
/** Room for a sentence around its marks: long sentences are cut around the first mark. */
const QUOTE_MAX = 320;
const SENTENCE_END = /[。！？!?；;\n]/u;

/**
 * Each answer of /participants or /summary with the sentence of the article it comes from, the words
 * that support it in bold: a researcher checks any answer in one step. Paged, in the reader's script.
 */
export function sourcesReply(library: Library, id: string, of: SourcesOf, page: number, locale: ReplyLocale): Promise<Reply> {
  return answerFromAnalysis(library, id, locale, analysed => sourcesCard(analysed, of, page));
}

function sourcesCard({ article, analysis, labels, script }: AnalysedArticle, of: SourcesOf, page: number): Reply {
  const sources = of === 'participants' ? participantSources(analysis, article, script, labels) : summarySources(analysis, article, script, labels);
  const note = partialNote(analysis, labels);
  const count = Math.max(1, Math.ceil(sources.length / SOURCES_PER_PAGE));
  const index = Math.min(Math.max(0, page), count - 1);
  const shown = sources.slice(index * SOURCES_PER_PAGE, (index + 1) * SOURCES_PER_PAGE);
  const card: Card = {
    title: truncate(labels.sourcesTitle(quoteArticle(article.title, script)), DISCORD_LIMITS.embedTitle),
    description: truncate([note, shown.length ? shown.map(source => `${source.claim}\n> ${quote(article.text, source, script)}`).join('\n\n') : labels.noSources].filter(Boolean).join('\n\n'), DISCORD_LIMITS.embedDescription),
    fields: [],
    footer: [article.id, count > 1 ? labels.page(index, count) : ''].filter(Boolean).join(' · '),
  };
  return { cards: [card], page: { index, count } };
}

function participantSources(analysis: ArticleAnalysis, article: Article, script: Script, labels: Labels): Source[] {
  const { people, groups } = analysis.participants;
  return [
    ...people.flatMap(person => personSources(article.text, person, script, labels)),
    ...groups.map(group => ({ claim: `${labels.groups}: ${quoteArticle(group.text, script)}`, sentence: sentenceAround(article.text, group.evidence), marks: [group.evidence] })),
  ];
}

/** The sentence that shows the person taking part, then each role said in another sentence. */
function personSources(text: string, person: Participant, script: Script, labels: Labels): Source[] {
  const marksIn = (sentence: SourceRange) => [...namesIn(text, sentence, person.name), ...(person.titleEvidence && within(person.titleEvidence, sentence) ? [person.titleEvidence] : [])];
  const sources: Source[] = [{ claim: `• ${personLine(person, script, labels)}`, sentence: person.evidence, marks: marksIn(person.evidence) }];
  for (const { role, evidence } of person.roleEvidence) {
    if (sources.some(source => source.sentence[0] === evidence[0] && source.sentence[1] === evidence[1])) continue;
    sources.push({ claim: `• ${bold(quoteArticle(person.name, script))} · ${labels.roles[role]}`, sentence: evidence, marks: marksIn(evidence) });
  }
  return sources;
}

function summarySources(analysis: ArticleAnalysis, article: Article, script: Script, labels: Labels): Source[] {
  const { meetings } = analysis.summary;
  return meetings.flatMap((meeting, index) => {
    const prefix = meetings.length > 1 ? `${labels.meeting(index, meetings.length)} · ` : '';
    const sources: Source[] = [];
    const words = (range: SourceRange, label: string) => sources.push({ claim: `${prefix}${label}: ${quoteArticle(article.text.slice(...range), script)}`, sentence: sentenceAround(article.text, range), marks: [range] });
    if (meeting.date?.evidence) words(meeting.date.evidence, labels.when);
    if (meeting.organizerEvidence) words(meeting.organizerEvidence, labels.organizer);
    if (meeting.host) {
      const chaired = meeting.host.roleEvidence.find(entry => entry.role === 'chaired')?.evidence ?? meeting.host.evidence;
      sources.push({ claim: `${prefix}${labels.chair}: ${personLine(meeting.host, script, labels, false)}`, sentence: chaired, marks: namesIn(article.text, chaired, meeting.host.name) });
    }
    for (const point of meeting.points) words(point.evidence, labels.points);
    return sources;
  });
}

/** The sentence of the text that holds a range (from the stop before it to the stop after it). */
function sentenceAround(text: string, [start, end]: SourceRange): SourceRange {
  let from = start;
  while (from > 0 && !SENTENCE_END.test(text[from - 1]!)) from--;
  let to = Math.max(end, from);
  while (to < text.length && !SENTENCE_END.test(text[to]!)) to++;
  if (to < text.length && text[to] !== '\n') to++;
  return [from, to];
}

function within([start, end]: SourceRange, [from, to]: SourceRange): boolean {
  return start >= from && end <= to;
}

/** Every place the name stands in the sentence. */
function namesIn(text: string, sentence: SourceRange, name: string): SourceRange[] {
  const marks: SourceRange[] = [];
  const part = text.slice(...sentence);
  for (let at = part.indexOf(name); at >= 0 && name; at = part.indexOf(name, at + name.length)) marks.push([sentence[0] + at, sentence[0] + at + name.length]);
  return marks;
}

/** Marks sorted, those that touch or overlap made one: **a****b** is not bold in Discord. */
function mergeTouching(marks: readonly SourceRange[]): SourceRange[] {
  const merged: [number, number][] = [];
  for (const [start, end] of [...marks].sort((a, b) => a[0] - b[0])) {
    const last = merged.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/** The sentence, escaped and in the reader's script, its marks in bold, cut around the first mark when long. */
function quote(text: string, source: Source, script: Script): string {
  const marks = mergeTouching(source.marks.filter(mark => within(mark, source.sentence)));
  let [from, to] = source.sentence;
  if (to - from > QUOTE_MAX) {
    const first = marks[0]?.[0] ?? from;
    from = Math.max(from, first - QUOTE_MAX / 4);
    to = Math.min(to, from + QUOTE_MAX);
  }
  const segment = (start: number, end: number) => escapeMarkdown(inScript(text.slice(start, end), script)).replace(/\n+/gu, ' ');
  let out = from > source.sentence[0] ? '…' : '';
  let at = from;
  for (const [start, end] of marks) {
    if (start < at || end > to) continue;
    out += segment(at, start) + bold(segment(start, end));
    at = end;
  }
  out += segment(at, to) + (to < source.sentence[1] ? '…' : '');
  return out.trim();
}
