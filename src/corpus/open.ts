import { log } from '../log';
import { Library } from '../library';
import { loadCorpus } from './load';

export class EmptyCorpusError extends Error {
  constructor(directory: string) {
    super(`no article could be loaded from ${directory}`);
    this.name = 'EmptyCorpusError';
  }
}

/** Loads a corpus folder into a library, logging what was skipped; fails only when nothing loads. */
export async function openLibrary(directory: string): Promise<Library> {
  const started = performance.now();
  const { articles, warnings } = await loadCorpus(directory);
  for (const warning of warnings) log.warn(`${warning.file}${warning.line ? `:${warning.line}` : ''}: ${warning.message}`);
  if (articles.length === 0) throw new EmptyCorpusError(directory);
  const library = new Library(articles);
  log.info(`loaded ${articles.length} articles from ${directory} in ${Math.round(performance.now() - started)} ms`);
  return library;
}
