/**
 * Chinese surnames in folded (Simplified) script: the Hundred Family Surnames and the surnames of the
 * modern population registers, single and compound. A complete inventory rather than one grown from
 * examples: a name whose surname is missing here is a participant lost. Which of these characters
 * starts a name in a given sentence is decided by the sentence (a title before it, a verb after it),
 * never by this list alone.
 */

const HUNDRED_FAMILY_SINGLE =
  '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜戚谢邹喻柏水窦章云苏潘葛奚范彭郎' +
  '鲁韦昌马苗凤花方俞任袁柳酆鲍史唐费廉岑薛雷贺倪汤滕殷罗毕郝邬安常乐于时傅皮卞齐康伍余元卜顾孟平黄' +
  '和穆萧尹姚邵湛汪祁毛禹狄米贝明臧计伏成戴谈宋茅庞熊纪舒屈项祝董梁杜阮蓝闵席季麻强贾路娄危江童颜郭' +
  '梅盛林刁钟徐邱骆高夏蔡田樊胡凌霍虞万支柯昝管卢莫经房裘缪干解应宗丁宣贲邓郁单杭洪包诸左石崔吉钮龚' +
  '程嵇邢滑裴陆荣翁荀羊惠甄曲家封芮羿储靳汲邴糜松井段富巫乌焦巴弓牧隗山谷车侯宓蓬全郗班仰秋仲伊宫' +
  '宁仇栾暴甘钭厉戎祖武符刘景詹束龙叶幸司韶郜黎蓟薄印宿白怀蒲邰从鄂索咸籍赖卓蔺屠蒙池乔阴郁胥能苍双' +
  '闻莘党翟谭贡劳逄姬申扶堵冉宰郦雍郤璩桑桂濮牛寿通边扈燕冀郏浦尚农温别庄晏柴瞿阎充慕连茹习宦艾鱼容' +
  '向古易慎戈廖庾终暨居衡步都耿满弘匡国文寇广禄阙东欧殳沃利蔚越夔隆师巩厍聂晁勾敖融冷訾辛阚那简饶空' +
  '曾毋沙乜养鞠须丰巢关蒯相查后荆红游竺权逯盖益桓公';

/** Surnames common today that the classical list lacks or spells otherwise (闫 beside 阎, 付 beside 傅). */
const MODERN_SINGLE =
  '闫付肖覃冼邝区粟麦揭眭笪虢亓仝佘芦苟缑禚郄谯邸隋佟剧琚鄢兰展泮铁续战玄斯达代植智母矫官迟栗郇靖' +
  '侍檀尉楚鹿甯萨蒿奉来练伦门庹楼盘綦银过旷木尕凃涂晋种卿颉谌翦禤招线脱初钦佴仉逢冶邗岳鲜';

/** Compound surnames, tried before single ones so that 欧阳 is not read as 欧. */
const COMPOUND_SURNAMES: readonly string[] = [
  '欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '令狐', '夏侯', '轩辕', '端木',
  '独孤', '南宫', '西门', '百里', '呼延', '澹台', '公冶', '宗政', '濮阳', '太史', '申屠', '钟离', '闻人', '万俟', '赫连', '拓跋',
  '第五', '谷梁', '左丘', '东郭', '巫马', '公羊', '公良', '乐正', '漆雕', '壤驷', '梁丘', '羊舌', '微生', '闾丘', '司空', '司寇',
  '子车', '颛孙', '亓官', '仲孙', '单于', '淳于', '鲜于', '叱干', '纳兰', '相里', '公西', '东门', '褚师', '宰父', '段干', '百里',
];

/**
 * Surnames of the list that are, in running text, almost always a conjunction (张三和李四, 与会): a
 * person surnamed 和 or 与 is rare enough that reading them as names costs more than it finds.
 */
const CONJUNCTIONS = new Set('和与同及'.split(''));

export const SINGLE_SURNAMES: ReadonlySet<string> = new Set(
  [...(HUNDRED_FAMILY_SINGLE + MODERN_SINGLE)].filter(character => /\p{Script=Han}/u.test(character) && !CONJUNCTIONS.has(character)),
);

/**
 * The commonest surnames, the only ones read as the first of two surnames in a married woman's name
 * (张王淑芬): the shape is rare, and a rare first surname would turn ordinary text into names.
 */
export const COMMON_SURNAMES: ReadonlySet<string> = new Set(
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split(''),
);

/** The surname a name starting at index has: compound first, then single. */
export function surnameAt(text: string, index: number): string | null {
  const pair = text.slice(index, index + 2);
  if (COMPOUND_SURNAMES.includes(pair)) return pair;
  const single = text[index];
  return single !== undefined && SINGLE_SURNAMES.has(single) ? single : null;
}
