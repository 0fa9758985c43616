import { readFileSync } from 'node:fs';
import nodejieba from 'nodejieba';

/**
 * The segmenter's own dictionary, read for how common a word is: jieba's part-of-speech tags call
 * 师生 and 文明 names, but their frequencies say they are words. Only words of two to four characters
 * are kept, the lengths the name and body rules ask about.
 */
interface Entry {
  readonly frequency: number;
  readonly tag: string;
}

/** nodejieba exports its dictionary's path, though its type declarations do not say so. */
const DICTIONARY_PATH = (nodejieba as unknown as { DEFAULT_DICT: string }).DEFAULT_DICT;

let entries: Map<string, Entry> | null = null;

function dictionary(): Map<string, Entry> {
  if (entries) return entries;
  entries = new Map();
  for (const line of readFileSync(DICTIONARY_PATH, 'utf8').split('\n')) {
    const [word, frequency, tag] = line.split(' ');
    if (word && word.length >= 2 && word.length <= 4 && frequency) entries.set(word, { frequency: Number(frequency), tag: tag ?? '' });
  }
  return entries;
}

const NAME_TAG = /^nr/u;

/** Whether the dictionary knows text as an ordinary word used at least minFrequency times (not a name). */
export function isCommonWord(text: string, minFrequency: number): boolean {
  const entry = dictionary().get(text);
  return entry !== undefined && entry.frequency >= minFrequency && !NAME_TAG.test(entry.tag);
}

/** How often the dictionary says text is used, whatever it calls it (0 when it does not know it). */
export function frequencyOf(text: string): number {
  return dictionary().get(text)?.frequency ?? 0;
}

/** Three-character entries used this often are words even when tagged as names (白皮书, 95). */
const RARE_THREE_CHARACTER_WORD = 50;

/** Tags of the dictionary's entries for particular people (李强, 习近平) and transliterated names (拜登). */
const PERSON_TAG = /^(?:nrfg|nrt)$/u;

/**
 * Whether the dictionary has text as a frequent entry that is not a particular person: 沙特 (221), 师生
 * (634) and 宣言 (1,817) are tagged as names by jieba but used as words; 普京 (171) and 李强 are not.
 */
export function isFrequentNonPerson(text: string, minFrequency: number): boolean {
  const entry = dictionary().get(text);
  return entry !== undefined && entry.frequency >= minFrequency && !PERSON_TAG.test(entry.tag);
}

/** Whether the dictionary has text as a particular person's name (习近平, 李强). */
export function isKnownPerson(text: string): boolean {
  const entry = dictionary().get(text);
  return entry !== undefined && (PERSON_TAG.test(entry.tag) || (entry.tag === 'nr' && text.length === 3 && entry.frequency < RARE_THREE_CHARACTER_WORD));
}

/** Whether the dictionary knows text at all, as a word or a name. */
export function isKnownWord(text: string): boolean {
  return dictionary().has(text);
}
