import { describe, expect, it } from 'vitest';
import { summarizeArticle, SUMMARY_MAX } from '../src/meetings/summarize';
import { findParticipants } from '../src/people/participants';
import { findDates } from '../src/text/dates';
import { articleFrom, bundledLibrary } from './helpers';

function summarize(text: string) {
  const article = articleFrom('test', text);
  return summarizeArticle(article, findParticipants(article));
}

describe('meeting dates', () => {
  it('reads a full date with its year', () => {
    expect(summarize('2022年6月17日，我院黨委組織召開黨委擴大會議。').meetings[0]!.date).toEqual({ text: '2022年6月17日', year: 2022, month: 6, day: 17, evidence: [0, 10] });
  });

  it('does not invent a year for 3月25日', () => {
    expect(summarize('3月25日，中國樂凱黨委組織召開中心組學習擴大會。').meetings[0]!.date).toEqual({ text: '3月25日', year: null, month: 3, day: 25, evidence: [0, 5] });
  });

  it('has no date for 近日', () => {
    expect(summarize('近日，研究院黨委召開主題教育動員大會。院長李東主持會議。').meetings[0]!.date).toBeNull();
  });

  it('takes the date of the meeting, not of other events in the text', () => {
    const { meetings } = summarize('為落實2023年3月5日全國大會的部署，9月8日，集團公司召開部署會議。主題教育從2023年9月開始，到10月20日基本結束。');
    expect(meetings[0]!.date).toMatchObject({ month: 9, day: 8, year: null });
  });

  it('reads full-width digits and finds every written date', () => {
    expect(findDates('會議於２０２３年９月８日召開，10月1日前完成。').map(date => [date.year, date.month, date.day])).toEqual([
      [2023, 9, 8],
      [null, 10, 1],
    ]);
  });
});

describe('summarizeArticle', () => {
  it('names the organiser, the meeting and the chair', () => {
    const [meeting] = summarize('3月1日，東方電氣集團舉行黨組理論學習中心組學習會。黨組書記、董事長俞培根主持學習會並講話。').meetings;
    expect(meeting).toMatchObject({ organizer: '東方電氣集團', name: '黨組理論學習中心組學習會', host: { name: '俞培根' } });
  });

  it('has no chair where the article names none', () => {
    const [meeting] = summarize('9月8日，集團公司召開部署會議。副組長王學峰到會指導。王學峰指出，要抓好落實。').meetings;
    expect(meeting!.host).toBeNull();
    expect(meeting!.speakers.map(person => person.name)).toEqual(['王學峰']);
  });

  it('gives each unit’s meeting a card of its own', () => {
    const { meetings } = summarize(
      [
        '年初，五院2023年度工作會召開。',
        '開年以來，總體設計部迅速行動。部召開2023年工作會，部長張強主持會議。',
        '新年伊始，物資部第一時間召開部長辦公會，部長劉偉講話。',
      ].join('\n'),
    );
    expect(meetings.map(meeting => [meeting.organizer, meeting.name, meeting.host?.name ?? null])).toEqual([
      ['五院', '2023年度工作會', null],
      ['總體設計部', '2023年工作會', '張強'],
      ['物資部', '部長辦公會', null],
    ]);
    expect(meetings[2]!.speakers.map(person => person.name)).toEqual(['劉偉']);
  });

  it('lists numbered requirements, counted headings and figures as points', () => {
    const [meeting] = summarize(
      '3月1日，公司黨委召開擴大會議，約100人參加。書記王強提出3點要求：\n一是統一思想。要抓好落實。\n二是提高站位。\n三是狠抓落實。',
    ).meetings;
    expect(meeting!.points.map(point => point.text)).toEqual(expect.arrayContaining(['提出3點要求', '統一思想', '提高站位', '狠抓落實']));
    expect(meeting!.points.some(point => point.text.includes('約100人'))).toBe(true);
  });

  it('keeps the summary short and in the article’s words, with genre stop words out of the keywords', async () => {
    const library = await bundledLibrary();
    for (const article of library.articles) {
      const { summary, keywords } = library.summary(article);
      expect(summary.length).toBeGreaterThan(0);
      expect(summary.length).toBeLessThanOrEqual(SUMMARY_MAX);
      for (const clause of summary.split(/[,，。；…:]/u).filter(Boolean)) expect(article.text).toContain(clause);
      for (const stop of ['會議', '工作', '重要']) expect(keywords).not.toContain(stop);
    }
  });

  it('completes 提出4点要求： with the items that follow it', async () => {
    const library = await bundledLibrary();
    expect(library.summary(library.get('000_5a4681f7358e924d')!).summary).toContain('提出4點要求:一是凝聚共識統一思想；二是堅定信念提高站位');
  });
});
