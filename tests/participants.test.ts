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
  const of = async (id: string) => (await library.analyse(library.get(id)!)).participants;

  it('finds everyone who took part in article 000, with titles and roles', async () => {
    expect((await of('000_5a4681f7358e924d')).people.map(person => [person.name, person.title, person.roles])).toEqual([
      ['侯景濱', '黨委書記、董事長', ['chaired', 'spoke', 'presented']],
      ['李東', '中國樂凱黨委副書記、總經理', ['spoke']],
      ['張嘉峰', '樂凱膠片影像材料事業部副總經理', ['presented']],
      ['盧志凱', '樂凱醫療副總經理', ['presented']],
      ['紀雪梅', '研究院副院長', ['presented']],
    ]);
    expect((await of('000_5a4681f7358e924d')).groups.map(group => group.text)).toEqual(['總助以上公司領導、職能部門負責人']);
  });

  it('leaves the byline and the studied leader out of article 003', async () => {
    const names = (await of('003_1e90a82e1525bbfb')).people.map(person => person.name);
    expect(names).toEqual(['王壽君', '王學峰']);
  });

  it('finds no one in an article that names no one', async () => {
    expect((await of('002_2756de6f135840e3')).people).toEqual([]);
  });
});

describe('name shapes across the genre', () => {
  it('knows surnames beyond the commonest, single and compound, in either script', () => {
    expect(people('副省長傅明遠、秘書長蒿建軍、巡視員過志強出席會議。').map(([name]) => name)).toEqual(['傅明遠', '蒿建軍', '過志強']);
    expect(people('市委書記相里明華主持會議。')).toEqual([['相里明華', '市委書記', 'chaired']]);
  });

  it('reads given names with characters that also start words (向, 會, 經)', () => {
    expect(people('泰州市建工局局長李向，姜堰市建工局局長宋羽參加調研。').map(([name]) => name)).toEqual(['李向', '宋羽']);
    expect(people('省協會高學斌會長一行到公司調研。')).toEqual([['高學斌', '會長', 'attended']]);
  });

  it('reads a married woman’s two surnames and a name joined by a middle dot', () => {
    expect(people('張王淑芬副主任主持會議。')).toEqual([['張王淑芬', '副主任', 'chaired']]);
    expect(people('阿不都熱合曼·麥麥提出席並講話。').map(([name]) => name)).toEqual(['阿不都熱合曼·麥麥提']);
    expect(people('敘利亞總統巴沙爾·阿薩德會見了伊朗外長。')).toEqual([['巴沙爾·阿薩德', '敘利亞總統', 'met']]);
  });

  it('keeps the rest of a 、 list when one item is not a name it knows', () => {
    expect(people('副總經理楊彬、朱建軍、傅玉良、唐婷帶領相關部門負責人到公司座談。').map(([name]) => name)).toEqual(['楊彬', '朱建軍', '傅玉良', '唐婷']);
  });

  it('does not read a country before a title, or a word after one, as a person', () => {
    expect(people('烏克蘭總統澤連斯基25日說，談判沒有進展。').map(([name]) => name)).toEqual(['澤連斯基']);
    expect(people('會議由黨委書記主持。19個成員國作共同發言。').map(([name]) => name)).toEqual([]);
  });
});

describe('titles across the genre', () => {
  it('reads posts of government, legislature and consultative bodies, and group labels before a list', () => {
    expect(people('南平市代市長許維澤率隊調研。我市領導徐春暉、丁貴生全程陪同。')).toEqual([
      ['許維澤', '南平市代市長', 'attended'],
      ['徐春暉', '我市領導', 'accompanied'],
      ['丁貴生', '我市領導', 'accompanied'],
    ]);
  });

  it('reads a title after the name, and a bracketed note between title and name', () => {
    expect(people('鄭昶委員建議，要擴大採購範圍。')).toEqual([['鄭昶', '委員', 'spoke']]);
    expect(people('會上，副董事長隋劍光、總經理周冠女，以及紀委書記(主持工作)趙紅先後發言。')).toEqual([
      ['隋劍光', '副董事長', 'spoke'],
      ['周冠女', '總經理', 'spoke'],
      ['趙紅', '紀委書記(主持工作)', 'spoke'],
    ]);
  });

  it('keeps 和 inside the name of a body, and starts a title after it where a post follows', () => {
    expect(people('省工業和信息化廳黨組書記、廳長曹慧泉作工作報告。')).toEqual([['曹慧泉', '省工業和信息化廳黨組書記、廳長', 'presented']]);
    expect(people('歐爾班與塞爾維亞總統武契奇舉行會談。住房和城鄉建設部部長倪虹出席。').map(([name, title]) => [name, title])).toEqual([
      ['歐爾班', ''],
      ['武契奇', '塞爾維亞總統'],
      ['倪虹', '住房和城鄉建設部部長'],
    ]);
    expect(people('會議由張三和副總經理李四主持。')).toEqual([
      ['張三', '', 'chaired'],
      ['李四', '副總經理', 'chaired'],
    ]);
  });

  it('gives a unit written before a speaker as the title', () => {
    expect(people('隨後，汽機分場許大威、鍋爐分場韓擁軍分別代表先進集體作了發言。')).toEqual([
      ['許大威', '汽機分場', 'spoke'],
      ['韓擁軍', '鍋爐分場', 'spoke'],
    ]);
  });
});

describe('who took part, decided by the sentence', () => {
  it('lists a national leader who chairs, however he is named elsewhere', () => {
    expect(people('中共中央政治局召開會議。中共中央總書記習近平主持會議。習近平總書記強調，要抓好落實。')).toEqual([['習近平', '中共中央總書記', 'chaired']]);
  });

  it('reads a report made at the meeting as presenting, and a relayed one as a reference', () => {
    expect(people('會議聽取了財務部部長朱泰東所作的“財務工作報告”。')).toEqual([['朱泰東', '財務部部長', 'presented']]);
    expect(people('會議傳達了集團董事長張國慶在年度工作會議上的講話精神。')).toEqual([]);
  });

  it('leaves out credits, however they are written', () => {
    expect(people('董事長孫浩出席。\n【責任編輯：劉強】\n（供稿：文/集團戰略管控部 左婧 圖/宣傳中心 曹敏）')).toEqual([['孫浩', '董事長', 'attended']]);
    expect(people('省長王凱出席。\n| 記 者：劉 暢\n| 責 編：王 琦')).toEqual([['王凱', '省長', 'attended']]);
  });

  it('leaves out someone held up as an example', () => {
    expect(people('會議號召全體黨員向張三同志學習。黨委書記李四主持會議。\n文｜王五 圖｜趙六')).toEqual([['李四', '黨委書記', 'chaired']]);
  });

  it('names both sides of talks and signings', () => {
    expect(people('簽約儀式後，夏耕副省長與郭臺銘總裁一行舉行了工作會談。')).toEqual([
      ['夏耕', '副省長', 'met/attended'],
      ['郭臺銘', '總裁', 'met/attended'],
    ]);
  });

  it('never runs a name or a title across a line break', () => {
    expect(people('圖為公司黨委書記\n王強出席會議')).toEqual([['王強', '', 'attended']]);
    expect(people('集團召開年度工作會議\n李明強調，要抓好落實。').map(([name]) => name)).toEqual(['李明']);
  });
});
