import type { PersonAppearance, PersonEntry } from '../people-index/directory';
import { percentOf, type PeopleIndex, type PeopleStatus } from '../library/live-people';
import { inScript, type Script } from '../text/script';
import { errorReply, type Reply } from './card';
import { labelsFor, type Labels } from './labels';
import { DISCORD_LIMITS, truncate } from './limits';
import { scriptFor, type ReplyLocale } from './locale';
import { bold, codeSpan, escapeMarkdown } from './markdown';
import { quoteArticle } from './people';

export const APPEARANCES_PER_PAGE = 10;
const TITLES_SHOWN = 10;
const COMPANIONS_SHOWN = 10;
const ORGANIZATIONS_SHOWN = 8;
const SUGGESTIONS = 5;
/** Room for one appearance's line: ten of them, with the head of the answer, fit one embed description. */
const APPEARANCE_MAX = 300;

/** The person a value names (a key picked from autocomplete, or a name typed), or why there is none. */
export type PersonLookup = { readonly kind: 'found'; readonly person: PersonEntry; readonly namesakes: readonly PersonEntry[] } | { readonly kind: 'reply'; readonly reply: Reply };

/**
 * Finds the person a user named: the key autocomplete gives, else a name in either script (the person
 * seen most under it, the others named beside); else the answer says so and offers the closest.
 */
export function lookUpPerson(index: PeopleIndex, typed: string, locale: ReplyLocale): PersonLookup {
  const { person: labels } = labelsFor(locale);
  if (typed.trim() === '') return { kind: 'reply', reply: errorReply(labels.personNeeded) };
  const picked = index.directory.get(typed.trim());
  const named = picked ? [picked] : index.directory.named(typed);
  if (named.length > 0) {
    const namesakes = index.directory.named(named[0]!.foldedName).filter(entry => entry !== named[0]);
    return { kind: 'found', person: named[0]!, namesakes };
  }
  const shown = escapeMarkdown([...typed.trim()].slice(0, DISCORD_LIMITS.optionValue).join(''));
  const script = scriptFor(locale);
  const closest = index.search.suggest(typed, SUGGESTIONS).map(entry => `• ${personSummary(entry, script, labelsFor(locale))}`);
  return { kind: 'reply', reply: errorReply([labels.noSuchPerson(shown), ...(closest.length ? [labelsFor(locale).didYouMean, ...closest] : [])].join('\n')) };
}

/** What /person says while the people index is still being built, or else what the answer is. */
export function personReply(status: PeopleStatus, typed: string, pageIndex: number, locale: ReplyLocale): Reply {
  if (status.kind === 'indexing') return errorReply(labelsFor(locale).person.indexing(percentOf(status)));
  const lookup = lookUpPerson(status, typed, locale);
  return lookup.kind === 'reply' ? lookup.reply : personPage(lookup.person, lookup.namesakes, pageIndex, locale);
}

/**
 * One page of a person: the latest title and organisation, the organisations, titles over time and
 * who they most often took part with, then their appearances newest first.
 */
export function personPage(person: PersonEntry, namesakes: readonly PersonEntry[], pageIndex: number, locale: ReplyLocale): Reply {
  const labels = labelsFor(locale);
  const script = scriptFor(locale);
  const quote = (text: string) => quoteArticle(text, script);
  const pageCount = Math.max(1, Math.ceil(person.appearances.length / APPEARANCES_PER_PAGE));
  const index = Math.min(Math.max(0, pageIndex), pageCount - 1);
  const shown = person.appearances.slice(index * APPEARANCES_PER_PAGE, (index + 1) * APPEARANCES_PER_PAGE);
  const organizations = person.organizations.slice(0, ORGANIZATIONS_SHOWN).map(quote).join(labels.listSeparator);

  const head = [
    person.latestTitle ? `${bold(labels.person.latest)}: ${quote(person.latestTitle)}${person.latestOrganization ? ` (${quote(person.latestOrganization)})` : ''}` : '',
    organizations && !person.uncertain ? `${bold(labels.person.organizations)}: ${organizations}` : '',
    person.uncertain ? `*${labels.person.uncertain(organizations || '—')}*` : '',
    namesakes.length ? `${labels.person.namesakes(namesakes.length)} ${namesakes.map(other => personSummary(other, script, labels)).join('; ')}` : '',
  ].filter(Boolean);
  const lines = shown.map(appearance => `• ${truncate(appearanceLine(appearance, script, labels), APPEARANCE_MAX)}`);
  const titleLines = person.titles.slice(0, TITLES_SHOWN).map(span => `• ${quote(span.title)} · ${span.first ? labels.person.span(span.first, span.last) : labels.person.undated} · ${span.count}`);
  if (person.titles.length > TITLES_SHOWN) titleLines.push(labels.person.moreTitles(person.titles.length - TITLES_SHOWN));
  const companions = person.companions.slice(0, COMPANIONS_SHOWN).map(companion => `${quote(companion.name)} (${companion.count})`);

  return {
    cards: [
      {
        title: truncate(labels.person.title(quote(person.name)), DISCORD_LIMITS.embedTitle),
        description: truncate([...head, '', bold(labels.person.appearances(person.appearances.length)), ...lines].join('\n'), DISCORD_LIMITS.embedDescription),
        fields: [
          ...(titleLines.length ? [{ name: labels.person.titlesOverTime, value: truncate(titleLines.join('\n'), DISCORD_LIMITS.fieldValue) }] : []),
          ...(companions.length ? [{ name: labels.person.companions, value: truncate(companions.join(labels.listSeparator), DISCORD_LIMITS.fieldValue) }] : []),
        ],
        footer: pageCount > 1 ? labels.page(index, pageCount) : undefined,
      },
    ],
    page: { index, count: pageCount },
  };
}

/** 2024-03-05 · 國務院 · 常務會議 · chaired · 國務院總理 · `20240305-01` */
function appearanceLine(appearance: PersonAppearance, script: Script, labels: Labels): string {
  const quote = (text: string) => quoteArticle(text, script);
  return [
    appearance.date || labels.person.undated,
    [appearance.organizer, appearance.meeting].filter(Boolean).map(quote).join(' · '),
    appearance.roles.map(role => labels.roles[role]).join(labels.listSeparator),
    appearance.title ? quote(appearance.title) : '',
    codeSpan(appearance.articleId),
  ]
    .filter(Boolean)
    .join(' · ');
}

/** 李強 · 國務院總理 · 1,048 appearances: a person as a line of a list. */
function personSummary(person: PersonEntry, script: Script, labels: Labels): string {
  return [quoteArticle(person.name, script), person.latestTitle ? quoteArticle(person.latestTitle, script) : '', labels.person.seen(person.appearances.length)].filter(Boolean).join(' · ');
}

/**
 * An autocomplete choice for a person, within Discord's 100 characters: the name, the latest title (for
 * an uncertain entry without one, the organisations it may be of) cut to what room is left, and how
 * often they were seen. Plain text in the reader's script.
 */
export function personChoiceName(person: PersonEntry, script: Script, labels: Labels): string {
  const name = inScript(person.name, script);
  const seen = labels.person.seen(person.appearances.length);
  const room = DISCORD_LIMITS.choiceName - name.length - seen.length - 6;
  const described = person.latestTitle || (person.uncertain ? `(${person.organizations.join(' / ')})` : '');
  const title = described && room > 1 ? truncate(inScript(described, script), room) : '';
  return truncate([name, title, seen].filter(Boolean).join(' · '), DISCORD_LIMITS.choiceName);
}
