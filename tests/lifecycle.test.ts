import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Lifecycle } from '../src/lifecycle';

let signals: EventEmitter;
let exit: ReturnType<typeof vi.fn<(code: number) => void>>;
let lifecycle: Lifecycle;

beforeEach(() => {
  vi.useFakeTimers();
  signals = new EventEmitter();
  exit = vi.fn<(code: number) => void>();
  lifecycle = new Lifecycle(exit, 4000).listen(signals);
});

afterEach(() => {
  vi.useRealTimers();
});

describe('the process lifecycle', () => {
  it('exits 0 on SIGTERM or SIGINT before anything runs (during the corpus load)', async () => {
    signals.emit('SIGTERM');
    await vi.advanceTimersByTimeAsync(0);
    expect(exit).toHaveBeenCalledWith(0);
  });

  it('stops what runs once, exits 0 once it has stopped, and ignores a second signal', async () => {
    let finish = () => {};
    const stop = vi.fn(() => new Promise<void>(resolve => (finish = resolve)));
    lifecycle.onStop(stop);
    signals.emit('SIGTERM');
    signals.emit('SIGTERM');
    signals.emit('SIGINT');
    await vi.advanceTimersByTimeAsync(100);
    expect(stop).toHaveBeenCalledTimes(1);
    expect(exit).not.toHaveBeenCalled();
    finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(exit).toHaveBeenCalledWith(0);
  });

  it('exits within the deadline when stopping hangs', async () => {
    lifecycle.onStop(() => new Promise<void>(() => {}));
    signals.emit('SIGINT');
    await vi.advanceTimersByTimeAsync(3999);
    expect(exit).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(exit).toHaveBeenCalledWith(0);
  });

  it('exits with the code a fatal stop gives', async () => {
    lifecycle.stop('the gateway is gone', 1);
    await vi.advanceTimersByTimeAsync(0);
    expect(exit).toHaveBeenCalledWith(1);
  });

  it('keeps a SIGHUP that arrives before there is a corpus to reload, and reloads once there is', () => {
    const reload = vi.fn();
    signals.emit('SIGHUP');
    signals.emit('SIGHUP');
    lifecycle.onReload(reload);
    expect(reload).toHaveBeenCalledTimes(1);
    signals.emit('SIGHUP');
    expect(reload).toHaveBeenCalledTimes(2);
  });

  it('reloads nothing once stopping', () => {
    const reload = vi.fn();
    lifecycle.onReload(reload);
    lifecycle.onStop(() => new Promise<void>(() => {}));
    signals.emit('SIGTERM');
    signals.emit('SIGHUP');
    expect(reload).not.toHaveBeenCalled();
  });
});
