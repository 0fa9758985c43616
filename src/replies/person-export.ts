import type { Library } from '../library/library';
import type { PersonEntry } from '../people-index/directory';
import { csvWithin } from './csv';

/**
 * A person's appearances as a CSV file (see csv.ts), newest first, one row per appearance: the
 * article, the date, the name and title as written, the roles, the meeting and its organiser, and the
 * sentence that shows them taking part (empty when a reload has since removed the article).
 */
const HEADER = ['id', 'date', 'name', 'title', 'roles', 'organizer', 'meeting', 'sentence'];

export function personCsv(library: Library, person: PersonEntry): string {
  return personCsvWithin(library, person, Infinity).csv;
}

export function personCsvWithin(library: Library, person: PersonEntry, maxBytes: number): { csv: string; rows: number } {
  function* rows() {
    for (const appearance of person.appearances) {
      const text = library.get(appearance.articleId)?.text;
      const sentence = text ? text.slice(...appearance.evidence).replace(/\s*\n\s*/gu, ' ') : '';
      yield [appearance.articleId, appearance.date, appearance.name, appearance.title, appearance.roles.join(';'), appearance.organizer, appearance.meeting, sentence];
    }
  }
  return csvWithin(HEADER, rows(), maxBytes);
}
