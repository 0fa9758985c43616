import { describe, expect, it } from 'vitest';
import { BUNDLED_DATA_DIR } from '../src/config';
import { loadCorpus } from '../src/corpus/load';
import { removePinyinAnnotations } from '../src/text/pinyin';
import { fold, foldWithMap, sourceRange } from '../src/text/fold';

describe('fold', () => {
  it('folds Traditional and Simplified to the same text', () => {
    expect(fold('新質生產力')).toBe(fold('新质生产力'));
    expect(fold('黨委書記、董事長')).toBe('党委书记、董事长');
  });

  it('folds each character alone, so a short query folds as it does inside a phrase', () => {
    // OpenCC's phrase table keeps 著名, but 著 alone folds to 着: per character, both give 着.
    expect(fold('著')).toBe('着');
    expect(fold('著名')).toBe('着名');
    expect(fold('顯著')).toContain(fold('著'));
  });

  it('folds the conversion slips of the corpus with the characters they stand for', () => {
    expect(fold('干部')).toBe(fold('幹部'));
  });

  it('turns full-width digits and letters into half-width, lower case', () => {
    expect(fold('２０２３年')).toBe('2023年');
    expect(fold('ＰＳＩＭ技術')).toBe('psim技术');
  });

  it('ignores whitespace of every kind', () => {
    expect(fold('黨員 先行')).toBe(fold('黨員先行'));
    expect(fold('黨員\u3000先行\n')).toBe('党员先行');
  });

  it('maps every folded character back to the text it came from', () => {
    const source = '全國 兩會精神';
    const folded = foldWithMap(source);
    const at = folded.text.indexOf(fold('兩會'));
    expect(source.slice(...sourceRange(source, folded, at, at + 2))).toBe('兩會');
  });

  it('maps an expansion (one character folding to several) back to the whole character', () => {
    const source = '重量為５㎏左右';
    const folded = foldWithMap(source);
    expect(folded.text).toBe('重量为5kg左右');
    const at = folded.text.indexOf('kg');
    expect(source.slice(...sourceRange(source, folded, at, at + 2))).toBe('㎏');
  });

  it('maps a character that expands into many back to itself, however many', () => {
    const source = '新建㌀和ﷺ';
    const folded = foldWithMap(source);
    // More folded units than the source has units: what the map was once sized for.
    expect(folded.text.length).toBeGreaterThan(source.length + 1);
    for (let at = 0; at < folded.text.length; at++) {
      const [start, end] = sourceRange(source, folded, at, at + 1);
      expect(end).toBeGreaterThan(start);
      expect(end).toBeLessThanOrEqual(source.length);
    }
    const apartment = folded.text.indexOf('アパート');
    expect(source.slice(...sourceRange(source, folded, apartment, apartment + 4))).toBe('㌀');
  });

  it('gives what foldWithMap gives, on the bundled articles and on text its fast path cannot take', async () => {
    const { articles } = await loadCorpus(BUNDLED_DATA_DIR);
    const tricky = ['e\u0301 café', '𠀀𡃁 astral', '㌀ expands', 'Ａ１　全角', ' \t\n 空白 ', '\u0301 a mark first', '乾隆 幹部 干部 著名'];
    for (const text of [...articles.flatMap(article => [article.text, article.title]), ...tricky]) expect(fold(text)).toBe(foldWithMap(text).text);
  });

  it('maps back the same whether a text takes the fast path or, holding one unit that needs more, the unit by unit one', async () => {
    const { articles } = await loadCorpus(BUNDLED_DATA_DIR);
    for (const { text } of articles) {
      const fast = foldWithMap(text);
      const slow = foldWithMap(`${text}e\u0301`);
      expect(slow.text).toBe(`${fast.text}é`);
      expect(Array.from(slow.sourceIndex.subarray(0, fast.text.length))).toEqual(Array.from(fast.sourceIndex.subarray(0, fast.text.length)));
      expect(fast.sourceIndex[fast.text.length]).toBe(text.length);
    }
  });

  it('composes a base and its combining marks before comparing', () => {
    expect(fold('cafe\u0301')).toBe(fold('café'));
  });

  it('matches a name across pinyin annotations once they are removed', () => {
    const cleaned = removePinyinAnnotations('中心主任孫(sūn)曉(xiǎo)東(dōng)指出');
    expect(cleaned).toBe('中心主任孫曉東指出');
    expect(fold(cleaned)).toContain(fold('孙晓东'));
  });
});
