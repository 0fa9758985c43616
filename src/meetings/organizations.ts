import nodejieba from 'nodejieba';
import { TITLE_HEADS, TITLE_PREFIXES } from '../people/titles';
import { isCommonWord } from '../text/dictionary';
import { fold } from '../text/fold';
import { memoize } from '../text/memo';

/**
 * Names of bodies in folded text: enterprises, party and government bodies, legislatures and
 * consultative conferences, associations, inspection groups, offices, provinces and cities. A name is
 * whole words of the segmenter whose last word is a body (公司, 政府, 政协, 调研组) or a place, so that
 * 百年变局 (a word that merely ends in 局) is not a body.
 */

/** Words that name a body when they end a name. */
const BODY_WORDS = new Set([
  '集团', '公司', '有限公司', '集团公司', '股份公司', '总公司', '分公司', '子公司', '研究院', '设计院', '研究所', '研究中心', '中心', '工厂', '厂', '院', '所', '部', '局', '处', '科', '室', '署', '厅',
  '委', '办', '办公室', '党委', '省委', '市委', '县委', '区委', '州委', '镇委', '乡党委', '党组', '支部', '总支', '党支部', '委员会', '常委会', '人大常委会', '纪委', '监委', '政府', '人民政府', '国务院', '政协', '人大', '学校', '大学', '学院', '中学',
  '小学', '医院', '银行', '协会', '学会', '商会', '联合会', '联合体', '基金会', '研究会', '促进会', '总会', '工会', '团委', '妇联', '侨联', '科协', '文联', '作协', '组', '调研组', '工作组', '督导组',
  '指导组', '巡视组', '督查组', '考察组', '检查组', '代表团', '宣讲团', '主席团', '团', '队', '站', '馆', '社', '报社', '电视台', '台', '军', '部队', '战区', '法院', '检察院', '海关', '管委会', '园区',
  '省', '市', '县', '区', '州', '镇', '乡', '村', '街道', '社区', '中央', '党中央', '政治局', '书记处', '军委', '国资委', '发改委', '安委会', '委员会办公室', '分场', '车间', '项目部', '指挥部',
  '分院', '分行', '支行', '集团有限公司', '事业部', '大队', '支队', '中队', '公安局', '财政厅', '财政局', '交通局', '网', '联盟',
]);
/**
 * China's provincial-level divisions, the places a meeting is held by when the report names only the
 * place (青海全省政府采购工作会议); other places (a city abroad, a river) hold no meetings.
 */
const PROVINCES = /^(?:北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海|台湾|内蒙古|广西|西藏|宁夏|新疆|香港|澳门)(?:省|市|自治区)?$/u;
/** Parts of speech of words a body's name is made of: nouns, place and organisation names, numbers. */
const NAME_TAGS = /^(?:n|nr|ns|nt|nz|nrt|ng|j|m|q|eng|vn|an|a|b|s|f|x)$/u;
const PLACE_TAGS = /^(?:ns)$/u;
const ACTION_TAGS = /^(?:v|vn)$/u;
const PROPER_NAME_TAGS = /^(?:n|nt|nz|ns|nr|nrt|j|x|eng)$/u;
/** Words, not punctuation: the segmenter tags 、 like an unknown word. */
const WORD = /^[\p{L}\p{N}]+$/u;
const MAX_BODY_LENGTH = 24;
/** A noun used this often is a word, not a body's name, even when it ends like one (研究部署). */
const COMMON_WORD = 100;
/** A collective of people, not a body: 全体部领导, 各部门, 相关单位. */
const COLLECTIVE_START = /^(?:全(?!国)|各|相关|有关|所属|其他|部分|该)/u;
/** Heads and ranks taken off a title to find its body; 党委委员 keeps its 党委, which is a body. */
const HEADS_AT_END = new RegExp(`(?:${[...TITLE_HEADS.filter(head => !head.startsWith('党')), ...TITLE_PREFIXES].join('|')})$`, 'u');

/**
 * The body named at the start of a folded phrase (五院, 总体设计部, 中国航天科技集团有限公司), or ''.
 * The longest run of name-like words that ends with a body word. Where the phrase is a meeting's name
 * (opensName), a body word that a verb follows is part of the name, and a province the name opens with
 * holds the meeting (青海全省政府采购工作会议 is held by 青海).
 */
export function bodyAt(phrase: string, opensName = false): string {
  let longest = '';
  let pending = '';
  let place = '';
  let length = 0;
  for (const { word, tag } of nodejieba.tag(phrase.slice(0, MAX_BODY_LENGTH + 4))) {
    // In a meeting's name (青海全省政府|采购工作会议), a body word that a verb follows modifies it.
    if (pending && !(opensName && ACTION_TAGS.test(tag))) longest = pending;
    pending = '';
    if (!NAME_TAGS.test(tag) || !WORD.test(word) || length + word.length > MAX_BODY_LENGTH) break;
    if (length === 0 && PLACE_TAGS.test(tag) && (PROVINCES.test(word) || /[省市县区州]$/u.test(word))) place = word;
    length += word.length;
    const candidate = phrase.slice(0, length);
    if (endsWithBodyWord(word, tag) && candidate.length >= 2 && /^\p{Script=Han}/u.test(candidate) && !COLLECTIVE_START.test(candidate)) pending = candidate;
  }
  return pending || longest || (opensName ? place : '');
}

const LONG_BODY_WORDS = [...BODY_WORDS].filter(body => body.length >= 2);
const SHORT_BODY_WORDS = [...BODY_WORDS].filter(body => body.length === 1);

/**
 * A word that ends in a body word of two or more characters (省政府, 江南大学); one that ends in a
 * one-character body word where the segmenter calls it an organisation or a place (国资委, 南平市) or
 * it is a noun of three characters or more (物资部, 市场部), so that 变局, 格局 and 干部 are not bodies.
 */
function endsWithBodyWord(word: string, tag: string): boolean {
  if (BODY_WORDS.has(word) || LONG_BODY_WORDS.some(body => word.endsWith(body))) return true;
  if (!SHORT_BODY_WORDS.some(body => word.endsWith(body))) return false;
  // 研究部署 ends in 部 but is 研究 and 部署, a common word: not a body.
  return tag === 'nt' || tag === 'j' || tag === 'ns' || (word.length >= 3 && tag === 'n' && !isCommonWord(word.slice(-2), COMMON_WORD));
}

/** Whether a folded phrase is made only of nouns and proper names: the other side of a signing (中国石化). */
export function isNamePhrase(phrase: string): boolean {
  return phrase.length >= 2 && phrase.length <= MAX_BODY_LENGTH && nodejieba.tag(phrase).every(({ word, tag }) => WORD.test(word) && PROPER_NAME_TAGS.test(tag));
}

/** Whether a whole folded phrase is a body's name. */
export function isBody(phrase: string): boolean {
  return phrase.length > 0 && bodyAt(phrase) === phrase;
}

/** Bodies too general to tell one organisation from another: 党委书记 says less than 集团公司董事长. */
const GENERIC_BODY = /^(?:党委|党组|支部|总支|纪委|公司|集团)$/u;

/**
 * The body in a person's folded title: 南平市代市长 → 南平市, 中国工程院院士、江南大学校长 → 江南大学,
 * 省局党委委员、副局长 → 省局党委. Heads and ranks are taken off each part's end; the post nearest the
 * name wins, unless it names only a generic body (党委) and an earlier post names a specific one.
 */
export function bodyOfTitle(title: string): string {
  let generic = '';
  for (const body of bodiesOfPosts(title)) {
    if (!GENERIC_BODY.test(body)) return body;
    generic ||= body;
  }
  return generic;
}

/**
 * Every specific body a folded title names, the post nearest the name first: 中共中央政治局委员、外交部部长
 * → 外交部, 中共中央政治局. Generic bodies (党委, 公司) are left out: they tell no organisation apart.
 */
export function specificBodiesOfTitle(title: string): string[] {
  return [...new Set(bodiesOfPosts(title))].filter(body => !GENERIC_BODY.test(body));
}

/** The body each post of a folded title is held in, the post nearest the name first. */
function* bodiesOfPosts(title: string): Generator<string> {
  for (const part of title.split(/[、，,]/u).reverse()) {
    let rest = part;
    for (let stripped = rest.replace(HEADS_AT_END, ''); stripped !== rest; stripped = rest.replace(HEADS_AT_END, '')) rest = stripped;
    const body = bodyAt(rest);
    if (body === rest && body) yield body;
  }
}

/** Words before a body that say when the post was held, not where: 时任浙江省委书记, 原党组成员, 十三届全国政协. */
const TENURE = /^(?:时任|原|前|第?[一二三四五六七八九十]+届)+/u;

/** Bodies by folded title, without their tenure: a corpus repeats a few thousand titles (国务院总理). */
const bodiesOfTitle = memoize(foldedTitle => [...new Set(specificBodiesOfTitle(foldedTitle).map(body => body.replace(TENURE, '')))].filter(Boolean), 50_000);

/** The specific bodies a title as written names (folded), the post nearest the name first; none for no title. */
export function titleBodies(title: string): readonly string[] {
  return title ? bodiesOfTitle(fold(title)) : [];
}
