import nodejieba from 'nodejieba';
import { AFTER_NAME_WORDS, COMPOUND_SURNAMES, NOT_IN_GIVEN_NAME, ROLE_VERBS, SINGLE_SURNAMES } from './lexicon';

const HAN = /^\p{Script=Han}$/u;

/** What may follow a name: punctuation, an honorific, a role verb, or a word that starts a predicate. */
const AFTER_NAME = [
  ...AFTER_NAME_WORDS,
  ...Object.values(ROLE_VERBS).flat(),
  '在', '对', '就', '为', '和', '与', '及', '等', '作', '做', '一同', '分别', '代表', '率', '带领', '陪同', '也', '还', '则', '向', '以', '从',
  '通过', '结合', '围绕', '针对', '首先', '随后', '最后', '同时', '的', '委托', '被', '是', '说', '认为', '回顾', '宣布', '带头', '亲自', '先后', '一行',
  '上台', '表态', '传达', '充分', '详细', '深入', '现场', '共同', '逐一', '主讲', '谈', '用', '等人',
];
const PUNCTUATION = /^[\s，。；：、,.;:!?！？“”‘’"'（）()《》〈〉【】\[\]—…·丨|]$/u;

export function isNameBoundary(text: string, index: number): boolean {
  if (index >= text.length) return true;
  if (PUNCTUATION.test(text[index]!)) return true;
  return AFTER_NAME.some(word => text.startsWith(word, index));
}

function surnameAt(text: string, index: number): string | null {
  const compound = COMPOUND_SURNAMES.find(surname => text.startsWith(surname, index));
  if (compound) return compound;
  const single = text[index]!;
  return SINGLE_SURNAMES.has(single) ? single : null;
}

const dictionaryVerdicts = new Map<string, boolean>();

/**
 * A candidate that the segmenter's dictionary knows as one ordinary word (单位, 全体, 高度) is not a
 * name; names it knows (nr) or does not know at all pass.
 */
function isOrdinaryWord(candidate: string): boolean {
  let verdict = dictionaryVerdicts.get(candidate);
  if (verdict === undefined) {
    const tagged = nodejieba.tag(candidate);
    verdict = tagged.length === 1 && tagged[0]!.word === candidate && !tagged[0]!.tag.startsWith('nr') && tagged[0]!.tag !== 'x';
    dictionaryVerdicts.set(candidate, verdict);
  }
  return verdict;
}

/**
 * The personal name that starts at index in folded text, if one does: a surname (compound first) and a
 * given name of one or two characters, followed by something that may follow a name. The longer
 * reading wins where both fit (杨光明出席, not 杨光).
 */
export function nameAt(text: string, index: number): string | null {
  const surname = surnameAt(text, index);
  if (!surname) return null;
  for (const givenLength of [2, 1]) {
    const start = index + surname.length;
    const given = text.slice(start, start + givenLength);
    if (given.length !== givenLength) continue;
    if (![...given].every(ch => HAN.test(ch) && !NOT_IN_GIVEN_NAME.has(ch))) continue;
    if (!isNameBoundary(text, start + givenLength)) continue;
    const name = surname + given;
    if (isOrdinaryWord(name)) continue;
    return name;
  }
  return null;
}
