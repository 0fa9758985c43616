/**
 * The vocabulary of meeting reports, in folded (Simplified) script: surnames, titles, and the verbs that
 * say what a person did at the meeting. Rules are written against these lists, never against names.
 */

/** Common single-character surnames (the bulk of the 百家姓 in use today). */
export const SINGLE_SURNAMES = new Set(
  (
    '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤' +
    '常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸吉揭' +
    '植璩厍暴鄂牧殳隗戎'
  ).split(''),
);

/** Compound surnames, checked before single ones so that 欧阳 is not read as 欧. */
export const COMPOUND_SURNAMES = [
  '欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '令狐', '夏侯', '轩辕', '端木', '独孤', '南宫', '西门', '百里', '呼延', '澹台', '公冶', '宗政', '濮阳', '太史', '申屠', '钟离', '闻人', '万俟', '赫连', '拓跋',
];

/**
 * Words that end an official's title: a title in a report runs straight into the name after it
 * (党委副书记、总经理李东). Longer words first, so that 副总经理 wins over 经理.
 */
export const TITLE_WORDS = [
  '党组书记', '党委书记', '纪委书记', '总支书记', '支部书记', '副书记', '书记',
  '副董事长', '董事长', '董事会秘书', '执行董事', '职工董事', '专职董事', '外部董事', '董事',
  '副总经理', '总经理助理', '总经理', '副经理', '经理', '副总裁', '总裁',
  '副主任委员', '主任委员', '副主任', '主任', '副处长', '处长', '副科长', '科长', '副院长', '院长', '副所长', '所长',
  '副部长', '部长', '副局长', '局长', '副厅长', '厅长', '副司长', '司长', '副组长', '组长', '副队长', '队长',
  '副主席', '主席', '副秘书长', '秘书长', '副理事长', '理事长', '副会长', '会长', '副校长', '校长', '副厂长', '厂长',
  '副行长', '行长', '副社长', '社长', '副总编辑', '总编辑', '主编', '副监事长', '监事长', '监事会主席', '监事',
  '总工程师', '副总工程师', '总会计师', '总经济师', '总法律顾问', '首席执行官', '首席技术官', '首席信息官', '首席财务官', '首席运营官',
  '首席科学家', '首席专家', '首席', '总设计师', '副总设计师', '总指挥', '副总指挥', '副总师', '总师', '总监', '主管',
  '党组成员', '党委委员', '常委', '委员', '成员', '专家', '教授', '研究员', '高级工程师', '工程师', '院士', '巡视员', '调研员', '顾问', '特派员', '专员', '代表', '助理',
];

/** Honorifics and degrees written after a name (王洪涛博士, 张三同志). */
export const AFTER_NAME_WORDS = ['同志', '博士', '教授', '院士', '先生', '女士', '研究员', '高工'];

/** Titles written after a name are how reports refer to national leaders whose words are studied. */
export const REFERENCE_TITLES_AFTER_NAME = ['总书记', '主席', '总理', '委员长', '书记', '部长', '省长', '市长', '同志的'];

export type Role = 'chaired' | 'spoke' | 'presented' | 'attended';

/** 作…报告 and 作…讲话 take words between the verb and its object: 作了专题报告, 作发榜动员讲话. */
export const MADE_SPEECH = /^作了?[^，。；：、,;:]{0,10}?(报告|讲话|发言|辅导|讲座|总结)/u;

/** Verbs, in the order a report uses them, for each role a participant can have. */
export const ROLE_VERBS: Record<Role, readonly string[]> = {
  chaired: ['主持'],
  spoke: ['指出', '强调', '要求', '表示', '讲话', '致辞', '发言', '提出', '总结', '希望', '勉励', '号召', '点评', '肯定了'],
  presented: ['介绍', '汇报', '传达', '授课', '演示', '讲解', '解读', '宣讲', '领学', '辅导', '讲座', '通报', '宣读'],
  attended: ['出席', '参加', '列席', '到会指导', '参会', '莅临', '参与', '到会', '应邀'],
};

/** Characters that never continue a given name: function words and the heads of titles and role verbs. */
export const NOT_IN_GIVEN_NAME = new Set('的了在和与及等对是为就将也都从把被向于之其这那们说会议总书董经部处局院厅司委组员记讲指要表出参列到作提介汇授演领并副'.split(''));

/** Words that show a name is only referred to, not present: whose report was relayed, who delegated the chair. */
export const REFERENCE_CUES_BEFORE = ['传达', '学习了', '学习贯彻', '聆听', '收听', '收看', '观看', '受'];
export const REFERENCE_CUES_AFTER = ['委托', '的讲话', '的报告', '的重要', '的指示', '的批示', '的论述', '的要求', '的部署', '的精神', '的贺信', '的信'];

/** Nouns that end the subject of a group that attended (职能部门负责人, 技术骨干等约100人). */
export const GROUP_HEADS = /(?:领导|负责人|成员|代表|干部|职工|员工|人员|同志|骨干|党员|青年|委员|书记|专员|董事|组织|班子|[0-9一二三四五六七八九十百千万余多]+人)(?:等)?$/u;
