import { TimeSlices } from '../text/time-slices';

/**
 * Telling namesakes apart. Everything known about one appearance of a name that could tell whose it is:
 * the bodies its title names, the meeting's organiser and the others who took part in it.
 */
export interface AppearanceClues {
  /** Specific bodies (folded) the title names; empty when the title names none. */
  readonly bodies: readonly string[];
  /** The meeting's organiser, folded, or ''. */
  readonly organizer: string;
  /** The folded names of the others in the same meeting. */
  readonly companions: readonly string[];
  /** The posts of the folded title (国家主席 and 中央军委主席 of 国家主席、中央军委主席). */
  readonly posts: readonly string[];
}

/** Appearances (by their index in the list given) that belong to one person, and whether that is sure. */
export interface Identity {
  readonly appearances: readonly number[];
  /**
   * True for the appearances of a name that several people bear when nothing tells whose they are: the
   * entry lists every organisation the name was seen with, so that the reader can tell.
   */
  readonly uncertain: boolean;
}

/**
 * The people behind one name's appearances. Bodies named in one title are one person's posts
 * (中共中央政治局委员、外交部部长), and a body inside another is the same organisation (南平市, 南平市委).
 * Appearances with the same people or at the same organiser's meetings are taken to be one person's:
 * namesakes in unrelated organisations meet different people. What is so joined and names a body is a
 * person told apart by organisation. Appearances joined to none that names a body go to the one person
 * whose posts match theirs (国家主席 is a post of 中共中央总书记、国家主席; 主席 ends it), or to the only
 * person; where they could be several people's, or none's, they make an uncertain entry beside theirs.
 */
export async function tellApart(clues: readonly AppearanceClues[], slices = new TimeSlices()): Promise<Identity[]> {
  const sets = new DisjointSets(clues.length);
  const firstWith = new Map<string, number>();
  const joinOn = (key: string, index: number) => {
    const seen = firstWith.get(key);
    if (seen === undefined) firstWith.set(key, index);
    else sets.join(seen, index);
  };
  // A name seen tens of thousands of times is joined between pauses of the event loop.
  for (const [index, clue] of clues.entries()) {
    for (const body of clue.bodies) joinOn(`body ${body}`, index);
    if (clue.organizer) joinOn(`organizer ${clue.organizer}`, index);
    for (const companion of clue.companions) joinOn(`with ${companion}`, index);
    await slices.pause();
  }
  const bodies = [...new Set(clues.flatMap(clue => clue.bodies))];
  for (const [at, body] of bodies.entries()) {
    for (const other of bodies.slice(at + 1)) if (body.includes(other) || other.includes(body)) sets.join(firstWith.get(`body ${body}`)!, firstWith.get(`body ${other}`)!);
  }

  const groups = new Map<number, number[]>();
  clues.forEach((_, index) => {
    const root = sets.find(index);
    const members = groups.get(root);
    if (members) members.push(index);
    else groups.set(root, [index]);
  });
  const named = [...groups.values()].filter(members => members.some(index => clues[index]!.bodies.length > 0));
  if (named.length <= 1) return [{ appearances: clues.map((_, index) => index), uncertain: false }];

  const posts = named.map(members => [...new Set(members.flatMap(index => clues[index]!.posts))]);
  const isNamed = new Set(named);
  const unplaced: number[] = [];
  for (const members of groups.values()) {
    if (isNamed.has(members)) continue;
    const own = new Set(members.flatMap(index => clues[index]!.posts));
    const matching = named.filter((_, at) => [...own].some(post => posts[at]!.some(known => known.endsWith(post) || post.endsWith(known))));
    if (matching.length === 1) matching[0]!.push(...members);
    else unplaced.push(...members);
  }
  const identities: Identity[] = named.map(members => ({ appearances: members.sort((a, b) => a - b), uncertain: false }));
  if (unplaced.length > 0) identities.push({ appearances: unplaced.sort((a, b) => a - b), uncertain: true });
  return identities.sort((a, b) => b.appearances.length - a.appearances.length || a.appearances[0]! - b.appearances[0]!);
}

/** Union-find over indices, with path halving. */
class DisjointSets {
  private readonly parent: Int32Array;

  constructor(size: number) {
    this.parent = Int32Array.from({ length: size }, (_, index) => index);
  }

  find(index: number): number {
    let at = index;
    while (this.parent[at] !== at) {
      this.parent[at] = this.parent[this.parent[at]!]!;
      at = this.parent[at]!;
    }
    return at;
  }

  join(a: number, b: number): void {
    const [rootA, rootB] = [this.find(a), this.find(b)];
    if (rootA !== rootB) this.parent[Math.max(rootA, rootB)] = Math.min(rootA, rootB);
  }
}
