import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../src/corpus/load';
import { Library } from '../src/library/library';
import { articleFrom, converse, OPTIONS_CORPUS } from './helpers';

describe('the console', () => {
  it('answers /search with each mention in context, and ends at end of input', async () => {
    const text = await converse(['/search 新質生產力']);
    expect(text).toContain('1 article, 2 mentions');
    expect(text).toContain('關于發展**新質生產力**的重要論述');
    expect(text).toContain('集體學習習近平總書記關于**新質生產力**、加快傳統產業');
  });

  it('pages through the last search with /next and /prev', async () => {
    const library = new Library(Array.from({ length: 12 }, (_, n) => articleFrom(`a${String(n).padStart(2, '0')}`, `第${n}次會議部署改革。`)));
    const text = await converse(['/search 改革', '/next', '/next', '/prev', '/help'], 'en', library);
    expect(text.match(/Page \d of \d/g)).toEqual(['Page 1 of 3', 'Page 2 of 3', 'Page 3 of 3', 'Page 2 of 3']);
    expect(text).toContain('11. **第10次會議部署改革**');
    expect(text).toContain('/search <phrase>');
  });

  it('pages through a long article read with /read, and its passages with a phrase', async () => {
    const library = new Library([articleFrom('long', `年度工作會議召開\n${'會議要求抓好落實，推動改革。'.repeat(600)}`)]);
    const text = await converse(['/read long', '/next', '/read long 改革', '/next'], 'en', library);
    expect(text.match(/Page \d of \d/g)).toEqual(['Page 1 of 4', 'Page 2 of 4', 'Page 1 of 4', 'Page 2 of 4']);
    expect(text).toContain('600 mentions of “改革”\n\n> 會議要求抓好落實，推動**改革**。');
  });

  it('says so at either end of the results, and when there is nothing to page', async () => {
    const library = new Library(Array.from({ length: 7 }, (_, n) => articleFrom(`a${n}`, `第${n}次會議部署改革。`)));
    const answers = (await converse(['/next', '/search 改革', '/prev', '/next', '/next'], 'en', library)).split('\n').filter(line => /^(Page|This is|No search)/.test(line));
    expect(answers).toEqual(['No search to page through yet; run /search first.', 'Page 1 of 2', 'This is the first page.', 'Page 2 of 2', 'This is the last page.']);
    const chinese = await converse(['/search 改革', '/prev'], 'zh-TW', library);
    expect(chinese).toContain('已經是第一頁。');
  });

  it('speaks the reader’s language in its help and its refusals', async () => {
    const traditional = await converse(['/help', '/frobnicate'], 'zh-TW');
    expect(traditional).toContain('命令（與 Discord 中相同；開頭的斜線可以省略）：');
    expect(traditional).toContain('沒有「frobnicate」這個命令。');
    expect(traditional).not.toContain('Commands (');
    expect(await converse(['/help'], 'zh-CN')).toContain('在控制台中，/next 和 /prev 翻阅上一次搜索、阅读或人物的结果');
  });

  it('says which commands exist when given an unknown one', async () => {
    const text = await converse(['/frobnicate']);
    expect(text).toContain('Unknown command “frobnicate”.');
    expect(text).toContain('/summary <article> | --all');
  });

  it('answers /trend with phrases separated by commas, as in Discord, and its options', async () => {
    const library = new Library((await loadCorpus(OPTIONS_CORPUS)).articles);
    const text = await converse(['/trend 新質生產力，高質量發展 --by quarter --measure mentions --from 2024', '/trend 新質生產力 --by week'], 'zh-TW', library);
    expect(text.split('\n')).toEqual([
      '**趨勢：「新質生產力」、「高質量發展」**',
      '按季度 · 2024-Q1 至 2024-Q3 · 提及次數',
      '',
      '**新質生產力** · 8 篇文章，共 12 處提及 · 最早 2024-Q1 · 高峰 2024-Q1（7 處提及） · 另有 2 篇沒有完整日期，未計入',
      '**高質量發展** · 8 篇文章，共 8 處提及 · 最早 2024-Q1 · 高峰 2024-Q1（4 處提及） · 另有 2 篇沒有完整日期，未計入',
      '時間單位可為 month、quarter 或 year，而不是「week」。',
      '',
    ]);
    expect(await converse(['/help'])).toContain('/trend <phrase>, <phrase>');
  });

  it('shows Simplified text to a zh-CN reader', async () => {
    const text = await converse(['/search 新質生產力'], 'zh-CN');
    expect(text).toContain('1 篇文章，共 2 处提及');
    expect(text).toContain('关于发展**新质生产力**的重要论述');
  });
});
