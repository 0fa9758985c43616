import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/**
 * A stand-in for Discord on 127.0.0.1: the REST routes a bot answering interactions uses, and a gateway
 * that says HELLO, answers heartbeats, sends READY on IDENTIFY and RESUMED on RESUME, and dispatches the
 * interactions a test sends. The real discord.js client talks to it through DISCORD_API_URL.
 *
 * It recommends `shards` shards (one unless told), and lets all of them identify at once. As Discord
 * does, it sends an interaction only on the connection of the shard its server belongs to, (guild id >>
 * 22) % shard count, and one from a DM on shard 0's.
 */

export const APPLICATION_ID = '100000000000000001';
export const BOT_USER = { id: APPLICATION_ID, username: 'meeting-reports', discriminator: '0', global_name: null, avatar: null, bot: true };

export interface FakeDiscordOptions {
  /** The shard count /gateway/bot recommends. */
  readonly shards?: number;
}

/** The shard, of `count`, that Discord sends a server's events on. */
export function shardOf(guildId: string, count: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(count));
}

/** A server id, as Discord makes them, whose events go to `shard` of `count`. */
export function guildOnShard(shard: number, count: number): string {
  let id = BigInt(nextSnowflake());
  while (shardOf(String(id), count) !== shard) id += 1n << 22n;
  return String(id);
}

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: string;
  readonly body: any;
  /** Files sent with the request (multipart/form-data), with their bytes as they arrived. */
  readonly files: readonly UploadedFile[];
  readonly authorization: string | undefined;
  readonly at: number;
}

export interface UploadedFile {
  readonly field: string;
  readonly name: string;
  readonly contentType: string | undefined;
  readonly bytes: Buffer;
}

/** A scripted answer for the next request that matches: a status, its headers and body. */
interface Fault {
  readonly matches: (request: RecordedRequest) => boolean;
  readonly status: number;
  readonly headers?: Record<string, string>;
  readonly body?: unknown;
  remaining: number;
}

let snowflake = 200000000000000000n;
export function nextSnowflake(): string {
  snowflake += 1n;
  return String(snowflake);
}

export class FakeDiscord {
  readonly requests: RecordedRequest[] = [];
  readonly gatewayOps: { op: number; d: any }[] = [];
  private readonly http: Server;
  private readonly gateway: WebSocketServer;
  private readonly sockets = new Set<WebSocket>();
  /** The [id, count] each connection identified as, once it has. */
  private readonly shardOfSocket = new Map<WebSocket, [number, number]>();
  private readonly faults: Fault[] = [];
  private readonly waiters: { predicate: (request: RecordedRequest) => boolean; resolve: (request: RecordedRequest) => void }[] = [];
  private sequence = 0;
  private port = 0;
  private identifyRefusal: number | null = null;

  private constructor(readonly shardCount: number) {
    this.http = createServer((request, response) => void this.handle(request, response));
    this.gateway = new WebSocketServer({ server: this.http, path: '/gateway' });
    this.gateway.on('connection', socket => this.connect(socket));
  }

  static async start({ shards = 1 }: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const fake = new FakeDiscord(shards);
    fake.http.listen(0, '127.0.0.1');
    await once(fake.http, 'listening');
    fake.port = (fake.http.address() as AddressInfo).port;
    return fake;
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  /** The next `times` requests that match are answered with this status instead. */
  fail(matches: (request: RecordedRequest) => boolean, status: number, times = 1, headers?: Record<string, string>, body?: unknown): void {
    this.faults.push({ matches, status, headers, body, remaining: times });
  }

  /** Resolves with the first request, past or future, that matches. */
  waitForRequest(predicate: (request: RecordedRequest) => boolean, timeoutMs = 5000): Promise<RecordedRequest> {
    const seen = this.requests.find(predicate);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('fake Discord: no matching request arrived')), timeoutMs);
      this.waiters.push({
        predicate,
        resolve: request => {
          clearTimeout(timer);
          resolve(request);
        },
      });
    });
  }

  waitForGatewayOp(op: number, after = 0, timeoutMs = 5000): Promise<{ op: number; d: any }> {
    const started = Date.now();
    return new Promise((resolve, reject) => {
      const poll = () => {
        const found = this.gatewayOps.slice(after).find(entry => entry.op === op);
        if (found) return resolve(found);
        if (Date.now() - started > timeoutMs) return reject(new Error(`fake Discord: no gateway op ${op}`));
        setTimeout(poll, 10);
      };
      poll();
    });
  }

  /** The shards identified on the open connections, as [id, count], in order of id. */
  get identifiedShards(): [number, number][] {
    return [...this.shardOfSocket.values()].sort((a, b) => a[0] - b[0]);
  }

  /** Sends INTERACTION_CREATE for an interaction, on its server's shard, and returns it, with the id and token the bot must answer to. */
  dispatchInteraction(interaction: Record<string, unknown>): { id: string; token: string } {
    const id = nextSnowflake();
    const token = `token-${id}`;
    const guildId = typeof interaction.guild_id === 'string' ? interaction.guild_id : null;
    this.dispatch('INTERACTION_CREATE', guildId, {
      id,
      token,
      application_id: APPLICATION_ID,
      version: 1,
      entitlements: [],
      authorizing_integration_owners: {},
      app_permissions: '0',
      ...interaction,
    });
    return { id, token };
  }

  /** Closes every gateway connection with a code that makes the client resume. */
  dropGateway(): void {
    this.closeGateway(4000);
  }

  /** Closes every gateway connection with a close code, such as 4004 for a revoked token; or only one shard's. */
  closeGateway(code: number, shard?: number): void {
    for (const socket of this.sockets) if (shard === undefined || this.shardOfSocket.get(socket)?.[0] === shard) socket.close(code, 'test close');
  }

  /** The next IDENTIFY is answered by closing the connection with this code instead of READY. */
  refuseNextIdentify(code: number): void {
    this.identifyRefusal = code;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.close(4004, 'test over');
    for (const socket of this.sockets) socket.terminate();
    this.gateway.close();
    this.http.closeAllConnections();
    await new Promise<void>(resolve => this.http.close(() => resolve()));
  }

  private dispatch(type: string, guildId: string | null, data: unknown): void {
    this.sequence += 1;
    const payload = JSON.stringify({ op: 0, t: type, s: this.sequence, d: data });
    for (const [socket, [shard, count]] of this.shardOfSocket) {
      if (shard === (guildId === null ? 0 : shardOf(guildId, count))) socket.send(payload);
    }
  }

  private connect(socket: WebSocket): void {
    this.sockets.add(socket);
    socket.on('close', () => {
      this.sockets.delete(socket);
      this.shardOfSocket.delete(socket);
    });
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 41250 } }));
    socket.on('message', raw => {
      const message = JSON.parse(String(raw)) as { op: number; d: any };
      this.gatewayOps.push(message);
      if (message.op === 1) socket.send(JSON.stringify({ op: 11 }));
      if (message.op === 2 && this.identifyRefusal !== null) {
        socket.close(this.identifyRefusal, 'identify refused');
        this.identifyRefusal = null;
      } else if (message.op === 2) {
        const shard: [number, number] = message.d?.shard ?? [0, 1];
        this.shardOfSocket.set(socket, shard);
        this.sequence += 1;
        socket.send(
          JSON.stringify({
            op: 0,
            t: 'READY',
            s: this.sequence,
            d: {
              v: 10,
              user: BOT_USER,
              application: { id: APPLICATION_ID, flags: 0 },
              guilds: [],
              session_id: `fake-session-${shard[0]}-of-${shard[1]}`,
              resume_gateway_url: `ws://127.0.0.1:${this.port}/gateway`,
              shard,
            },
          }),
        );
      }
      if (message.op === 6) {
        // A resumed connection carries on the shard its session was identified as.
        const resumed = /^fake-session-(\d+)-of-(\d+)$/.exec(String(message.d?.session_id));
        if (resumed) this.shardOfSocket.set(socket, [Number(resumed[1]), Number(resumed[2])]);
        this.sequence += 1;
        socket.send(JSON.stringify({ op: 0, t: 'RESUMED', s: this.sequence, d: {} }));
      }
    });
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${this.port}`);
    // discord.js sends a message with attachments as multipart/form-data: the JSON in payload_json, each file in files[n].
    const boundary = /^multipart\/form-data;.*boundary=(?:"([^"]+)"|([^;]+))/i.exec(request.headers['content-type'] ?? '');
    const multipart = boundary ? parseMultipart(raw, boundary[1] ?? boundary[2]!) : null;
    const text = multipart ? (multipart.fields.payload_json ?? '') : raw.toString('utf8');
    const recorded: RecordedRequest = {
      method: request.method ?? 'GET',
      path: decodeURIComponent(url.pathname),
      query: url.search,
      body: text ? safeJson(text) : null,
      files: multipart?.files ?? [],
      authorization: request.headers.authorization,
      at: Date.now(),
    };
    this.requests.push(recorded);
    for (const waiter of [...this.waiters]) {
      if (waiter.predicate(recorded)) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(recorded);
      }
    }

    const fault = this.faults.find(candidate => candidate.remaining > 0 && candidate.matches(recorded));
    if (fault) {
      fault.remaining -= 1;
      response.writeHead(fault.status, { 'content-type': 'application/json', ...fault.headers });
      response.end(JSON.stringify(fault.body ?? { message: 'scripted failure', code: 0 }));
      return;
    }

    if (recorded.method === 'GET' && url.pathname === '/api/v10/gateway/bot') {
      return json(response, 200, {
        url: `ws://127.0.0.1:${this.port}/gateway`,
        shards: this.shardCount,
        // Every shard may identify at once, so that a test never waits out Discord's five seconds between them.
        session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: this.shardCount },
      });
    }
    // Registering the commands (npm run deploy-commands) answers with what was registered.
    if (recorded.method === 'PUT' && /^\/api\/v10\/applications\/\d+(\/guilds\/\d+)?\/commands$/.test(url.pathname)) {
      return json(response, 200, recorded.body);
    }
    if (/^\/api\/v10\/interactions\/\d+\/[^/]+\/callback$/.test(url.pathname)) {
      response.writeHead(204);
      response.end();
      return;
    }
    if (/^\/api\/v10\/webhooks\/\d+\/[^/]+(\/messages\/.+)?$/.test(url.pathname)) {
      return json(response, 200, messageObject(recorded.body));
    }
    json(response, 404, { message: 'Unknown route in fake Discord', code: 0 });
  }
}

/** The parts of a multipart/form-data body (RFC 7578): text fields by name, and the files. */
function parseMultipart(raw: Buffer, boundary: string): { fields: Record<string, string>; files: UploadedFile[] } {
  const delimiter = Buffer.from(`--${boundary}`);
  const fields: Record<string, string> = {};
  const files: UploadedFile[] = [];
  for (let at = raw.indexOf(delimiter); at >= 0; ) {
    const start = at + delimiter.length;
    if (raw.subarray(start, start + 2).toString() === '--') break;
    const next = raw.indexOf(delimiter, start);
    if (next < 0) break;
    // Each part: CRLF after the delimiter, headers, a blank line, the body, CRLF before the next delimiter.
    const part = raw.subarray(start + 2, next - 2);
    const headerEnd = part.indexOf('\r\n\r\n');
    const headers = part.subarray(0, headerEnd).toString('utf8');
    const body = part.subarray(headerEnd + 4);
    const field = /name="([^"]*)"/.exec(headers)?.[1] ?? '';
    const name = /filename="([^"]*)"/.exec(headers)?.[1];
    if (name === undefined) fields[field] = body.toString('utf8');
    else files.push({ field, name, contentType: /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1], bytes: Buffer.from(body) });
    at = next;
  }
  return { fields, files };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

/** A message as Discord returns it, carrying what a request body gave it. */
export function messageObject(body: any, channelId = '300000000000000001') {
  return {
    id: nextSnowflake(),
    channel_id: channelId,
    type: 0,
    content: body?.content ?? '',
    embeds: body?.embeds ?? [],
    components: body?.components ?? [],
    attachments: [],
    mentions: [],
    mention_roles: [],
    mention_everyone: false,
    pinned: false,
    tts: false,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    flags: body?.flags ?? 0,
    author: BOT_USER,
  };
}

/**
 * The parts of an interaction that say who asked, and where: a member of a test guild (by default one
 * on shard 0) that installed the bot; or a user who installed it for themselves, in a DM with the bot or
 * in a group DM (a private channel the bot is not in).
 */
export function asker(where: 'guild' | 'dm' | 'group', userId = '400000000000000001', guildId = '500000000000000001') {
  const user = { id: userId, username: `user${userId.slice(-2)}`, discriminator: '0', global_name: null, avatar: null };
  if (where === 'guild') {
    const channel = { id: '300000000000000001', type: 0, guild_id: guildId, name: 'reports' };
    return {
      guild_id: guildId,
      guild_locale: 'en-US',
      channel_id: channel.id,
      channel,
      member: { user, roles: [], permissions: '0', joined_at: new Date(0).toISOString(), deaf: false, mute: false, flags: 0 },
      authorizing_integration_owners: { '0': guildId },
      context: 0,
    };
  }
  const channel = where === 'dm' ? { id: '300000000000000002', type: 1 } : { id: '300000000000000003', type: 3, name: 'reading group', recipients: [] };
  return { channel_id: channel.id, channel, user, authorizing_integration_owners: { '1': userId }, context: where === 'dm' ? 1 : 2 };
}
