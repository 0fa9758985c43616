/**
 * Posts in folded (Simplified) script, by the head word a title ends with: a report writes the title,
 * with its organisation and rank before the head (南平市代市长, 集团公司党委副书记), straight before or
 * after the name. Only heads are listed; what precedes a head up to the clause's start is read as part
 * of the title, so 常务副省长 and 国家发展改革委副主任 need no entries of their own.
 */

const PARTY = ['书记', '常委', '委员', '党组成员', '党委委员', '成员', '组织部长', '宣传部长', '统战部长', '秘书长', '政委', '政治委员', '指导员', '教导员', '主委'];
const GOVERNMENT = [
  '总理', '国务委员', '部长', '省长', '市长', '县长', '区长', '镇长', '乡长', '村长', '州长', '盟长', '旗长', '厅长', '局长', '处长', '科长', '司长',
  '署长', '关长', '主任', '巡视员', '调研员', '参事', '发言人', '审计长', '检察长', '庭长', '审判长', '院长', '行长', '专员', '特派员', '督察长', '主席',
  '委员长', '代表', '议长', '议员', '人士', '官员', '总统', '首相', '国王', '女王', '王储', '亲王', '总督', '外长', '防长', '大臣', '国务卿', '秘书', '干事', '总干事',
];
const DIPLOMACY = ['大使', '公使', '参赞', '总领事', '领事', '特使', '使节'];
const ENTERPRISE = [
  '董事长', '董事', '总经理', '经理', '总裁', '总监', '总工', '总工程师', '总会计师', '总经济师', '总法律顾问', '总师', '总设计师', '总指挥', '首席执行官',
  '首席技术官', '首席信息官', '首席财务官', '首席运营官', '首席科学家', '首席专家', '首席', '监事会主席', '监事长', '监事', '董事会秘书', '董秘', '厂长', '矿长',
  '站长', '场长', '队长', '班长', '组长', '主管', '助理', '顾问', '负责人', '合伙人', '创始人', 'ceo', 'cfo', 'coo', 'cto', 'cio', '总编辑', '主编', '社长', '台长',
  '馆长', '所长', '会长', '理事长', '理事', '团长',
];
const ACADEMIA = ['校长', '教授', '研究员', '院士', '讲师', '博导', '导师', '学者', '专家', '博士', '老师', '教师', '医师', '主任医师', '护士长', '工程师', '高级工程师', '高工', '技师', '总农艺师'];
/** Roles at a meeting held as posts: 大会主持人, 主席团会议主持人, 小组召集人. */
const MEETING = ['主持人', '召集人'];
const ARMY = ['司令员', '司令', '参谋长', '军长', '师长', '旅长', '营长', '连长', '上将', '中将', '少将', '大校', '上校', '中校', '少校'];

/**
 * Labels for groups of leaders written before a list of names (市领导, 集团领导, 我市领导, 党和国家领导人):
 * they stand where a title stands and serve as the title of everyone listed.
 */
const GROUP_LABELS = ['领导', '领导人', '负责同志', '班子成员'];

export const TITLE_HEADS: readonly string[] = [...new Set([...PARTY, ...GOVERNMENT, ...DIPLOMACY, ...ENTERPRISE, ...ACADEMIA, ...MEETING, ...ARMY, ...GROUP_LABELS])].sort(
  (a, b) => b.length - a.length,
);

/** A title head at the end of a phrase: the phrase is, or ends with, a post (党委副书记, 集团公司总经理助理). */
export const ENDS_WITH_TITLE_HEAD = new RegExp(`(?:${TITLE_HEADS.join('|')})$`, 'u');

/** Ranks and qualifiers written straight before a head (副省长, 代市长, 常务副总经理, 二级调研员). */
export const TITLE_PREFIXES = ['常务副', '执行副', '专职副', '副', '代', '常务', '执行', '专职', '名誉', '第一', '一级', '二级', '三级', '四级', '高级', '新任', '时任', '前', '原'];

/** Titles a national leader is referred to by, after the name, when his words are quoted rather than heard. */
export const NATIONAL_LEADER_TITLES = ['总书记', '国家主席', '委员长', '总理'];

/** Honorifics and degrees written after a name, that end it without being a post (张三同志, 王洪涛博士). */
export const AFTER_NAME_HONORIFICS = ['同志', '先生', '女士', '博士', '教授', '院士', '研究员', '高工', '老师'];

/**
 * Words that, before a name, mark a credit rather than a participant: bylines, editors, photographers
 * and correspondents (记者刘畅, 责任编辑：段雯婷, 文/邓杰, 通讯员邓一飞).
 */
export const BYLINE_CUES = [
  '记者', '通讯员', '编辑', '责编', '校对', '审核', '审稿', '核稿', '审校', '终审', '作者', '撰稿', '摄影', '摄像', '来源', '供稿', '稿件', '出品', '监制', '制作',
  '文/', '图/', '文:', '图:', '文／', '图／', '文|', '图|', '文｜', '图｜', '摄/', '报道', '整理', '录入', '发布',
];
