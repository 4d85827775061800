/**
 * A tiny static server on 127.0.0.1 for the demo and the browser tests' local pages.
 * Extra routes supply generated content (QR images, for example) without writing files.
 */
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};

export interface Route {
  readonly type: string;
  readonly body: string | Uint8Array;
}

export type RouteHandler = Route | ((url: URL) => Route);

export interface PageServer {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:41234 */
  readonly url: string;
  /** Adds or replaces a generated route (path starting with '/'). */
  route(path: string, route: RouteHandler): void;
  close(): Promise<void>;
}

export async function startPageServer(root: string): Promise<PageServer> {
  const routes = new Map<string, RouteHandler>();
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const path = decodeURIComponent(url.pathname);
      const handler = routes.get(path);
      const generated = typeof handler === 'function' ? handler(url) : handler;
      if (generated) {
        res.writeHead(200, { 'content-type': generated.type, 'cache-control': 'no-store' });
        res.end(generated.body);
        return;
      }
      const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
      if (!file.startsWith(normalize(root))) {
        res.writeHead(403).end();
        return;
      }
      try {
        const body = await readFile(file);
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
        res.end(body);
      } catch {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      }
    })();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    route: (path, route) => void routes.set(path, route),
    close: () => new Promise((done) => server.close(() => done())),
  };
}
