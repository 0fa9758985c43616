import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The Dockerfile's instructions, read so that tests can run the commands it runs. */
const text = readFileSync(join(__dirname, '..', 'Dockerfile'), 'utf8').replace(/\\\n/g, ' ');

export function instructions(keyword: string): string[] {
  return text
    .split('\n')
    .filter(line => line.startsWith(`${keyword} `))
    .map(line => line.slice(keyword.length + 1).trim());
}

/** An exec-form instruction (CMD ["node", ...]) as its argument list. */
export function execForm(keyword: string): string[] {
  const last = instructions(keyword).at(-1)!;
  return JSON.parse(last.slice(last.indexOf('[')));
}

/** The instructions of the last stage, the image that runs, in order: [keyword, arguments]. */
export function runtimeStage(): [string, string][] {
  const lines = text.split('\n').filter(line => /^[A-Z]+ /.test(line));
  const from = lines.findLastIndex(line => line.startsWith('FROM '));
  return lines.slice(from).map(line => [line.slice(0, line.indexOf(' ')), line.slice(line.indexOf(' ') + 1).trim()]);
}
