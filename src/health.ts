import { createServer, type Server } from 'node:http';
import { log } from './log';

export interface HealthAddress {
  readonly port: number;
  readonly host: string;
}

/**
 * The container host's view of the process: /healthz answers while the process is alive, /readyz only
 * while the index is loaded and the gateway is connected (or reconnecting). Whoever can reach the port
 * may send anything, so the request target is compared as it came, never parsed: there is nothing in
 * it to throw on. A request line Node's own parser refuses gets its 400 from Node.
 */
export function startHealthServer(address: HealthAddress, isReady: () => boolean): Promise<Server> {
  const server = createServer((request, response) => {
    const path = (request.url ?? '').split('?', 1)[0];
    const [status, body] = path === '/healthz' ? [200, 'ok'] : path === '/readyz' ? (isReady() ? [200, 'ready'] : [503, 'not ready']) : [404, 'not found'];
    response.writeHead(status, { 'content-type': 'text/plain' });
    response.end(`${body}\n`);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(address.port, address.host, () => {
      server.off('error', reject);
      // Once listening, a failure (out of file descriptors, say) is the health server's alone: logged,
      // never allowed to end the bot.
      server.on('error', error => log.warn('health check server error', error));
      resolve(server);
    });
  });
}
