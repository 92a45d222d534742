import { createServer, type Server } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.wasm': 'application/wasm',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

export interface StaticServerOptions {
  /** Folder to serve (the built site). */
  root: string;
  /** URL prefix the site was built for, e.g. "/course/" (default "/"). */
  base?: string;
  port?: number;
  host?: string;
  /** Send COOP/COEP so pages are cross-origin isolated and wasm can use threads (default true). */
  isolate?: boolean;
  /** Serve these URL sub-paths (relative to base, e.g. "data/") from other folders: a test can swap the dataset. */
  mounts?: Record<string, string>;
}

/**
 * A plain static file server for the built site, as a static host would serve it, plus the
 * cross-origin isolation headers. Used by `npm start` and by the end-to-end tests.
 */
export function startStaticServer(options: StaticServerOptions): Promise<{ server: Server; url: string }> {
  const root = resolve(options.root);
  const base = normaliseBase(options.base ?? '/');
  const isolate = options.isolate ?? true;
  const server = createServer(async (request, response) => {
    const headers: Record<string, string> = isolate
      ? { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp', 'Cross-Origin-Resource-Policy': 'same-origin' }
      : {};
    const url = new URL(request.url ?? '/', 'http://localhost');
    let path = decodeURIComponent(url.pathname);
    if (!path.startsWith(base)) {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', ...headers }).end(`not found: ${path} is outside the site's base ${base}`);
      return;
    }
    path = path.slice(base.length);
    const mount = Object.entries(options.mounts ?? {}).find(([prefix]) => path.startsWith(prefix));
    const folder = mount ? resolve(mount[1]) : root;
    if (mount) path = path.slice(mount[0].length);
    let file = normalize(join(folder, path));
    if (file !== folder && !file.startsWith(folder + sep)) {
      response.writeHead(403, headers).end('forbidden');
      return;
    }
    try {
      let info = await stat(file);
      if (info.isDirectory()) {
        file = join(file, 'index.html');
        info = await stat(file);
      }
      response.writeHead(200, {
        'Content-Type': MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'Content-Length': String(info.size),
        'Cache-Control': 'no-cache',
        ...headers,
      });
      if (request.method === 'HEAD') response.end();
      else createReadStream(file).pipe(response);
    } catch {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', ...headers }).end(`not found: ${url.pathname}`);
    }
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : options.port;
      resolvePromise({ server, url: `http://${options.host ?? '127.0.0.1'}:${port}${base}` });
    });
  });
}

function normaliseBase(base: string): string {
  const withLeading = base.startsWith('/') ? base : `/${base}`;
  return withLeading.endsWith('/') ? withLeading : `${withLeading}/`;
}
