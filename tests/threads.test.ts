import { readlinkSync } from 'node:fs';
import { getPriority } from 'node:os';
import { describe, expect, it } from 'vitest';
import { runInBackground } from '../src/threads';

describe('runInBackground', () => {
  it.runIf(process.platform === 'linux')('lowers the calling thread, and only it, below the process', () => {
    const taskId = Number(readlinkSync('/proc/thread-self').split('/').pop());
    const before = getPriority(taskId);
    runInBackground();
    expect(getPriority(taskId)).toBe(Math.max(before, 10));
    // The process's main task is the process id: a test run in a worker thread leaves it as it was.
    if (taskId !== process.pid) expect(getPriority(process.pid)).toBe(before);
  });
});
