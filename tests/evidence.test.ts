import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../src/corpus/load';
import { Library } from '../src/library/library';
import { BUNDLED_DATA_DIR } from '../src/config';

/** The development reports kept beside the project: 23 meetings of other kinds than the bundled five. */
const DEVELOPMENT_REPORTS = resolve(import.meta.dirname, '..', '..', 'shared', 'eval', 'dev');

async function libraryOf(folder: string): Promise<Library> {
  return new Library((await loadCorpus(folder)).articles);
}

/** Every answer of /participants and /summary stands at the range of the text it says it comes from. */
async function expectEvidenceHolds(library: Library): Promise<number> {
  let checked = 0;
  const holds = (text: string, range: readonly [number, number] | null | undefined, words: string) => {
    expect(range, words).toBeTruthy();
    expect(text.slice(range![0], range![1]), words).toContain(words);
    checked++;
  };
  for (const article of library.articles) {
    const text = article.text;
    const { participants, summary } = await library.analyse(article);
    const { people, groups } = participants;
    for (const person of people) {
      holds(text, person.evidence, person.name);
      if (person.title) holds(text, person.titleEvidence, person.title);
      for (const { evidence } of person.roleEvidence) expect(evidence[1]).toBeGreaterThan(evidence[0]);
    }
    for (const group of groups) holds(text, group.evidence, group.text);
    for (const meeting of summary.meetings) {
      if (meeting.organizer) holds(text, meeting.organizerEvidence, meeting.organizer);
      if (meeting.date?.evidence) holds(text, meeting.date.evidence, meeting.date.text);
      for (const point of meeting.points) holds(text, point.evidence, point.text.replace(/…$/u, ''));
    }
  }
  return checked;
}

describe('evidence ranges', () => {
  it.runIf(existsSync(DEVELOPMENT_REPORTS))('hold the name, title, date, organiser and point they support in every development report', async () => {
    const library = await libraryOf(DEVELOPMENT_REPORTS);
    expect(library.articles.length).toBeGreaterThanOrEqual(23);
    expect(await expectEvidenceHolds(library)).toBeGreaterThan(300);
  });

  it('hold what they support in the bundled articles', async () => {
    expect(await expectEvidenceHolds(await libraryOf(BUNDLED_DATA_DIR))).toBeGreaterThan(50);
  });
});
