import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summarizeArticle } from '../src/meetings/summarize';
import { findParticipants } from '../src/people/participants';
import { WordPositions } from '../src/people/word-positions';
import { warmUpSegmenter } from '../src/text/segment';
import { articleFrom } from './helpers';

/**
 * Analysis time grows at most linearly with the text, whatever the text: the time for n characters
 * and for 4n are compared (a ratio, so the machine's speed does not matter), on text built to be slow,
 * with no punctuation for pages, and titles, names and verbs repeated without end.
 */

/** Pieces of the genre that make the analysis look hard: titles, names, verbs, lists, cues, dates. */
const PIECES = [
  '党委书记', '董事长', '总经理', '副总经理', '副院长', '党组书记', '主任', '同志', '總經理', '董事長',
  '张伟', '李强', '王立', '陈明', '侯景濱', '俞培根', '习近平', '总书记',
  '主持', '出席', '参加', '讲话', '召开', '会见', '会见了', '致辞', '主持会议并讲话', '出席会议', '先后发言', '分别讲话',
  '、', '和', '及', '受', '向', '致以', '祝贺', '学习', '传达', '重要讲话精神', '强调', '指出', '的讲话',
  '集团', '公司', '研究院', '党委', '会议', '座谈会', '学习会', '工作会',
  '3月1日', '2023年', '昨日', '（', '）', '(xué)', '记者', '责任编辑：', '的', '一是', '要', '工作',
];
/** A unit repeated until the text is long enough: one run with no stop in it, or, now and then, a few. */
const unit = fc
  .tuple(fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 16 }), fc.constantFrom('', '', '', '，', '。'))
  .map(([pieces, stop]) => pieces.join('') + stop);

const SMALL = 25_000;
const LARGE = 4 * SMALL;
/** Linear time gives about 4; quadratic, 16. Between them, room for a busy machine. */
const MAX_RATIO = 8;

function textOf(piece: string, length: number): string {
  return piece.repeat(Math.ceil(length / piece.length)).slice(0, length);
}

function timeToAnalyse(text: string): number {
  const article = articleFrom('adversarial', text);
  const started = performance.now();
  summarizeArticle(article, findParticipants(article));
  return performance.now() - started;
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[values.length >> 1]!;
}

describe('analysis time', () => {
  it(`grows at most linearly: ${LARGE.toLocaleString('en')} characters take under ${MAX_RATIO} times as long as ${SMALL.toLocaleString('en')}`, () => {
    warmUpSegmenter();
    const ratios: string[] = [];
    fc.assert(
      fc.property(unit, piece => {
        const small = textOf(piece, SMALL);
        const large = textOf(piece, LARGE);
        timeToAnalyse(small);
        // Interleaved, so that a moment of load elsewhere falls on both sizes alike.
        const smallTimes: number[] = [];
        const largeTimes: number[] = [];
        for (let run = 0; run < 3; run++) {
          smallTimes.push(timeToAnalyse(small));
          largeTimes.push(timeToAnalyse(large));
        }
        const ratio = median(largeTimes) / Math.max(median(smallTimes), 1);
        ratios.push(`${ratio.toFixed(1)} (${Math.round(median(smallTimes))} → ${Math.round(median(largeTimes))} ms) for ${JSON.stringify(piece.slice(0, 30))}`);
        expect(ratio).toBeLessThan(MAX_RATIO);
      }),
      // First runs that once took quadratic time (a title, a name and a verb, over and over), then mixtures; the seed keeps them the same.
      { numRuns: 7, seed: 20261122, examples: [['副院长李强会见'], ['工作副院长李强同志'], ['党委书记董事长张三主持会议并讲话总经理李四出席会议']] },
    );
    process.stderr.write(`analysis time, ${LARGE} / ${SMALL} characters:\n  ${ratios.join('\n  ')}\n`);
  }, 120_000);
});

describe('WordPositions', () => {
  it('says whether a range holds one of the words exactly as slicing and searching it would', () => {
    const characters = fc.constantFrom('学', '习', '传', '达', '致', '意', '都', 'a', '、', '\n', '😀');
    fc.assert(
      fc.property(
        fc.array(characters, { maxLength: 40 }).map(parts => parts.join('')),
        fc.array(fc.array(characters, { minLength: 1, maxLength: 3 }).map(parts => parts.join('')), { maxLength: 4 }),
        fc.integer({ min: 0, max: 45 }),
        fc.integer({ min: 0, max: 45 }),
        (text, words, from, to) => {
          const expected = words.some(word => text.slice(from, to).includes(word));
          expect(new WordPositions(text, words).within(from, to)).toBe(expected);
        },
      ),
      { numRuns: 2000, seed: 7 },
    );
  });
});
