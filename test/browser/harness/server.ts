import { createReadStream, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, resolve, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

/** What the page may fetch: the built package and this harness, nothing else of the repository. */
const SERVED = ['/dist/', '/test/browser/'];

export interface StaticServer {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  /** Every request that was not answered with 200, as `404 /path`: shown when a page fails. */
  readonly failures: string[];
  close(): Promise<void>;
}

/**
 * Serves `dist/` and `test/browser/` of `root` over HTTP on 127.0.0.1 and an ephemeral port: ES
 * modules do not load from file:// URLs.
 */
export async function serveStatic(root: string): Promise<StaticServer> {
  const failures: string[] = [];
  const server: Server = createServer((request, response) => {
    const fail = (status: number, path: string): void => {
      failures.push(`${status} ${path}`);
      response.writeHead(status, { 'content-type': 'text/plain' }).end(`${status}\n`);
    };
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const file = resolve(root, `.${path}`);
    if (request.method !== 'GET' || !SERVED.some((prefix) => path.startsWith(prefix))) return fail(404, path);
    if (!file.startsWith(root.endsWith(sep) ? root : root + sep)) return fail(403, path);
    const type = CONTENT_TYPES[extname(file)];
    let isFile = false;
    try {
      isFile = statSync(file).isFile();
    } catch {
      // missing: isFile stays false
    }
    if (type === undefined || !isFile) return fail(404, path);
    response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((done, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', done);
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    failures,
    close: () =>
      new Promise<void>((done, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : done()));
      }),
  };
}
