import { parseArgs } from 'node:util';
import { analyseArticle } from '../src/analysis/analyse';
import type { Article } from '../src/corpus/article';
import { setQuiet } from '../src/log';
import type { SourceRange } from '../src/people/participants';
import { TITLE_HEADS } from '../src/people/titles';
import { fold } from '../src/text/fold';
import { withCorpus } from './open-corpus';
import { BENCH_CORPUS } from './phrases';

/**
 * `npm run check:analysis [-- --data FILE|FOLDER]`: /participants and /summary on every article of a
 * corpus, each answer checked against the text it claims to come from. Properties that must hold for
 * every answer fail the run (exit 1): every name, title, date, organiser and point stands at its
 * evidence range; every item whose text says 習近平主持 or 李強主持 names that person as a chair. Figures
 * that are judged rather than proved (names and organisers of unusual shape) are counted and shown.
 */

const EXAMPLES = Number(process.env.EXAMPLES ?? 5);
/** Leaders whose chairing the news reports as 「name主持」: each such item must name them as a chair. */
const CHAIRS = ['習近平', '李強'];
/** Shapes of a body's name, checked apart from the rules that found it: a body word or a place at its end. */
const BODY_END = /(?:集团|公司|院|部|所|厂|中心|局|委|党委|党组|支部|委员会|政府|政协|人大|协会|学会|商会|联合会|组|办|厅|处|署|社|馆|站|队|团|省|市|县|区|州|镇|乡|村|国务院|中央|政治局|书记处|军委|大学|学院|学校|医院|银行|法院|检察院|会|网|台|军|室|科|场|盟|园|港|馆)$/u;
const PLACE = /^(?:北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海|台湾|内蒙古|广西|西藏|宁夏|新疆|香港|澳门)/u;
/** Characters no personal name holds: particles, and the heads of titles. */
const NOT_IN_NAME = /[的了在和与及是为就将也都把被这那们说并对以而或但所此每各该本]/u;

const { values } = parseArgs({ options: { data: { type: 'string', default: BENCH_CORPUS } } });

interface Tally {
  articles: number;
  people: number;
  meetings: number;
  organizers: number;
  dates: number;
  points: number;
  failures: Map<string, string[]>;
  suspects: Map<string, string[]>;
  chairs: Map<string, { items: number; named: number }>;
}

setQuiet(true);
await withCorpus(values.data!, library => {
  const started = performance.now();
  const tally: Tally = { articles: 0, people: 0, meetings: 0, organizers: 0, dates: 0, points: 0, failures: new Map(), suspects: new Map(), chairs: new Map(CHAIRS.map(name => [name, { items: 0, named: 0 }])) };
  for (const article of library.articles) checkArticle(article, tally);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const out = (line: string) => process.stdout.write(`${line}\n`);
  out(`${tally.articles} articles analysed in ${seconds} s: ${tally.people} participants, ${tally.meetings} meetings, ${tally.organizers} organisers, ${tally.dates} dates, ${tally.points} points`);
  for (const [name, { items, named }] of tally.chairs) out(`${name}主持: ${named} of ${items} items name ${name} as a chair`);
  out(`participant names of unusual shape: ${count(tally.suspects, 'name')} of ${tally.people}`);
  out(`organisers of unusual shape: ${count(tally.suspects, 'organizer')} of ${tally.organizers}`);
  for (const [kind, examples] of [...tally.suspects, ...tally.failures]) {
    out(`${tally.failures.has(kind) ? 'FAIL' : 'suspect'} ${kind}: ${examples.length}`);
    for (const example of examples.slice(0, EXAMPLES)) out(`  ${example}`);
  }
  if (tally.failures.size === 0) out('every answer stands where its evidence says');
  process.exitCode = tally.failures.size === 0 ? 0 : 1;
});

function count(map: Map<string, string[]>, kind: string): number {
  return map.get(kind)?.length ?? 0;
}

function note(map: Map<string, string[]>, kind: string, example: string): void {
  map.set(kind, [...(map.get(kind) ?? []), example]);
}

function checkArticle(article: Article, tally: Tally): void {
  tally.articles++;
  const text = article.text;
  const fail = (kind: string, detail: string) => note(tally.failures, kind, `${article.id}: ${detail}`);
  const holds = (range: SourceRange | null | undefined, words: string) => !!range && range[0] >= 0 && range[1] <= text.length && text.slice(range[0], range[1]).includes(words);

  // On this thread and whole, with no time budget: this checks the analysis itself.
  const { participants, summary } = analyseArticle(article);
  const { people, groups } = participants;
  for (const person of people) {
    tally.people++;
    if (!person.name || !holds(person.evidence, person.name)) fail('a participant’s evidence does not hold the name', `${person.name} ${JSON.stringify(person.evidence)}`);
    if (person.title && !(person.titleEvidence && text.slice(...person.titleEvidence) === person.title)) fail('a title is not the words at its evidence', `${person.name} ${person.title}`);
    for (const { role, evidence } of person.roleEvidence) if (!(evidence[0] >= 0 && evidence[1] <= text.length && evidence[1] > evidence[0])) fail('a role’s evidence is outside the text', `${person.name} ${role}`);
    const folded = fold(person.name);
    const dotted = /[·•・.‧-]/u.test(person.name);
    if (NOT_IN_NAME.test(folded) || TITLE_HEADS.some(head => folded.includes(head)) || (!dotted && (folded.length < 2 || folded.length > 6))) note(tally.suspects, 'name', `${article.id}: ${person.name}`);
  }
  for (const group of groups) if (!holds(group.evidence, group.text)) fail('a group is not the words at its evidence', group.text);

  const { meetings } = summary;
  for (const meeting of meetings) {
    tally.meetings++;
    if (meeting.organizer) {
      tally.organizers++;
      if (!(meeting.organizerEvidence && text.slice(...meeting.organizerEvidence) === meeting.organizer)) fail('an organiser is not the words at its evidence', meeting.organizer);
      const folded = fold(meeting.organizer);
      if (!folded.split('与').every(side => BODY_END.test(side) || PLACE.test(side))) note(tally.suspects, 'organizer', `${article.id}: ${meeting.organizer}`);
    }
    if (meeting.date?.evidence) {
      tally.dates++;
      if (text.slice(...meeting.date.evidence) !== meeting.date.text) fail('a date is not the words at its evidence', meeting.date.text);
    }
    for (const point of meeting.points) {
      tally.points++;
      if (!holds(point.evidence, point.text.replace(/…$/u, ''))) fail('a point is not in the words at its evidence', point.text);
    }
  }

  for (const [name, chair] of tally.chairs) {
    if (!text.includes(`${name}主持`)) continue;
    chair.items++;
    if (meetings.some(meeting => meeting.host?.name === name)) chair.named++;
    else fail(`${name}主持 without ${name} as a chair`, text.slice(Math.max(0, text.indexOf(`${name}主持`) - 20), text.indexOf(`${name}主持`) + 30).replace(/\n/gu, ' '));
  }
}
