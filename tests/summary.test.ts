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
      const { summary, keywords } = (await library.analyse(article)).summary;
      expect(summary.length).toBeGreaterThan(0);
      expect(summary.length).toBeLessThanOrEqual(SUMMARY_MAX);
      for (const clause of summary.split(/[,，。；…:]/u).filter(Boolean)) expect(article.text).toContain(clause);
      for (const stop of ['會議', '工作', '重要']) expect(keywords).not.toContain(stop);
    }
  });

  it('completes 提出4点要求： with the items that follow it', async () => {
    const library = await bundledLibrary();
    expect((await library.analyse(library.get('000_5a4681f7358e924d')!)).summary.summary).toContain('提出4點要求:一是凝聚共識統一思想；二是堅定信念提高站位');
  });
});

describe('meetings across the genre', () => {
  const first = (text: string) => summarize(text).meetings[0]!;

  it('gives a visit to whoever visits: the body of the visitor’s title', () => {
    expect(first('3月28日上午，市國資委二級調研員吳坤榮一行來集團調研一季度運營情況。').organizer).toBe('市國資委');
    expect(first('8月7日下午，中國工程院院士、江南大學校長陳堅一行蒞校調研並舉行座談。').organizer).toBe('江南大學');
  });

  it('reads governments, consultative bodies, inspection groups and hosts as organisers', () => {
    expect(first('2月21日，省政府分別與國家發展改革委、財政部在北京進行工作會談。').organizer).toBe('省政府');
    expect(first('5月24日，由國防科工局、國家發改委組成的國家國企混改第十調研組來集團公司調研。').organizer).toContain('調研組');
    expect(first('3月8日，由上海市政府、台北世貿中心共同主辦的博覽會舉行合作備忘錄簽署儀式。').organizer).toBe('上海市政府、台北世貿中心');
  });

  it('gives a chair’s meeting to the body its name opens with, and never a phrase that is not a body', () => {
    expect(first('李強今天上午主持召開國務院常務會議。')).toMatchObject({ organizer: '國務院', host: { name: '李強' } });
    expect(first('百年變局加速演進，世界進入新的動盪變革期。').organizer).toBe('');
  });

  it('gives a chair’s meeting to the body its name opens with, before the body of the chair’s post', () => {
    expect(first('3月2日上午，市委副書記、市長張建華主持召開市政府常務會議，副市長王濤出席。')).toMatchObject({ organizer: '市政府', host: { name: '張建華' } });
  });

  it('reads an inspection as a visit held by the inspector’s body', () => {
    expect(first('近日，集團公司紀委書記王剛帶隊赴所屬企業開展專項督查。').organizer).toBe('集團公司紀委');
  });

  it('names both sides of a signing', () => {
    expect(first('12月3日，中國船舶集團與中國石化在北京簽署戰略合作協議。').organizer).toBe('中國船舶集團與中國石化');
  });

  it('treats a headline and the body about the same meeting as one meeting', () => {
    const { meetings } = summarize('山東與富士康科技集團舉行合作項目簽約儀式\n10月25日下午，山東省與富士康科技集團舉行合作項目簽約儀式。秘書長蒿峰主持儀式。');
    expect(meetings.map(meeting => [meeting.organizer, meeting.host?.name, meeting.date?.text])).toEqual([['山東省與富士康科技集團', '蒿峰', '10月25日']]);
  });

  it('does not take a 召开 about another time or inside a title for a meeting', () => {
    const { meetings } = summarize('9月9日，省財政廳召開全省工作會議。會議貫徹落實5月召開的全國工作會議精神，迎接黨的二十大勝利召開。');
    expect(meetings.map(meeting => meeting.organizer)).toEqual(['省財政廳']);
  });
});

describe('meeting dates across the genre', () => {
  const date = (text: string) => summarize(text).meetings[0]!.date;

  it('skips a news dateline for the meeting’s own date', () => {
    expect(date('中國台灣網10月28日濟南消息 10月25日下午，山東省與富士康集團舉行簽約儀式。')).toMatchObject({ month: 10, day: 25, year: null });
  });

  it('reads 元月 as January', () => {
    expect(date('元月18日，工廠舉行年終總結表彰會。')).toMatchObject({ month: 1, day: 18 });
  });

  it('completes a day written alone from the publication date, a day later in the month before', () => {
    expect(date('發布時間：2011-06-15\n昨日(14日)上午，市政協召開民主監督座談會。')).toMatchObject({ year: 2011, month: 6, day: 14 });
    expect(date('發布時間：2022-03-02\n28日，集團召開安全工作會議。')).toMatchObject({ year: 2022, month: 2, day: 28 });
  });
});

describe('bodies whose names end like meetings', () => {
  it('reads 协会召开… as the association holding a meeting', () => {
    expect(summarize('協會召開第五屆會員代表大會，王建國前會長、李明副會長出席。').meetings[0]).toMatchObject({ organizer: '協會', name: '第五屆會員代表大會' });
  });
});
