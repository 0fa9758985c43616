import { isPartial, type ArticleAnalysis } from '../analysis/analyse';
import type { Participant } from '../people/participants';
import { inScript, type Script } from '../text/script';
import type { Labels } from './labels';
import { bold, escapeMarkdown } from './markdown';

/** Reply text drawn from an article: in the reader's script and escaped. */
export function quoteArticle(text: string, script: Script): string {
  return escapeMarkdown(inScript(text, script));
}

/** **侯景濱** · 黨委書記、董事長 · chaired, spoke */
export function personLine(person: Participant, script: Script, labels: Labels, withRoles = true): string {
  const parts = [bold(quoteArticle(person.name, script))];
  if (person.title) parts.push(quoteArticle(person.title, script));
  if (withRoles && person.roles.length) parts.push(person.roles.map(role => labels.roles[role]).join(labels.listSeparator));
  return parts.join(' · ');
}

/** *Only the first … characters were analysed…*, for an answer drawn from an article's opening; else ''. */
export function partialNote(analysis: ArticleAnalysis, labels: Labels): string {
  return isPartial(analysis) ? `*${labels.partialAnalysis(analysis.analysed, analysis.length)}*` : '';
}
