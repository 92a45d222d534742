import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import sirv from 'sirv';

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

type Handler = (request: IncomingMessage, response: ServerResponse, next: () => void) => void;
/** What sirv reads the path from (polka's parsed-URL cache): set so sirv serves the path decoded here. */
type ParsedRequest = IncomingMessage & { _parsedUrl?: { pathname: string; search: string; raw: string } };

/**
 * The built site as a static host serves it, plus the cross-origin isolation headers. Used by
 * `npm start`, `npm run preview`, the lesson runner and the end-to-end tests. Files are served by
 * sirv; this layer decodes the address once (refusing malformed escapes and `..` segments, which
 * a bare decodeURIComponent would throw on or let through) and maps the base and mounts.
 */
export function startStaticServer(options: StaticServerOptions): Promise<{ server: Server; url: string }> {
  const base = normaliseBase(options.base ?? '/');
  const isolation: Record<string, string> = options.isolate ?? true
    ? { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp', 'Cross-Origin-Resource-Policy': 'same-origin' }
    : {};
  // dev: files are looked up on each request, so a rebuild under a running server is served as it is.
  const serve = (folder: string): Handler => sirv(resolve(folder), {
    dev: true,
    etag: true,
    dotfiles: false,
    setHeaders: (response) => response.setHeader('Cache-Control', 'no-cache'),
  });
  const mounts = Object.entries(options.mounts ?? {}).map(([prefix, folder]) => ({ prefix, handler: serve(folder) }));
  const site = serve(options.root);

  const server = createServer((request, response) => {
    for (const [name, value] of Object.entries(isolation)) response.setHeader(name, value);
    const refuse = (status: number, message: string) => {
      response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' }).end(message);
    };
    const raw = request.url ?? '/';
    const rawPath = raw.split(/[?#]/, 1)[0]!;
    const path = decodePath(rawPath);
    if (path === undefined) return refuse(400, `bad request: the address has a malformed %-escape: ${rawPath}`);
    if (/[\0\\]/.test(path) || path.split('/').includes('..')) return refuse(400, `bad request: the address leaves the site: ${rawPath}`);
    if (!path.startsWith(base)) return refuse(404, `not found: ${path} is outside the site's base ${base}`);

    let inSite = path.slice(base.length);
    const mount = mounts.find(({ prefix }) => inSite.startsWith(prefix));
    if (mount) inSite = inSite.slice(mount.prefix.length);
    // sirv decodes its path with decodeURI: a literal % is written as %25 so it comes back as itself.
    (request as ParsedRequest)._parsedUrl = { pathname: `/${inSite}`.replace(/%/g, '%25'), search: '', raw };
    (mount?.handler ?? site)(request, response, () => refuse(404, `not found: ${path}`));
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

/** The path with every %-escape decoded once, or undefined when an escape is malformed. */
function decodePath(rawPath: string): string | undefined {
  try {
    return decodeURIComponent(rawPath);
  } catch {
    return undefined;
  }
}

function normaliseBase(base: string): string {
  const withLeading = base.startsWith('/') ? base : `/${base}`;
  return withLeading.endsWith('/') ? withLeading : `${withLeading}/`;
}
