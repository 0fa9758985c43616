import MiniSearch from 'minisearch';
import { fold } from '../text/fold';
import { TimeSlices } from '../text/time-slices';
import type { PeopleDirectory, PersonEntry } from './directory';

/** A folded name or organisation is one term: Chinese has no spaces between words, and names are short. */
const TERM_SEPARATOR = /\u0000/u;
/** Entries added to the search index between pauses of the event loop. */
const BATCH = 500;

/**
 * Finds people by a partly typed name or organisation, in either script: both sides are folded, a
 * typed start finds every name (or organisation) it starts, and a name of three characters or more
 * typed with one wrong finds it too. People seen more often come first among equal matches.
 */
export class PersonSearch {
  private constructor(
    private readonly directory: PeopleDirectory,
    private readonly index: MiniSearch<{ id: number; name: string; organizations: string }>,
    private readonly byCount: readonly PersonEntry[],
  ) {}

  static async build(directory: PeopleDirectory, slices = new TimeSlices()): Promise<PersonSearch> {
    const index = new MiniSearch<{ id: number; name: string; organizations: string }>({
      fields: ['name', 'organizations'],
      tokenize: text => text.split(TERM_SEPARATOR).filter(Boolean),
      processTerm: term => fold(term),
      searchOptions: { tokenize: text => [text] },
    });
    const { entries } = directory;
    for (let start = 0; start < entries.length; start += BATCH) {
      index.addAll(entries.slice(start, start + BATCH).map((entry, offset) => ({ id: start + offset, name: entry.name, organizations: entry.organizations.join('\u0000') })));
      await slices.pause();
    }
    const byCount = [...entries].sort((a, b) => b.appearances.length - a.appearances.length);
    return new PersonSearch(directory, index, byCount);
  }

  /** Up to `limit` people for what was typed, best first; with nothing typed, those seen most. */
  suggest(typed: string, limit: number): PersonEntry[] {
    const query = fold(typed);
    if (query === '') return this.byCount.slice(0, limit);
    const { entries } = this.directory;
    const results = this.index.search(query, {
      prefix: true,
      fuzzy: term => (term.length >= 3 ? 1 : false),
      boost: { name: 3 },
      boostDocument: id => 1 + Math.log1p(entries[id as number]!.appearances.length),
    });
    // An exact name first, then as MiniSearch ranks them.
    const exact = results.filter(result => entries[result.id as number]!.foldedName === query);
    const rest = results.filter(result => entries[result.id as number]!.foldedName !== query);
    return [...exact, ...rest].slice(0, limit).map(result => entries[result.id as number]!);
  }
}
