import { describe, expect, it } from 'vitest';
import { Library } from '../src/library';
import { articleFrom, converse } from './helpers';

describe('the console', () => {
  it('answers /search with each mention in context, and ends at end of input', async () => {
    const text = await converse(['/search 新質生產力']);
    expect(text).toContain('1 article, 2 mentions');
    expect(text).toContain('關于發展**新質生產力**的重要論述');
    expect(text).toContain('集體學習習近平總書記關于**新質生產力**、加快傳統產業');
  });

  it('pages through the last search with /next and /prev', async () => {
    const library = new Library(Array.from({ length: 12 }, (_, n) => articleFrom(`a${String(n).padStart(2, '0')}`, `第${n}次會議部署改革。`)));
    const text = await converse(['/search 改革', '/next', '/next', '/next', '/prev', '/help'], 'en', library);
    expect(text.match(/Page \d of \d/g)).toEqual(['Page 1 of 3', 'Page 2 of 3', 'Page 3 of 3', 'Page 3 of 3', 'Page 2 of 3']);
    expect(text).toContain('11. **第10次會議部署改革**');
    expect(text).toContain('/search <phrase>');
  });

  it('says which commands exist when given an unknown one', async () => {
    expect(await converse(['/frobnicate'])).toContain('Unknown command "frobnicate"');
  });

  it('shows Simplified text to a zh-CN reader', async () => {
    const text = await converse(['/search 新質生產力'], 'zh-CN');
    expect(text).toContain('1 篇文章，共 2 处提及');
    expect(text).toContain('关于发展**新质生产力**的重要论述');
  });
});
