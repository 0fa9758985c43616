import type { Script } from '../text/script';

/** How a reply reads: English labels with the article's own text, or Chinese in either script. */
export type ReplyLocale = 'en' | 'zh-CN' | 'zh-TW';

export const REPLY_LOCALES: readonly ReplyLocale[] = ['en', 'zh-CN', 'zh-TW'];

/** Discord's locale codes: zh-CN for Simplified readers, zh-TW for Traditional; the rest read English. */
export function replyLocaleFor(discordLocale: string | null | undefined): ReplyLocale {
  switch (discordLocale) {
    case 'zh-CN':
    case 'zh-SG':
      return 'zh-CN';
    case 'zh-TW':
    case 'zh-HK':
      return 'zh-TW';
    default:
      return 'en';
  }
}

const CHINESE_LOCALES = ['zh-CN', 'zh-SG', 'zh-TW', 'zh-HK'];

/** A locale named on the command line (en, zh-CN, zh-TW, ...), or null when it is not one we know. */
export function parseReplyLocale(value: string): ReplyLocale | null {
  const wanted = value.trim().toLowerCase();
  if (wanted === 'en' || wanted.startsWith('en-')) return 'en';
  const chinese = CHINESE_LOCALES.find(locale => locale.toLowerCase() === wanted);
  return chinese ? replyLocaleFor(chinese) : null;
}

export function scriptFor(locale: ReplyLocale): Script {
  return locale === 'zh-CN' ? 'simplified' : 'original';
}
