import { describe, expect, it } from 'vitest';
import { SearchSessions } from '../src/discord/search-sessions';
import { NO_OPTIONS } from '../src/search/options';

const view = () => ({ index: 0, count: 3 });

describe('SearchSessions', () => {
  it('greys out the buttons and forgets the search when its time is up', async () => {
    const disabled: string[] = [];
    const sessions = new SearchSessions(() => {}, 20);
    const id = sessions.open(() => ({ query: '改革', options: NO_OPTIONS, userId: 'u1', view: view(), disableButtons: async () => disabled.push('改革') }));
    expect(sessions.get(id)?.query).toBe('改革');
    await expect.poll(() => disabled).toEqual(['改革']);
    expect(sessions.get(id)).toBeUndefined();
  });

  it('keeps at most its capacity, dropping the oldest first', () => {
    const disabled: string[] = [];
    const sessions = new SearchSessions(() => {}, 60_000, 2);
    const ids = ['甲', '乙', '丙'].map(query => sessions.open(() => ({ query, options: NO_OPTIONS, userId: 'u1', view: view(), disableButtons: async () => disabled.push(query) })));
    expect(sessions.size).toBe(2);
    expect(sessions.get(ids[0]!)).toBeUndefined();
    expect(sessions.get(ids[2]!)?.query).toBe('丙');
    expect(disabled).toEqual(['甲']);
    sessions.clear();
    expect(sessions.size).toBe(0);
  });

  it('reports a failure to grey out the buttons instead of throwing', async () => {
    const errors: unknown[] = [];
    const sessions = new SearchSessions(error => errors.push(error), 10);
    sessions.open(() => ({ query: 'x', options: NO_OPTIONS, userId: 'u1', view: view(), disableButtons: () => Promise.reject(new Error('gone')) }));
    await expect.poll(() => errors.length).toBe(1);
  });
});
