import type { Interaction } from 'discord.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CommandContext, SlashCommand } from '../src/discord/command';
import { Cooldown } from '../src/bot/cooldown';
import { createRouter } from '../src/bot/router';

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

describe('the cooldown message', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('says the seconds that really remain until the next turn, not the length of the window', async () => {
    vi.useFakeTimers({ now: 1_000_000, toFake: ['Date'] });
    const said: string[] = [];
    const command = { execute: async () => void said.push('answered') } as unknown as SlashCommand;
    const route = createRouter(new Map([['search', command]]), {} as CommandContext, new Cooldown(2, 10_000));
    const interaction = {
      isChatInputCommand: () => true,
      isAutocomplete: () => false,
      isButton: () => false,
      isRepliable: () => true,
      commandName: 'search',
      user: { id: 'u' },
      locale: 'en-US',
      reply: async (message: { embeds: { data: { description: string } }[] }) => void said.push(message.embeds[0]!.data.description),
    } as unknown as Interaction;
    for (const wait of [0, 0, 0, 3_500, 5_000, 1_500]) {
      vi.advanceTimersByTime(wait);
      await route(interaction);
    }
    expect(said).toEqual([
      'answered',
      'answered',
      'You are sending commands quickly; try again in 10 s.',
      'You are sending commands quickly; try again in 7 s.',
      'You are sending commands quickly; try again in 2 s.',
      'answered',
    ]);
  });
});
