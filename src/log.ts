/**
 * The process log: one line a message on stderr, so that stdout stays the user's (console answers,
 * CLI JSON). Secrets registered here are blanked out of every line, whatever code wrote it.
 */
type Level = 'info' | 'warn' | 'error';

const secrets = new Set<string>();

export function registerSecret(secret: string | undefined): void {
  if (secret && secret.length >= 8) secrets.add(secret);
}

/** The registered secrets, for a worker thread, which has a module state of its own. */
export function registeredSecrets(): string[] {
  return [...secrets];
}

export function redact(text: string): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join('[redacted]');
  return out;
}

let quiet = false;
let label = '';

/** Names this process on each of its lines, where several processes share one log (the shard processes). */
export function setLogLabel(name: string): void {
  label = `[${name}] `;
}

/** Silences info lines (the CLI keeps its stderr for errors and warnings). */
export function setQuiet(value: boolean): void {
  quiet = value;
}

function write(level: Level, message: string, error?: unknown): void {
  if (level === 'info' && quiet) return;
  const detail = error === undefined ? '' : `: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
  process.stderr.write(`${new Date().toISOString()} ${level.toUpperCase()} ${label}${redact(message + detail)}\n`);
}

export const log = {
  info: (message: string) => write('info', message),
  warn: (message: string, error?: unknown) => write('warn', message, error),
  error: (message: string, error?: unknown) => write('error', message, error),
};
