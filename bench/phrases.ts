import { resolve } from 'node:path';

/** The benchmark's phrases: common, rare and absent in the news corpus, in both scripts. */
export const BENCH_PHRASES = ['習近平', '中央政治局', '发展', '鄉村振興', '高质量发展', '碳達峰', '航天強國', '北斗', '新質生產力', '不存在的短語', '量子糾纏貓', '一带一路倡议十周年'];

/** The benchmark corpus, kept beside the project (19,876 news items in Traditional script). */
export const BENCH_CORPUS = resolve(import.meta.dirname, '..', '..', 'shared', 'bench', 'xwlb-zh-Hant.jsonl.gz');
