import { describe, expect, it } from 'vitest';
import { findParticipants } from '../src/people/participants';
import { articleFrom, bundledLibrary } from './helpers';

function people(text: string) {
  return findParticipants(articleFrom('test', text)).people.map(person => [person.name, person.title, person.roles.join('/')]);
}

describe('findParticipants on sentences of the genre', () => {
  it('reads a title chain running straight into a name', () => {
    expect(people('公司召開工作會議。黨委副書記、總經理李東指出，要抓好落實。')).toEqual([['李東', '黨委副書記、總經理', 'spoke']]);
  });

  it('gives a title and organisation to each of several people in one sentence', () => {
    expect(people('集團公司總經理助理、財務部部長周敏，人力資源部部長吳剛，科技部副部長鄭潔出席會議。')).toEqual([
      ['周敏', '集團公司總經理助理、財務部部長', 'attended'],
      ['吳剛', '人力資源部部長', 'attended'],
      ['鄭潔', '科技部副部長', 'attended'],
    ]);
  });

  it('shares a title across a list run with 、', () => {
    expect(people('黨組成員馬強、林芳、高志遠參加學習會。')).toEqual([
      ['馬強', '黨組成員', 'attended'],
      ['林芳', '黨組成員', 'attended'],
      ['高志遠', '黨組成員', 'attended'],
    ]);
  });

  it('joins names split by pinyin annotations and reads 同志 as the end of a name', () => {
    expect(people('副總經理楊(yáng)光(guāng)明(míng)同志出席會議。')).toEqual([['楊光明', '副總經理', 'attended']]);
  });

  it('knows compound surnames and one-character given names', () => {
    expect(people('5月6日，公司召開座談會。歐陽明華指出，要抓好落實。總經理李東主持會議。')).toEqual([
      ['歐陽明華', '', 'spoke'],
      ['李東', '總經理', 'chaired'],
    ]);
    expect(people('司馬光輝、諸葛明等專家應邀出席。')).toEqual([
      ['司馬光輝', '專家', 'attended'],
      ['諸葛明', '專家', 'attended'],
    ]);
  });

  it('tells chairing, speaking, presenting and attending apart', () => {
    expect(people('會議由黨委書記張偉主持。中心主任孫曉東介紹了項目進展，高級工程師林芳作了專題報告，紀委書記馮雷作總結講話。')).toEqual([
      ['張偉', '黨委書記', 'chaired'],
      ['孫曉東', '中心主任', 'presented'],
      ['林芳', '高級工程師', 'presented'],
      ['馮雷', '紀委書記', 'spoke'],
    ]);
  });

  it('reads a degree after the name and a title before it', () => {
    expect(people('研討前，行業專家王洪濤博士應邀以《碳中和》為題進行授課。')).toEqual([['王洪濤', '行業專家', 'presented/attended']]);
  });

  it('lists the groups that attended', () => {
    const { groups } = findParticipants(articleFrom('test', '會議以視頻形式召開，院屬各級黨組織、技術骨幹等約100人參加會議。'));
    expect(groups.map(group => group.text)).toEqual(['院屬各級黨組織、技術骨幹等約100人']);
  });
});

describe('findParticipants leaves out people who did not take part', () => {
  it('leaves out leaders whose speech the meeting studied', () => {
    expect(people('會議學習了習近平總書記的重要講話。習近平總書記強調，要做好工作。黨組書記錢偉主持會議。')).toEqual([['錢偉', '黨組書記', 'chaired']]);
  });

  it('leaves out a leader whose report was relayed', () => {
    expect(people('會議傳達了省委書記劉家強在全省大會上的講話精神。黨委書記趙明主持會議並講話。')).toEqual([['趙明', '黨委書記', 'chaired/spoke']]);
  });

  it('leaves out whoever delegated the chair', () => {
    expect(people('受黨委書記李四委託，黨委副書記王五主持會議。')).toEqual([['王五', '黨委副書記', 'chaired']]);
  });

  it('leaves out the byline', () => {
    expect(people('公司召開大會，董事長孫浩出席會議並講話。\n（胡藍月）')).toEqual([['孫浩', '董事長', 'spoke/attended']]);
  });

  it('reads 秦總 as 秦琳, not as another person', () => {
    expect(people('總經理秦琳作工作報告。秦總強調，要狠抓落實。')).toEqual([['秦琳', '總經理', 'spoke/presented']]);
  });

  it('does not take ordinary words after a title for names', () => {
    expect(people('各成員單位負責人參加會議。黨委書記處理了來信。董事長和總經理出席。')).toEqual([]);
  });
});

describe('participants of the bundled articles', async () => {
  const library = await bundledLibrary();
  const of = (id: string) => library.participants(library.get(id)!);

  it('finds everyone who took part in article 000, with titles and roles', () => {
    expect(of('000_5a4681f7358e924d').people.map(person => [person.name, person.title, person.roles])).toEqual([
      ['侯景濱', '黨委書記、董事長', ['chaired', 'spoke', 'presented']],
      ['李東', '中國樂凱黨委副書記、總經理', ['spoke']],
      ['張嘉峰', '樂凱膠片影像材料事業部副總經理', ['presented']],
      ['盧志凱', '樂凱醫療副總經理', ['presented']],
      ['紀雪梅', '研究院副院長', ['presented']],
    ]);
    expect(of('000_5a4681f7358e924d').groups.map(group => group.text)).toEqual(['總助以上公司領導、職能部門負責人']);
  });

  it('leaves the byline and the studied leader out of article 003', () => {
    const names = of('003_1e90a82e1525bbfb').people.map(person => person.name);
    expect(names).toEqual(['王壽君', '王學峰']);
  });

  it('finds no one in an article that names no one', () => {
    expect(of('002_2756de6f135840e3').people).toEqual([]);
  });
});
