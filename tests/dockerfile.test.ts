import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { chartFontFile } from '../src/charts/font';
import { startHealthServer } from '../src/health';
import { readConfig } from '../src/config';
import { execForm, instructions, runtimeStage } from './dockerfile';

const run = promisify(execFile);
const ROOT = join(__dirname, '..');

describe('the Dockerfile', () => {
  it('runs a maintained Node, the one CI also tests on, within what package.json says it supports', () => {
    const majors = instructions('FROM').map(from => Number(/^node:(\d+)-/.exec(from)![1]));
    expect(new Set(majors).size).toBe(1);
    // Node 24 and 26 are the LTS lines maintained in 2026.
    expect(majors[0]).toBeGreaterThanOrEqual(24);
    // CI installs the image's major from the npm registry, reading it from this file.
    expect(readFileSync(join(ROOT, '.ci', 'run'), 'utf8')).toContain("sed -n 's/^FROM node:\\([0-9]*\\)-.*/\\1/p' Dockerfile");
    expect(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).engines.node).toBe('>=20.19');
  });

  it('copies files that exist', () => {
    for (const copy of instructions('COPY').filter(line => !line.startsWith('--from'))) {
      const sources = copy.split(/\s+/).slice(0, -1);
      for (const source of sources) expect(existsSync(join(ROOT, source)), source).toBe(true);
    }
  });

  it('builds in one stage and runs as a non-root user under an init in another', () => {
    expect(instructions('FROM')).toHaveLength(2);
    expect(instructions('FROM')[0]).toMatch(/ AS build$/);
    expect(instructions('RUN')[0]).toMatch(/python3 make g\+\+/);
    expect(instructions('USER')).toEqual(['node']);
    expect(execForm('ENTRYPOINT')).toEqual(['dumb-init', '--']);
    expect(execForm('CMD')[0]).toBe('node');
  });

  it('lets the unprivileged user write its working directory, where the start-up cache is made', () => {
    // CACHE_DIR's default is .cache in the project folder, which the image copies to its WORKDIR.
    expect(join(readConfig({}).cacheDir!, '..')).toBe(ROOT);
    let workdir = '';
    let owned = false;
    for (const [keyword, args] of runtimeStage()) {
      if (keyword === 'WORKDIR') workdir = args;
      if (keyword === 'RUN' && args === `chown node:node ${workdir}`) owned = true;
      if (keyword === 'USER') break;
    }
    expect(workdir).toBe('/app');
    expect(owned).toBe(true);
  });

  it('gets what drawing charts needs from npm ci: resvg’s prebuilt binary for the image’s platform, and the font', () => {
    // resvg's binaries are optional dependencies, one per platform: an install without optional dependencies has none.
    const install = instructions('RUN').find(line => line.includes('npm ci'))!;
    expect(install).not.toMatch(/--omit[= ]optional|--no-optional|--include[= ]/);
    // Both stages are Debian (glibc), which the node image is built for on x64 and arm64: the lockfile holds both binaries.
    for (const from of instructions('FROM')) expect(from).toMatch(/^node:\d+-(bookworm|trixie)-slim/);
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8'));
    for (const cpu of ['x64', 'arm64']) expect(lock.packages[`node_modules/@resvg/resvg-js-linux-${cpu}-gnu`]).toMatchObject({ optional: true, os: ['linux'], cpu: [cpu], libc: ['glibc'] });
    // Runtime dependencies survive `npm prune --omit=dev`, and node_modules is what the runtime stage copies from the build.
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    for (const dependency of ['echarts', '@resvg/resvg-js', '@embedpdf/fonts-sc']) expect(Object.keys(manifest.dependencies)).toContain(dependency);
    expect(relative(ROOT, chartFontFile())).toMatch(/^node_modules\//);
    expect(runtimeStage()).toContainEqual(['COPY', '--from=build --chown=node:node /app ./']);
  });

  it('listens for health checks on every interface, where the container host can reach them', () => {
    expect(instructions('ENV')).toContain('HEALTH_HOST=0.0.0.0');
  });

  it('has a health check that passes while /healthz answers and fails when it does not', async () => {
    const [command, ...args] = execForm('HEALTHCHECK');
    expect(command).toBe('node');
    const check = (port: string | undefined) =>
      run(process.execPath, args, { env: { ...process.env, HEALTH_PORT: port ?? '' } }).then(
        () => 0,
        (error: { code: number }) => error.code,
      );
    const server = await startHealthServer({ port: 0, host: '127.0.0.1' }, () => true);
    const { port } = server.address() as { port: number };
    expect(await check(String(port))).toBe(0);
    await new Promise(resolve => server.close(resolve));
    expect(await check(String(port))).toBe(1);
    expect(await check(undefined)).toBe(0);
  });
});
