import { parseArgs } from 'node:util';
import { setQuiet } from '../src/log';
import type { PersonEntry } from '../src/people-index/directory';
import { LivePeople } from '../src/library/live-people';
import { fold } from '../src/text/fold';
import { withCorpus } from './open-corpus';
import { BENCH_CORPUS } from './phrases';

/**
 * `npm run check:person [-- --data FILE|FOLDER] [-- --names 李強,王毅]`: /person held to a brute-force
 * reading of the corpus. The people index is built as the bot builds it (worker threads); then, for
 * each name, every appearance of every person of that name must be in an article whose text holds the
 * name, and the person seen most under it must appear in at least 95% of the articles whose text has
 * the name directly followed by 主持, 出席, 會見, 講話, 參加 or 在會上 (in either script). Prints the
 * figures, the articles missed and each person's titles over time; exits 1 when a check fails.
 */

const NAMES = ['李強', '王滬寧', '蔡奇', '丁薛祥', '王毅'];
const VERBS = ['主持', '出席', '會見', '講話', '參加', '在會上'];
const COVERAGE = 0.95;
/** Titles known from the public record, and the month from which a person held them: the first date seen must not be earlier. */
const KNOWN_TITLES: Record<string, { title: string; from: string }> = { 李強: { title: '國務院總理', from: '2023-03' } };
const EXAMPLES = Number(process.env.EXAMPLES ?? 5);

const { values } = parseArgs({ options: { data: { type: 'string', default: BENCH_CORPUS }, names: { type: 'string', default: NAMES.join(',') } } });
const out = (line: string) => process.stdout.write(`${line}\n`);

setQuiet(true);
await withCorpus(values.data!, async library => {
  const started = performance.now();
  const people = new LivePeople({ library }, { dataDirectory: values.data!, cacheDirectory: null });
  await people.refresh();
  const status = people.status();
  if (status.kind !== 'ready') throw new Error('the people index could not be built');
  const { directory } = status;
  out(`people index of ${library.articles.length} articles: ${directory.entries.length} people, built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const folded = library.articles.map(article => fold(article.text));
  const position = new Map(library.articles.map((article, at) => [article.id, at]));
  let failed = false;

  for (const name of values.names!.split(',').filter(Boolean)) {
    const needle = fold(name);
    const entries = directory.named(name);
    const [main] = entries;
    // Every appearance of every person of that name stands in an article that holds the name.
    const strays = entries.flatMap(entry => entry.appearances.filter(appearance => !folded[position.get(appearance.articleId) ?? -1]?.includes(needle)));
    const expected = library.articles.filter((_, at) => VERBS.some(verb => folded[at]!.includes(needle + fold(verb))));
    const seenIn = new Set(main?.appearances.map(appearance => appearance.articleId));
    const missed = expected.filter(article => !seenIn.has(article.id));
    const coverage = expected.length === 0 ? 1 : (expected.length - missed.length) / expected.length;
    const known = KNOWN_TITLES[name];
    const span = known && main?.titles.find(title => fold(title.title) === fold(known.title));
    const plausible = !known || (span !== undefined && span.first !== '' && span.first >= known.from);
    const passes = main !== undefined && strays.length === 0 && coverage >= COVERAGE && plausible;
    failed ||= !passes;
    out('');
    out(`${passes ? 'ok' : 'FAIL'} ${name}: ${entries.length} ${entries.length === 1 ? 'person' : 'people'} of this name; the first in ${seenIn.size} articles (${main?.appearances.length ?? 0} appearances)`);
    out(`  articles with ${name} directly followed by ${VERBS.join(', ')}: ${expected.length}; among its appearances: ${expected.length - missed.length} (${(coverage * 100).toFixed(1)}%, at least ${COVERAGE * 100}% needed)`);
    out(`  appearances in an article without the name: ${strays.length}`);
    if (known) out(`  ${known.title} first seen ${span?.first || 'never'} (from ${known.from} expected)`);
    for (const article of missed.slice(0, EXAMPLES)) out(`  missed ${article.id}: ${context(article.text, name)}`);
    for (const entry of entries) describe(entry);
  }
  process.exitCode = failed ? 1 : 0;
});

/** A person's organisations and titles over time, as /person shows them. */
function describe(entry: PersonEntry): void {
  out(`  ${entry.key}${entry.uncertain ? ' (uncertain)' : ''}: ${entry.appearances.length} appearances; latest title ${entry.latestTitle || '-'}; organisations ${entry.organizations.slice(0, 6).join(', ') || '-'}`);
  for (const span of entry.titles.slice(0, 12)) out(`    ${span.first || '(undated)'} … ${span.last || ''}  ${span.title}  ×${span.count}`);
}

/** The words around the first place the text names the person taking part. */
function context(text: string, name: string): string {
  const found = VERBS.map(verb => text.indexOf(name + verb)).filter(index => index >= 0);
  const at = found.length ? Math.min(...found) : 0;
  return text.slice(Math.max(0, at - 40), at + name.length + 20).replace(/\s+/gu, ' ');
}
