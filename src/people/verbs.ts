/**
 * The verbs of meeting reports, in folded (Simplified) script: what a person named in a sentence did at
 * the meeting, and the words that show a sentence only refers to someone who was not there.
 */

export type Role = 'chaired' | 'spoke' | 'presented' | 'attended' | 'met' | 'accompanied' | 'signed';

export const ROLE_ORDER: readonly Role[] = ['chaired', 'spoke', 'presented', 'met', 'signed', 'accompanied', 'attended'];

/** Verbs for each role, as they follow the person's name (张三主持会议; 李四宣读了决定). */
export const ROLE_VERBS: Record<Role, readonly string[]> = {
  chaired: ['主持'],
  spoke: [
    '指出', '强调', '要求', '表示', '讲话', '致辞', '致词', '发言', '提出', '总结', '希望', '勉励', '号召', '点评', '肯定了', '发表', '建议', '认为', '说', '谈到',
    '寄语', '作动员', '动员', '分析', '答疑', '回应', '充分肯定', '致欢迎词', '表态',
  ],
  presented: [
    '介绍', '汇报', '传达', '授课', '演示', '讲解', '解读', '宣讲', '领学', '领读', '辅导', '讲座', '通报', '宣读', '报告', '领誓', '带领重温', '重温', '作报告',
    '述职', '交流发言', '主讲', '展示',
  ],
  met: ['会见', '会谈', '接见', '会晤', '见面', '举行会谈', '通电话', '通话'],
  signed: ['签约', '签署', '签订', '签字', '签下'],
  accompanied: ['陪同'],
  attended: [
    '出席', '参加', '列席', '到会指导', '参会', '莅临', '参与', '到会', '应邀', '调研', '考察', '视察', '走访', '看望', '慰问', '带队', '率队', '带领', '率', '一行',
    '观看', '参观', '颁奖', '颁发', '揭牌', '见证', '座谈', '听取', '检查', '督导', '指导', '出访', '访问', '到访', '来访', '抵达', '赴', '来到', '深入到', '深入基层',
  ],
};

/**
 * 作…报告 and 作…讲话 take words between the verb and its object: 作了专题报告, 作题为《…》的辅导报告, and
 * (听取了…)所作的“…”报告, which is a report made at the meeting, not one relayed.
 */
export const MADE_SPEECH = /^所?(?:作|做)[了的]?(?:题为)?(?:[《“"][^》”"]{0,80}[》”"]的?)?[^，。；：、,;:《“"]{0,12}?(报告|讲话|发言|辅导|讲座|总结|动员|部署|党课|授课|说明)/u;
export const MADE_SPEECH_ROLE: Record<string, Role> = { 讲话: 'spoke', 发言: 'spoke', 总结: 'spoke', 动员: 'spoke', 部署: 'spoke' };

/** Words that, earlier in a clause, make the people it names objects of study or relay, not participants. */
export const REFERENCE_CUES_BEFORE = [
  '传达', '学习', '贯彻', '观看', '收看', '收听', '根据', '按照', '依据', '遵照', '落实', '领会', '对照', '纪念', '缅怀', '悼念', '追授', '授予', '表彰了', '转达',
  '引用', '重温', '研读', '领学了', '通报了', '宣读了', '宣读', '致电', '致信', '致函', '贺电', '贺信', '唁电', '复信', '回信', '转交',
];

/** Words that, after a name, make it the owner of what is studied or relayed (…的讲话精神, 受…委托). */
export const REFERENCE_CUES_AFTER = [
  '委托', '的讲话', '的重要讲话', '的报告', '的重要', '的指示', '的批示', '的论述', '的要求', '的部署', '的精神', '的贺信', '的信', '的回信', '的署名文章', '的讲话精神',
  '讲话精神', '重要讲话', '重要指示', '批示', '的文章', '的著作', '的嘱托', '的事迹', '事迹', '同志先进', '的决定',
];
