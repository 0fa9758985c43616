import * as OpenCC from 'opencc-js';

/**
 * The script text is shown in. Conversion runs only from Traditional to Simplified: the other way is
 * lossy (范 would become 範, and a surname is lost), so Traditional readers get the article's own text.
 */
export type Script = 'original' | 'simplified';

const traditionalToSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });

export function inScript(text: string, script: Script): string {
  return script === 'simplified' ? traditionalToSimplified(text) : text;
}
