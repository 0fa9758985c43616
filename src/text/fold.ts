import * as OpenCC from 'opencc-js';

/**
 * Folding: the one rule by which queries and articles are compared.
 *
 * NFKC (full-width to half-width), lower case, whitespace dropped, and Traditional to Simplified with
 * OpenCC's tw→cn table applied to each character alone. Per character, never per phrase: OpenCC's
 * phrase rules depend on context (著名 stays 著名 while 著 alone becomes 着), so a short query and the
 * same characters inside an article would otherwise fold differently.
 */

/** Folded text and, for every folded UTF-16 unit, the index of the source unit it came from. */
export interface FoldedText {
  readonly text: string;
  readonly sourceIndex: Uint32Array;
}

const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });

const WHITESPACE = /^\s+$/u;
const COMBINING_MARK = /^\p{M}$/u;

/** Folded form of each BMP code unit, computed on first sight. */
const bmpFolds: (string | undefined)[] = new Array(0x10000);
const astralFolds = new Map<string, string>();

function foldUnit(unit: string): string {
  const normalized = unit.normalize('NFKC').toLowerCase();
  let out = '';
  for (const ch of normalized) {
    if (WHITESPACE.test(ch)) continue;
    const simplified = toSimplified(ch);
    // A few characters fold to astral ones; keeping lengths equal keeps folding per character.
    out += simplified.length === ch.length ? simplified : ch;
  }
  return out;
}

function foldBmp(code: number): string {
  let folded = bmpFolds[code];
  if (folded === undefined) {
    folded = foldUnit(String.fromCharCode(code));
    bmpFolds[code] = folded;
  }
  return folded;
}

/** A unit of several code units: an astral character (its fold kept), or a character with combining marks. */
function foldSlice(source: string, start: number, end: number): string {
  const unit = source.slice(start, end);
  if (end - start !== 2 || isCombiningMarkAt(source, start + 1)) return foldUnit(unit);
  let folded = astralFolds.get(unit);
  if (folded === undefined) {
    folded = foldUnit(unit);
    astralFolds.set(unit, folded);
  }
  return folded;
}

const markCache = new Int8Array(0x10000);

function isCombiningMarkAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code < 0x300) return false;
  if (code >= 0xd800 && code <= 0xdfff) return COMBINING_MARK.test(String.fromCodePoint(text.codePointAt(index)!));
  let known = markCache[code]!;
  if (known === 0) {
    known = COMBINING_MARK.test(text[index]!) ? 1 : -1;
    markCache[code] = known;
  }
  return known === 1;
}

/**
 * Folds text and keeps the way back: every folded unit points at the source unit it came from, so a
 * match in folded text is shown in the article's own words. A base character with combining marks is
 * normalised as one unit, so that NFKC can compose them.
 */
export function foldWithMap(source: string): FoldedText {
  return foldUnitsWithMap(source) ?? foldEachUnitWithMap(source);
}

/**
 * foldWithMap's fast path, as fold's: text whose every unit folds to one unit or none, straight into a
 * buffer (a page's snippets fold the start of each hit's text); null for anything else.
 */
function foldUnitsWithMap(source: string): FoldedText | null {
  if (foldBuffer.length < source.length) foldBuffer = new Uint16Array(source.length * 2);
  const sourceIndex = new Uint32Array(source.length + 1);
  let length = 0;
  for (let i = 0; i < source.length; i++) {
    const folded = foldCodeOf(source.charCodeAt(i));
    if (folded >= 0) {
      sourceIndex[length] = i;
      foldBuffer[length++] = folded;
    } else if (folded === COMPLEX) return null;
  }
  sourceIndex[length] = source.length;
  return { text: Buffer.from(foldBuffer.buffer, 0, length * 2).toString('utf16le'), sourceIndex: sourceIndex.subarray(0, length + 1) };
}

function foldEachUnitWithMap(source: string): FoldedText {
  const parts: string[] = [];
  // Usually one folded unit per source unit, but NFKC can expand one character into many (㌀ is アパート).
  let sourceIndex = new Uint32Array(source.length + 1);
  let length = 0;
  let i = 0;
  while (i < source.length) {
    const start = i;
    i = unitEnd(source, i);
    // Most units are one BMP character: its fold is looked up by code, without slicing the text.
    const folded = i - start === 1 ? foldBmp(source.charCodeAt(start)) : foldSlice(source, start, i);
    if (folded.length === 0) continue;
    parts.push(folded);
    if (length + folded.length >= sourceIndex.length) {
      const grown = new Uint32Array(Math.max(sourceIndex.length * 2, length + folded.length + 1));
      grown.set(sourceIndex);
      sourceIndex = grown;
    }
    for (let k = 0; k < folded.length; k++) sourceIndex[length++] = start;
  }
  const text = parts.join('');
  const trimmed = sourceIndex.slice(0, length + 1);
  trimmed[length] = source.length;
  return { text, sourceIndex: trimmed };
}

const LINE_BREAK_STAND_IN = '\u0001';

/**
 * Folds text for analysis: like foldWithMap, but line breaks are kept, since a headline or a photo
 * caption ends at its line and no name or clause may run across one.
 */
export function foldForAnalysis(source: string): FoldedText {
  const folded = foldWithMap(source.replaceAll('\n', LINE_BREAK_STAND_IN));
  return { text: folded.text.replaceAll(LINE_BREAK_STAND_IN, '\n'), sourceIndex: folded.sourceIndex };
}

/** What a BMP unit folds to, for fold's fast path: a single unit, nothing, or "take the whole path". */
const UNKNOWN = -1;
const DROPPED = -2;
const COMPLEX = -3;
const foldCodes = new Int32Array(0x10000).fill(UNKNOWN);

function foldCodeOf(code: number): number {
  let folded = foldCodes[code]!;
  if (folded !== UNKNOWN) return folded;
  const isSurrogate = code >= 0xd800 && code <= 0xdfff;
  const unit = isSurrogate ? '' : foldBmp(code);
  if (isSurrogate || isCombiningMarkAt(String.fromCharCode(code), 0)) folded = COMPLEX;
  else if (unit.length === 0) folded = DROPPED;
  else folded = unit.length === 1 ? unit.charCodeAt(0) : COMPLEX;
  foldCodes[code] = folded;
  return folded;
}

let foldBuffer = new Uint16Array(4096);

/**
 * Folds text for comparison, without the way back. Text whose every unit folds to one unit or none
 * (nearly all of it) is folded straight into a buffer: the corpus is folded at every build and texts
 * again for the few hits a page shows. Anything else takes foldWithMap's unit by unit path, which gives the same.
 */
export function fold(text: string): string {
  if (foldBuffer.length < text.length) foldBuffer = new Uint16Array(text.length * 2);
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const folded = foldCodeOf(text.charCodeAt(i));
    if (folded >= 0) foldBuffer[length++] = folded;
    else if (folded === COMPLEX) return foldEachUnitWithMap(text).text;
  }
  return Buffer.from(foldBuffer.buffer, 0, length * 2).toString('utf16le');
}

/** The folded start of a text, and whether it is the whole. */
export interface FoldedStart {
  readonly text: string;
  readonly whole: boolean;
}

/** Folds a text's first `length` units (to the end of a unit), or all of it. */
export function foldPrefix(source: string, length: number): FoldedStart {
  const end = length >= source.length ? source.length : unitBoundary(source, length);
  return { text: fold(end === source.length ? source : source.slice(0, end)), whole: end === source.length };
}

/** Source range [start, end) of the folded range [foldedStart, foldedEnd). */
export function sourceRange(source: string, folded: FoldedText, foldedStart: number, foldedEnd: number): [number, number] {
  const start = folded.sourceIndex[foldedStart]!;
  return [start, unitEnd(source, folded.sourceIndex[foldedEnd - 1]!)];
}

/**
 * The first index at or after `index` where a folding unit starts. Folding is per unit, so the folded
 * text of source.slice(0, unitBoundary(source, n)) is exactly the start of the whole text's.
 */
export function unitBoundary(source: string, index: number): number {
  let at = Math.min(index, source.length);
  while (at > 0 && at < source.length) {
    const code = source.charCodeAt(at);
    const previous = source.charCodeAt(at - 1);
    const lowAfterHigh = code >= 0xdc00 && code <= 0xdfff && previous >= 0xd800 && previous <= 0xdbff;
    if (!lowAfterHigh && !isCombiningMarkAt(source, at)) break;
    at++;
  }
  return at;
}

/** End of the folding unit that starts at index: the code point and any combining marks after it. */
function unitEnd(source: string, index: number): number {
  let end = index + (source.codePointAt(index)! > 0xffff ? 2 : 1);
  while (end < source.length && isCombiningMarkAt(source, end)) end += source.codePointAt(end)! > 0xffff ? 2 : 1;
  return end;
}
