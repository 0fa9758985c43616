import { createServer, type Server } from 'node:http';

/**
 * The container host's view of the process: /healthz answers while the process is alive, /readyz only
 * once the index is loaded and the gateway is ready.
 */
export function startHealthServer(port: number, isReady: () => boolean): Promise<Server> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const [status, body] = path === '/healthz' ? [200, 'ok'] : path === '/readyz' ? (isReady() ? [200, 'ready'] : [503, 'not ready']) : [404, 'not found'];
    response.writeHead(status, { 'content-type': 'text/plain' });
    response.end(`${body}\n`);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => resolve(server));
  });
}
