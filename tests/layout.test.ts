import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The source folders in the order the flow goes, lowest first: a module may import its own layer and
 * those below it, never one above. Adding a folder means giving it its place here.
 */
const LAYERS: readonly (readonly string[])[] = [
  ['src/log.ts', 'src/config.ts', 'src/threads.ts'],
  ['src/text'],
  ['src/corpus'],
  ['src/storage'],
  ['src/search'],
  ['src/trends', 'src/charts'],
  ['src/people'],
  ['src/meetings'],
  ['src/lookups'],
  ['src/analysis'],
  ['src/people-index'],
  ['src/library'],
  ['src/replies'],
  ['src/health.ts', 'src/lifecycle.ts'],
  ['src/terminal', 'src/discord'],
  ['commands'],
  ['src/bot'],
  ['src/sharding'],
  ['src/main.ts', 'src/cli.ts'],
];

const root = resolve(import.meta.dirname, '..');

function layerOf(path: string): number {
  const place = relative(root, path);
  return LAYERS.findIndex(layer => layer.some(entry => place === entry || place.startsWith(`${entry}/`)));
}

function sources(folder: string): string[] {
  return readdirSync(folder).flatMap(name => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|mjs)$/.test(name) ? [path] : [];
  });
}

/** Relative specifiers of static, dynamic and worker imports. */
function importsOf(path: string): string[] {
  const text = readFileSync(path, 'utf8');
  return [...text.matchAll(/(?:from\s+|import\(\s*|new URL\(\s*)'(\.{1,2}\/[^']+)'/g)].map(match => resolve(dirname(path), match[1]!));
}

describe('the layout', () => {
  const files = [...sources(join(root, 'src')), ...sources(join(root, 'commands'))];

  it('gives every source file a layer', () => {
    expect(files.filter(file => layerOf(file) < 0).map(file => relative(root, file))).toEqual([]);
  });

  it('has no module importing one from a layer above it', () => {
    const upward = files.flatMap(file =>
      importsOf(file)
        .filter(target => layerOf(target) > layerOf(file))
        .map(target => `${relative(root, file)} → ${relative(root, target)}`),
    );
    expect(upward).toEqual([]);
  });
});
