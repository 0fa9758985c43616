import type { PersonEntry } from '../people-index/directory';
import type { PeopleIndex } from '../library/live-people';
import { fold } from '../text/fold';
import { UsageError } from './json';

/**
 * The people a name given on the command line names, most appearances first: the person a key names,
 * or every person of that name (namesakes told apart), in either script. None is a usage error.
 */
export function peopleNamed(index: PeopleIndex, typed: string): PersonEntry[] {
  if (!typed.trim()) throw new UsageError('name a person');
  const picked = index.directory.get(typed.trim());
  const named = picked ? [picked] : [...index.directory.named(typed)];
  if (named.length === 0) {
    const closest = index.search.suggest(typed, 5).filter(entry => entry.foldedName !== fold(typed));
    throw new UsageError(`no one named "${typed}" took part in a meeting of the corpus${closest.length ? `; did you mean ${closest.map(entry => entry.name).join(', ')}?` : ''}`);
  }
  return named;
}

/** A person as `person --json` prints them: dates as YYYY-MM-DD, or shorter where the year or day is not known. */
export function personJson(person: PersonEntry) {
  return {
    name: person.name,
    key: person.key,
    latestTitle: person.latestTitle,
    organizations: person.organizations,
    uncertain: person.uncertain,
    titles: person.titles.map(({ title, first, last, count }) => ({ title, first, last, count })),
    appearances: person.appearances.map(appearance => ({
      id: appearance.articleId,
      date: appearance.date,
      meeting: appearance.meeting,
      organizer: appearance.organizer,
      roles: appearance.roles,
      title: appearance.title,
      evidence: appearance.evidence,
    })),
    with: person.companions.map(({ name, count }) => ({ name, count })),
  };
}
