import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord } from './fake-discord';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '..');
let fake: FakeDiscord;

beforeAll(async () => {
  fake = await FakeDiscord.start();
});

afterAll(async () => {
  await fake?.close();
});

describe('npm run deploy-commands', () => {
  it('registers every command for server and user installs, in servers, DMs with the bot and group DMs', async () => {
    await run('npm', ['run', '--silent', 'deploy-commands'], {
      cwd: ROOT,
      env: { ...process.env, DISCORD_TOKEN: 'fake-bot-token.for-deploy-tests', DISCORD_CLIENT_ID: '100000000000000001', DISCORD_API_URL: fake.apiUrl, DEV_GUILD_ID: '' },
    });
    const put = fake.requests.find(request => request.method === 'PUT' && request.path === '/api/v10/applications/100000000000000001/commands');
    const commands = put!.body as { name: string; integration_types: number[]; contexts: number[] }[];
    expect(commands.map(command => command.name).sort()).toEqual(['participants', 'person', 'read', 'search', 'summary', 'trend']);
    for (const command of commands) {
      expect(command.integration_types, command.name).toEqual([0, 1]);
      expect(command.contexts, command.name).toEqual([0, 1, 2]);
    }
  });
});
