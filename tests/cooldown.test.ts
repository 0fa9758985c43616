import { describe, expect, it } from 'vitest';
import { Cooldown } from '../src/discord/cooldown';

describe('Cooldown', () => {
  it('allows `limit` commands in a window, then says how long to wait', () => {
    const cooldown = new Cooldown(3, 10_000);
    expect([0, 1, 2].map(n => cooldown.take('u', 1000 + n))).toEqual([0, 0, 0]);
    expect(cooldown.take('u', 1003)).toBe(1000 + 10_000 - 1003);
    expect(cooldown.take('other', 1003)).toBe(0);
    expect(cooldown.take('u', 11_001)).toBe(0);
  });

  it('keeps memory bounded, forgetting idle users first', () => {
    const cooldown = new Cooldown(1, 1000, 100);
    for (let n = 0; n < 500; n++) cooldown.take(`user${n}`, n * 100);
    expect(cooldown.users).toBeLessThanOrEqual(100);
    expect(cooldown.take('user499', 499 * 100 + 1)).toBeGreaterThan(0);
  });
});
