import nodejieba from 'nodejieba';
import { frequencyOf, isCommonWord, isFrequentNonPerson, isKnownWord } from '../text/dictionary';
import { memoize } from '../text/memo';
import { COMMON_SURNAMES, SINGLE_SURNAMES, surnameAt } from './surnames';
import { AFTER_NAME_HONORIFICS, TITLE_HEADS, TITLE_PREFIXES } from './titles';
import { ROLE_VERBS } from './verbs';
import { WordIndex } from './word-index';

/**
 * Personal names in folded text, by their shapes: a surname (compound or single) and a given name of one
 * or two characters; a married woman's two surnames and given name (张王淑芬); minority and foreign names
 * joined by a middle dot (阿不都热合曼·麦麦提); transliterated foreign names after a title (总统拜登). A
 * shape only proposes a name: the sentence around it (a title, a list, a verb) decides whether it is one.
 */

const HAN = /\p{Script=Han}/u;

/** Characters that never stand in a given name: particles and conjunctions that only join words. */
const NEVER_IN_GIVEN_NAME = new Set('的了在和与及等是为就将也都把被于这那们说并对以而或但所此每各该本率副要兼还总陪互共回称、'.split(''));

/** A surname and one of these alone is how a report abbreviates someone already named (秦总, 李董, 张局). */
const SHORT_FORMS = new Set('总董局处部厅校院所工老书主'.split(''));

/**
 * A second given character that usually starts the next word instead (李东作报告, 王凯会见): where the
 * one-character reading also fits, it wins.
 */
const WEAK_LAST_GIVEN = new Set('作会在将对就为也都说是到去率被把给让于以出参主列首今昨日等还致向总又均已曾即再称谈则便才'.split(''));

/** Middle dots that join the parts of minority and foreign names, as they stand after folding. */
const NAME_DOT = /[·•・.‧-]/u;

/** Characters of transliterated foreign names (拜登, 普京, 古特雷斯, 马克龙). */
const TRANSLITERATION = new Set(
  '阿埃艾爱安昂奥巴拜班邦鲍贝本比彼毕宾波伯博布采查达戴丹道德登迪蒂丁东杜敦多厄恩法凡菲费芬丰弗福盖甘冈高戈格贡古瓜圭哈海汉豪赫亨洪胡华霍基吉加贾杰金卡凯坎康考柯科克肯库夸奎拉莱赖兰朗劳勒雷蕾里理利莉连林琳龙卢鲁伦罗洛马玛迈麦曼梅门蒙米明摩莫姆穆纳奈南内尼涅纽努诺欧帕潘庞佩彭皮珀普奇齐恰乔切钦琼萨塞森沙莎尚什施舒斯松苏索塔泰坦汤唐特提图托瓦万旺威韦维温沃乌武西希锡夏谢辛休许雅亚延扬耶伊因英尤于约泽扎詹兹佐'.split(''),
);

const ROLE_WORDS = Object.values(ROLE_VERBS).flat();
/** Forms of address that follow a surname like a given name (李阿姨, 王师傅). */
const FORMS_OF_ADDRESS = ['阿姨', '大爷', '大妈', '大姐', '大哥', '奶奶', '爷爷', '师傅', '同学', '老汉', '小伙'];
/** Words a given name cannot start with: they begin the title, honorific or verb that follows a name. */
const NOT_GIVEN_START = [...TITLE_HEADS, ...AFTER_NAME_HONORIFICS, ...FORMS_OF_ADDRESS, ...TITLE_PREFIXES.filter(prefix => prefix.length > 1), ...ROLE_WORDS.filter(word => word.length > 1)];

/** What may follow a name: a title or honorific, a verb, or a word that starts a predicate or a time. */
const AFTER_NAME = [
  ...TITLE_HEADS,
  ...TITLE_PREFIXES,
  ...AFTER_NAME_HONORIFICS,
  ...ROLE_WORDS,
  '在', '对', '就', '为', '和', '与', '及', '以及', '同', '等', '作', '做', '所作', '一行', '一同', '分别', '代表', '率', '带领', '陪同', '也', '还', '则', '向', '以',
  '从', '通过', '结合', '围绕', '针对', '首先', '随后', '最后', '同时', '的', '委托', '被', '是', '说', '认为', '回顾', '宣布', '带头', '亲自', '先后', '上台', '表态',
  '充分', '详细', '深入', '现场', '共同', '逐一', '谈', '用', '等人', '今天', '昨天', '前天', '日前', '近日', '当天', '今日', '昨日', '上午', '下午', '晚上', '专程',
  '再次', '全程', '均', '都', '又', '将', '已', '曾', '于', '关于', '一起', '一道', '来', '到', '赴', '前往', '主动', '重点', '特别', '就此', '并', '各', '而', '即',
  '发表', '致', '给', '把', '让', '请', '邀请', '称', '通电话', '发文', '举行', '高度', '希望', '感谢', '祝贺', '欢迎', '热情', '亲切', '简要', '系统', '全面', '认真', '集体', '当选', '兼',
];
const AFTER_NAME_WORDS = new WordIndex(AFTER_NAME);
const ROLE_WORD_STARTS = new WordIndex(ROLE_WORDS.filter(verb => verb.length > 1));
const NOT_GIVEN_STARTS = new WordIndex(NOT_GIVEN_START);

/** One-character words that end names so often in lists (张三等, 李四和王五) that they count as punctuation. */
const LIST_WORDS = new Set('等和及与同率'.split(''));
const PUNCTUATION_OR_SPACE = /[\s\p{P}\p{S}0-9a-z]/u;

/**
 * How a name may end before index: 'strong' where the text ends, or punctuation, a digit or a word of
 * two or more characters follows (a title, a verb); 'weak' where only a one-character word does
 * (作, 在, 等), which may as well belong to the word the name's last character starts.
 */
function boundaryAt(text: string, index: number): 'strong' | 'weak' | null {
  if (index >= text.length || PUNCTUATION_OR_SPACE.test(text[index]!) || LIST_WORDS.has(text[index]!)) return 'strong';
  const word = AFTER_NAME_WORDS.at(text, index);
  if (word === undefined) return null;
  return word.length > 1 ? 'strong' : 'weak';
}

/** Whether a name may end before index: the text ends, or punctuation, a digit, a title or a verb follows. */
export function isNameBoundary(text: string, index: number): boolean {
  return boundaryAt(text, index) !== null;
}

/** How sure the sentence makes us that a name stands here: a title or a list beside it, or only a verb. */
export type NameEvidence = 'titled' | 'bare';

/**
 * Surnames that are also common words or parts of words (国, 门, 相): with one of them, a given name that
 * is a common word of its own is not a name (国组成, 门主要). The function words among them (向, 从, 全)
 * need a two-character given name the dictionary does not know at all (向习近平, 从党 are a preposition
 * and a word). 和, 与, 同 and 及 are not read as surnames at all (see surnames.ts). Without a title, X方 is a country's side (韩方), not a person.
 */
const AMBIGUOUS_SURNAMES = new Set('国时文常成安平元东山水云花红白明都能通门来过区后空双那经干解应单家盖益公广利越师简养须查游权谷车班秋暴甘幸司印宿怀索苍党劳申扶边别充终居步满弘达展战种初代关前'.split(''));
const FUNCTION_WORD_SURNAMES = new Set('于向从对在为以全相应都'.split(''));
/** How often a word must be used to count as common: 毕业 (5,988) is, 高士 in 高士征 (41) is not. */
const COMMON_FREQUENCY = 500;
/** A two-character entry used this often is a word or a place, not a person (沙特, 师生, 英明). */
const WORD_FREQUENCY = 200;
/** Words so common that no given name is one (人民, 国家, 组成), unlike 建国 or 光荣. */
const GIVEN_WORD_FREQUENCY = 15000;

const NAME_TAGS = (tag: string) => tag.startsWith('nr') || tag === 'x';
/** Whether the segmenter reads a whole candidate as one word that is not a name (单位, 高度). */
const isOneWord = memoize(candidate => {
  const words = nodejieba.tag(candidate);
  return words.length === 1 && words[0]!.word === candidate && !NAME_TAGS(words[0]!.tag);
});

/** Parts of speech of common words; place and organisation names (金国 in 金国藩) are not among them. */
const COMMON_WORD_TAGS = /^(?:n|v|vn|vd|a|ad|an|d|p|c|r|m|q|t|f|b|l|i|u)$/u;

/** Whether the segmenter reads the surname and what follows it as one common word (揭榜|人, 相关|人). */
function surnameFuses(candidate: string, surnameLength: number): boolean {
  return fusesAfter(`${surnameLength}${candidate}`);
}

const fusesAfter = memoize(key => {
  const surnameLength = Number(key[0]);
  const candidate = key.slice(1);
  const first = nodejieba.tag(candidate)[0]!;
  return first.word.length > surnameLength && first.word !== candidate && COMMON_WORD_TAGS.test(first.tag);
});

/** Whether the segmenter, reading the window, puts a word across position at (工作部 across 党群工|作部). */
function wordRunsAcross(window: string, at: number): boolean {
  return runsAcross(`${at}:${window}`);
}

const runsAcross = memoize(key => {
  const colon = key.indexOf(':');
  const at = Number(key.slice(0, colon));
  let position = 0;
  for (const word of nodejieba.cut(key.slice(colon + 1))) {
    if (position < at && position + word.length > at) return true;
    position += word.length;
  }
  return false;
});

/**
 * A candidate that reads as ordinary words is not a name: the whole is one word (单位, 高度) or a
 * frequent entry that is not a person (沙特, 师生; with no title beside it, any common word, 文明);
 * beyond the commonest surnames, the surname and the next character make a common word (毕业后, 通道上,
 * 师生代); an ambiguous surname's given name is a common word (国组成), a function word's is any word at
 * all (向习近平).
 */
function readsAsOrdinaryWords(candidate: string, surnameLength: number, evidence: NameEvidence): boolean {
  if (TITLE_HEADS.includes(candidate)) return true;
  // Two-character entries are where the dictionary's words and places hide (沙特, 师生); its
  // three-character names are people, often well known (李鸿忠), whatever their frequency.
  if (isOneWord(candidate) || (candidate.length === 2 && isFrequentNonPerson(candidate, WORD_FREQUENCY))) return true;
  if (candidate.length === 3 && isFrequentNonPerson(candidate.slice(1), GIVEN_WORD_FREQUENCY)) return true;
  if (evidence === 'bare' && ((candidate.length === 2 && frequencyOf(candidate) >= COMMON_FREQUENCY * 2) || surnameFuses(candidate, surnameLength))) return true;
  if (surnameLength !== 1) return false;
  const surname = candidate[0]!;
  const given = candidate.slice(1);
  if (FUNCTION_WORD_SURNAMES.has(surname)) return given.length === 1 || isKnownWord(given) || isKnownWord(candidate.slice(0, 2));
  if (evidence === 'bare' && given === '方') return true;
  if (!COMMON_SURNAMES.has(surname) && (candidate.length === 3 || evidence === 'bare') && isCommonWord(candidate.slice(0, 2), COMMON_FREQUENCY)) return true;
  return AMBIGUOUS_SURNAMES.has(surname) && given.length === 2 && isCommonWord(given, COMMON_FREQUENCY);
}

function isGivenName(text: string, start: number, length: number): boolean {
  const given = text.slice(start, start + length);
  if (given.length !== length) return false;
  for (const character of given) if (!HAN.test(character) || NEVER_IN_GIVEN_NAME.has(character)) return false;
  if (length === 1 && SHORT_FORMS.has(given)) return false;
  return NOT_GIVEN_STARTS.at(text, start) === undefined;
}

/**
 * A surname and a given name of two or one characters that a boundary follows. The longer reading wins
 * unless its last character starts the next word; a reading that ends before a one-character word is
 * refused where the segmenter reads a word across its end (党群工|作部 is 党群/工作部).
 */
function hanNameAt(text: string, index: number, surnameLength: number, evidence: NameEvidence): string | null {
  // 宣讲党的…, 调研组: a verb of the meeting starting at the surname is the verb, not a name.
  if (ROLE_WORD_STARTS.at(text, index) !== undefined) return null;
  const start = index + surnameLength;
  const fits = (length: number) => {
    if (!isGivenName(text, start, length)) return false;
    const end = start + length;
    const boundary = boundaryAt(text, end);
    if (boundary === null || (boundary === 'weak' && wordRunsAcross(text.slice(index, end + 3), end - index))) return false;
    return !readsAsOrdinaryWords(text.slice(index, end), surnameLength, evidence);
  };
  const long = fits(2);
  if (long && !(WEAK_LAST_GIVEN.has(text[start + 1]!) && fits(1))) return text.slice(index, start + 2);
  if (fits(1)) return text.slice(index, start + 1);
  return null;
}

/** 张王淑芬: a common surname, a second surname, and a given name of two characters. */
function doubleSurnameNameAt(text: string, index: number): string | null {
  if (!COMMON_SURNAMES.has(text[index]!) || FUNCTION_WORD_SURNAMES.has(text[index]!) || !SINGLE_SURNAMES.has(text[index + 1] ?? '')) return null;
  if (!isGivenName(text, index + 1, 1) || !isGivenName(text, index + 2, 2) || !isNameBoundary(text, index + 4)) return null;
  if (isKnownWord(text.slice(index + 1, index + 4)) || isOneWord(text.slice(index + 1, index + 3)) || isOneWord(text.slice(index + 2, index + 4))) return null;
  return text.slice(index, index + 4);
}

/**
 * 巴沙尔·阿萨德, 卡尔十六世·古斯塔夫: two or more parts of Han characters joined by middle dots. A part
 * holds no word of the sentence around it: the first starts after any title (议员|塞维姆·达), and the last
 * ends at a boundary of a name (萨勒曼|对, 麦麦提|出席), else before the first common word the segmenter
 * finds (布鲁斯·艾尔沃德|近期, 谢里夫|专访).
 */
function dottedNameAt(text: string, index: number): string | null {
  const firstDot = text.slice(index, index + 8).search(NAME_DOT);
  if (firstDot < 1) return null;
  const first = text.slice(index, index + firstDot);
  if (!/^\p{Script=Han}+$/u.test(first) || nameLeadOf(first).length !== first.length || placeBeforeName(first) || hasParticle(first)) return null;
  let partStart = index + firstDot + 1;
  for (;;) {
    let run = partStart;
    while (run < text.length && run - partStart < 8 && HAN.test(text[run]!)) run++;
    if (run === partStart) return null;
    if (NAME_DOT.test(text[run] ?? '') && HAN.test(text[run + 1] ?? '')) {
      if (nameLeadOf(text.slice(partStart, run)).length !== run - partStart || hasParticle(text.slice(partStart, run))) return null;
      partStart = run + 1;
      continue;
    }
    // A particle ends the name where it stands (翁丁巴|将于); of the words that may follow a name, the
    // last within four characters (麦麦|提出席 and 麦麦提|出席 both fit: the longer wins), else the first.
    let particle = Infinity;
    const ends: number[] = [];
    for (let at = partStart + 1; at <= run; at++) {
      if (DOTTED_NAME_END.has(text[at] ?? '')) particle = Math.min(particle, at);
      else if (boundaryAt(text, at) === 'strong') ends.push(at);
    }
    const near = Math.min(particle, ends.filter(at => at - partStart <= 4).at(-1) ?? Infinity);
    // Nothing within four characters: the name ends where the segmenter finds a word of the sentence (转交).
    const end = near - partStart <= 4 ? near : Math.min(near, ends[0] ?? Infinity, partStart + nameLeadOf(text.slice(partStart, run), true).length);
    return end > partStart ? text.slice(index, end) : null;
  }
}

/** Words of institutions that end a name written before them (约翰·冯·诺伊曼|大学). */
const INSTITUTION = /(?:大学|学院|中心|公司|基金会|研究所|研究院|集团|银行|协会|委员会|政府|议会|国会)$/u;
/** One-character words that end a foreign name: prepositions and particles (萨勒曼|对, 阿萨德|在). */
const DOTTED_NAME_END = new Set('对在与和将的向同等及于从以把被给让说称也还就是为会到赴来时'.split(''));
/** A word used this often is the sentence's, not part of a transliterated name (近期, 专访, 致电). */
const SENTENCE_WORD = 300;

/** 对威廉, 史密斯和埃米: a particle inside a part means the part is not all name. */
function hasParticle(part: string): boolean {
  return [...part].some(character => DOTTED_NAME_END.has(character));
}

/** 匈牙利约翰: a place written before the first part of a name (a single word may be a name jieba calls a place, 巴沙尔). */
function placeBeforeName(first: string): boolean {
  const words = nodejieba.tag(first);
  return words.length > 1 && words.some(({ tag }) => tag === 'ns');
}

/**
 * The leading characters of a part that are name, not sentence: up to the first common word, title,
 * institution or place the segmenter finds, and in a name's last part its first verb (阿萨德|转交).
 */
function nameLeadOf(part: string, last = false): string {
  let length = 0;
  for (const { word, tag } of nodejieba.tag(part)) {
    if ((word.length > 1 && (isCommonWord(word, SENTENCE_WORD) || (last && tag === 'v'))) || TITLE_HEADS.some(head => word.endsWith(head)) || INSTITUTION.test(word)) break;
    if (tag === 'ns' && length > 0) break;
    length += word.length;
  }
  return part.slice(0, length);
}

/** 拜登, 古特雷斯: two to six transliteration characters, only where a title has just announced a name. */
function transliteratedNameAt(text: string, index: number): string | null {
  let end = index;
  while (end < text.length && end - index < 6 && TRANSLITERATION.has(text[end]!)) end++;
  for (let length = end - index; length >= 2; length--) {
    const candidate = text.slice(index, index + length);
    if (isNameBoundary(text, index + length)) return isOneWord(candidate) || isFrequentNonPerson(candidate, WORD_FREQUENCY) ? null : candidate;
  }
  return null;
}

/**
 * The personal name that starts at index in folded text, if a name's shape and a boundary after it fit.
 * Where a title has just announced a name (foreign), a transliterated foreign name is accepted too.
 */
export function nameAt(text: string, index: number, evidence: NameEvidence, foreign = evidence === 'titled'): string | null {
  if (!HAN.test(text[index] ?? '')) return null;
  const dotted = dottedNameAt(text, index);
  if (dotted) return dotted;
  const surname = surnameAt(text, index);
  if (surname) {
    const name = hanNameAt(text, index, surname.length, evidence);
    if (name) return name;
    if (surname.length === 2) {
      const single = SINGLE_SURNAMES.has(text[index]!) ? hanNameAt(text, index, 1, evidence) : null;
      if (single) return single;
    }
    const double = doubleSurnameNameAt(text, index);
    if (double) return double;
  }
  return foreign ? transliteratedNameAt(text, index) : null;
}
