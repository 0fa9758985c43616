import { fold as foldText, foldWithMap, sourceRange } from '../text/fold';
import { memoize } from '../text/memo';
import { TimeSlices } from '../text/time-slices';
import type { ArticlePeople } from './appearances';
import { tellApart, type AppearanceClues } from './identity';
import type { SourceRange } from '../people/participants';
import type { Role } from '../people/verbs';

/** An article's people, as the directory is built from them. */
export interface DirectoryArticle {
  readonly id: string;
  readonly people: ArticlePeople;
}

/** One time a person took part in a meeting. */
export interface PersonAppearance {
  readonly articleId: string;
  /** YYYY-MM-DD, or shorter where the year or day is not known; '' when undated. */
  readonly date: string;
  readonly meeting: string;
  readonly organizer: string;
  readonly roles: readonly Role[];
  /** The name and title as this article writes them. */
  readonly name: string;
  readonly title: string;
  readonly evidence: SourceRange;
}

/** A title a person was seen with: when first and last, and how often. */
export interface TitleSpan {
  readonly title: string;
  /** The earliest and latest dates with a year it was seen on; '' when it was seen only undated. */
  readonly first: string;
  readonly last: string;
  readonly count: number;
}

export interface Companion {
  readonly key: string;
  readonly name: string;
  /** How many meetings they both took part in. */
  readonly count: number;
}

/** Everything the corpus says about one person. */
export interface PersonEntry {
  /** Unique in the directory: the folded name, with `#2`, `#3`… for namesakes told apart. */
  readonly key: string;
  /** The name as the articles most often write it. */
  readonly name: string;
  readonly foldedName: string;
  /** The title of the newest appearance that gives one, and the organisation it names (or ''). */
  readonly latestTitle: string;
  readonly latestOrganization: string;
  /** The organisations the person's titles name, most often seen first. */
  readonly organizations: readonly string[];
  /** Each distinct title, earliest first. */
  readonly titles: readonly TitleSpan[];
  /** Newest first; undated last. */
  readonly appearances: readonly PersonAppearance[];
  /** Who took part in the same meetings, most often first. */
  readonly companions: readonly Companion[];
  /** The appearances of a name several people bear that nothing tells apart: `organizations` lists theirs. */
  readonly uncertain: boolean;
}

/** Companions kept for each person: the answer shows the first few. */
const COMPANIONS_KEPT = 20;

/** Where an appearance stands while the directory is built. */
interface Seen {
  readonly article: number;
  readonly person: number;
  readonly folded: string;
}

/**
 * Everyone who took part in the meetings of a corpus, with their appearances, titles over time and
 * companions; one name that several people bear is told apart by organisation (see identity.ts).
 */
export class PeopleDirectory {
  readonly entries: readonly PersonEntry[];
  private readonly byKey: ReadonlyMap<string, PersonEntry>;
  private readonly byName: ReadonlyMap<string, readonly PersonEntry[]>;
  /** `${articleId}\u0000${foldedName}` → entry: the person behind a participant of an article. */
  private readonly byAppearance: ReadonlyMap<string, PersonEntry>;

  private constructor(entries: PersonEntry[], byAppearance: Map<string, PersonEntry>) {
    this.entries = entries;
    this.byKey = new Map(entries.map(entry => [entry.key, entry]));
    const byName = new Map<string, PersonEntry[]>();
    for (const entry of entries) byName.set(entry.foldedName, [...(byName.get(entry.foldedName) ?? []), entry]);
    this.byName = byName;
    this.byAppearance = byAppearance;
  }

  /**
   * Builds the directory, pausing between time slices so that the event loop keeps answering meanwhile
   * (the bot builds it while it serves).
   */
  static async build(articles: readonly DirectoryArticle[], slices = new TimeSlices()): Promise<PeopleDirectory> {
    // Names, titles and organisers repeat across the corpus: each is folded once.
    const fold = memoize(foldText, 200_000);
    // Every appearance in corpus order; an article's people are consecutive, from articleStart[article].
    const seen: Seen[] = [];
    const articleStart = new Int32Array(articles.length);
    const byName = new Map<string, number[]>();
    for (const [article, { people }] of articles.entries()) {
      articleStart[article] = seen.length;
      for (const [person, record] of people.people.entries()) {
        const folded = fold(record.name);
        const index = seen.push({ article, person, folded }) - 1;
        const list = byName.get(folded);
        if (list) list.push(index);
        else byName.set(folded, [index]);
      }
      await slices.pause();
    }
    const recordOf = (index: number) => articles[seen[index]!.article]!.people.people[seen[index]!.person]!;
    /** The other appearances in the same meeting of the same article. */
    const companionsOf = (index: number): number[] => {
      const { article, person } = seen[index]!;
      const people = articles[article]!.people.people;
      const meeting = people[person]!.meeting;
      const others: number[] = [];
      for (let other = 0; other < people.length; other++) if (other !== person && people[other]!.meeting === meeting) others.push(articleStart[article]! + other);
      return others;
    };

    const groupOf = new Int32Array(seen.length);
    const groups: { folded: string; members: number[]; uncertain: boolean }[] = [];
    for (const [folded, indices] of byName) {
      // A name seen tens of thousands of times has its clues gathered between pauses too.
      const clues: AppearanceClues[] = [];
      for (const index of indices.length > 1 ? indices : []) {
        const record = recordOf(index);
        const organizer = articles[seen[index]!.article]!.people.meetings[record.meeting]?.organizer ?? '';
        clues.push({ bodies: record.bodies, organizer: fold(organizer), companions: companionsOf(index).map(other => seen[other]!.folded), posts: fold(record.title).split(/[、，,]/u).filter(Boolean) });
        await slices.pause();
      }
      const identities = indices.length === 1 ? [{ appearances: [0], uncertain: false }] : await tellApart(clues, slices);
      for (const identity of identities) {
        const members = identity.appearances.map(position => indices[position]!);
        for (const member of members) groupOf[member] = groups.length;
        groups.push({ folded, members, uncertain: identity.uncertain });
      }
      await slices.pause();
    }

    const keys = keysOf(groups);
    const names = groups.map(({ members }) => mostFrequent(members.map(member => recordOf(member).name)));
    const entries: PersonEntry[] = [];
    for (const [group, { folded, members, uncertain }] of groups.entries()) {
      const shared = new Map<number, number>();
      for (const member of members) {
        for (const other of companionsOf(member)) {
          const otherGroup = groupOf[other]!;
          if (otherGroup !== group) shared.set(otherGroup, (shared.get(otherGroup) ?? 0) + 1);
        }
        await slices.pause();
      }
      const companions = [...shared]
        .sort((a, b) => b[1] - a[1] || a[0] - b[0])
        .slice(0, COMPANIONS_KEPT)
        .map(([other, count]) => ({ key: keys[other]!, name: names[other]!, count }));
      const appearances = members.map(member => appearanceOf(articles, seen[member]!));
      entries.push(personEntry({ key: keys[group]!, name: names[group]!, foldedName: folded, uncertain, companions }, appearances, members.map(member => recordOf(member).bodies)));
      await slices.pause();
    }
    // An uncertain entry lists the organisations of everyone of its name, so that the reader can tell.
    const organizationsByName = new Map<string, string[]>();
    for (const entry of entries) organizationsByName.set(entry.foldedName, [...new Set([...(organizationsByName.get(entry.foldedName) ?? []), ...entry.organizations])]);
    const listed = entries.map(entry => (entry.uncertain ? { ...entry, organizations: organizationsByName.get(entry.foldedName)! } : entry));
    return PeopleDirectory.fromEntries(listed, slices);
  }

  /** A directory of entries built before (read back from the people cache). */
  static async fromEntries(entries: PersonEntry[], slices = new TimeSlices()): Promise<PeopleDirectory> {
    const byAppearance = new Map<string, PersonEntry>();
    for (const entry of entries) {
      for (const appearance of entry.appearances) byAppearance.set(`${appearance.articleId}\u0000${entry.foldedName}`, entry);
      await slices.pause();
    }
    return new PeopleDirectory(entries, byAppearance);
  }

  get(key: string): PersonEntry | undefined {
    return this.byKey.get(key);
  }

  /** Every person of that name, in either script, most appearances first. */
  named(typed: string): readonly PersonEntry[] {
    return this.byName.get(foldText(typed)) ?? [];
  }

  /** The person behind a participant of an article, by the name the article writes. */
  personIn(articleId: string, name: string): PersonEntry | undefined {
    return this.byAppearance.get(`${articleId}\u0000${foldText(name)}`);
  }
}

/** Keys: the folded name, and for namesakes told apart `#2`, `#3`… after the one seen most. */
function keysOf(groups: readonly { folded: string }[]): string[] {
  const seen = new Map<string, number>();
  return groups.map(({ folded }) => {
    const count = (seen.get(folded) ?? 0) + 1;
    seen.set(folded, count);
    return count === 1 ? folded : `${folded}#${count}`;
  });
}

function mostFrequent(values: readonly string[]): string {
  const counts = new Map<string, number>();
  let best = values[0] ?? '';
  for (const value of values) {
    const count = (counts.get(value) ?? 0) + 1;
    counts.set(value, count);
    if (count > counts.get(best)!) best = value;
  }
  return best;
}

function appearanceOf(articles: readonly DirectoryArticle[], { article, person }: Seen): PersonAppearance {
  const { id, people } = articles[article]!;
  const record = people.people[person]!;
  const meeting = people.meetings[record.meeting] ?? { organizer: '', name: '', date: '' };
  return { articleId: id, date: meeting.date, meeting: meeting.name, organizer: meeting.organizer, roles: record.roles, name: record.name, title: record.title, evidence: record.evidence };
}

/** Whether a date states its year (2024-03-05, 2024): what orders appearances in time. */
function hasYear(date: string): boolean {
  return /^\d{4}/u.test(date);
}

/** The appearances' indices newest first, undated (and yearless) last; ties keep the corpus's order, later first. */
function newestFirst(appearances: readonly PersonAppearance[]): number[] {
  return appearances
    .map((_, index) => index)
    .sort((a, b) => {
      const [dateA, dateB] = [appearances[a]!.date, appearances[b]!.date];
      if (hasYear(dateA) !== hasYear(dateB)) return hasYear(dateA) ? -1 : 1;
      return dateA < dateB ? 1 : dateA > dateB ? -1 : b - a;
    });
}

/** An organisation as a title writes it: the folded body found again in the title's own words. */
const bodyAsWritten = memoize(key => {
  const [title, body] = key.split('\u0000') as [string, string];
  const folded = foldWithMap(title);
  const at = folded.text.indexOf(body);
  return at < 0 ? body : title.slice(...sourceRange(title, folded, at, at + body.length));
}, 50_000);

function personEntry(
  identity: Pick<PersonEntry, 'key' | 'name' | 'foldedName' | 'uncertain' | 'companions'>,
  unordered: readonly PersonAppearance[],
  bodies: readonly (readonly string[])[],
): PersonEntry {
  // Organisations by how many appearances name them, each as first written.
  const organizations = new Map<string, { written: string; count: number }>();
  unordered.forEach((appearance, index) => {
    for (const body of bodies[index]!) {
      const known = organizations.get(body);
      if (known) known.count++;
      else organizations.set(body, { written: bodyAsWritten(`${appearance.title}\u0000${body}`), count: 1 });
    }
  });
  const order = newestFirst(unordered);
  const latest = order.find(index => unordered[index]!.title !== '');
  const latestBody = latest === undefined ? undefined : bodies[latest]![0];
  return {
    ...identity,
    latestTitle: latest === undefined ? '' : unordered[latest]!.title,
    latestOrganization: latestBody === undefined ? '' : organizations.get(latestBody)!.written,
    organizations: [...organizations.values()].sort((a, b) => b.count - a.count).map(({ written }) => written),
    titles: titleSpans(unordered),
    appearances: order.map(index => unordered[index]!),
  };
}

/** Each distinct title (folded, shown as most often written), with its first and last dated appearance, earliest first. */
function titleSpans(appearances: readonly PersonAppearance[]): TitleSpan[] {
  const spans = new Map<string, { written: string[]; first: string; last: string; count: number }>();
  for (const { title, date } of appearances) {
    if (!title) continue;
    const key = foldText(title);
    const span = spans.get(key) ?? { written: [], first: '', last: '', count: 0 };
    span.written.push(title);
    span.count++;
    if (hasYear(date)) {
      if (!span.first || date < span.first) span.first = date;
      if (!span.last || date > span.last) span.last = date;
    }
    spans.set(key, span);
  }
  return [...spans.values()]
    .map(({ written, first, last, count }) => ({ title: mostFrequent(written), first, last, count }))
    .sort((a, b) => (a.first === '' ? 1 : 0) - (b.first === '' ? 1 : 0) || (a.first < b.first ? -1 : a.first > b.first ? 1 : b.count - a.count));
}
