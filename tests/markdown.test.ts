import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Library } from '../src/library/library';
import { lookUpArticle } from '../src/replies/article-lookup';
import { escapeMarkdown } from '../src/replies/markdown';
import { searchReply } from '../src/replies/search';
import { renderForTerminal } from '../src/terminal/render';
import { articleFrom } from './helpers';

/** A line Discord draws as a heading (#, ##, ###) or as subtext (-#), quoted or not. */
const HEADING = /^(> )?\s*(#{1,3}|-#)[ \t]/m;

/** Every inline code span of a reply text: what Discord shows between a pair of backticks. */
const codeSpans = (text: string) => text.replace(/\\`/g, '').match(/`[^`]*`/g) ?? [];

describe('markdown escaping', () => {
  it('keeps headings and subtext at a line start from being drawn as such', () => {
    for (const marker of ['#', '##', '###', '-#']) {
      const escaped = escapeMarkdown(`第一行\n${marker} 標題\n  ${marker} 縮進`);
      expect(escaped).not.toMatch(HEADING);
      expect(renderForTerminal({ cards: [{ title: '', description: escaped, fields: [] }] }, false)).toBe(`第一行\n${marker} 標題\n  ${marker} 縮進`);
    }
  });

  it('leaves no heading in any text', () => {
    const line = fc
      .tuple(fc.constantFrom('', ' ', '  ', '\t'), fc.constantFrom('#', '##', '###', '####', '-#', '#-', '-', '>', '1.', ''), fc.constantFrom(' ', '\t', ''), fc.string({ maxLength: 8 }))
      .map(parts => parts.join(''));
    const text = fc.array(line, { maxLength: 6 }).map(lines => lines.join('\n'));
    fc.assert(fc.property(text, source => !HEADING.test(escapeMarkdown(source))));
  });

  it('keeps a heading in an article out of search snippets', async () => {
    const library = new Library([articleFrom('headings', '集團召開會議。\n## 改革發展\n### 改革深化\n-# 改革小字')]);
    const description = (await searchReply(library, '改革', 0, 'en')).cards[0]!.description;
    expect(description).toContain('**改革**');
    expect(description).not.toMatch(HEADING);
  });

  it('keeps ids with line breaks and backticks inside their code spans', async () => {
    const id = 'line\nbreak`tick\r\nend';
    const library = new Library([
      { ...articleFrom('x', '集團召開改革會議。'), id },
      { ...articleFrom('y', '公司召開安全會議。'), id: `${id}2` },
    ]);
    const search = (await searchReply(library, '改革', 0, 'en')).cards[0]!.description;
    expect(codeSpans(search)).toEqual(["`line break'tick end`"]);
    // Named by the start both ids share, the reply lists them, each in a code span of its own.
    const lookup = await lookUpArticle(library, 'line', 'en');
    expect('cards' in lookup && codeSpans(lookup.cards[0]!.description)).toEqual(["`line break'tick end`", "`line break'tick end2`"]);
  });
});
