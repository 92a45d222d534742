import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer } from '../../scripts/lib/staticServer';

// Issue 14, item 15: the course server (npm start, npm run preview, the e2e server) must survive any
// request path a browser or a hostile client can send, and never serve a file outside the site.

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A GET with the path sent exactly as written (fetch would normalise `..` and escapes first). */
function get(origin: string, rawPath: string): Promise<Answer> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path: rawPath, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => { body += chunk; });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    // A server that crashed or dropped the request never answers: fail, do not hang.
    req.setTimeout(5000, () => req.destroy(new Error(`no answer to GET ${rawPath} within 5 s`)));
    req.end();
  });
}

const MALFORMED = ['/%E0%A4%A', '/%', '/lessons/%zz/', '/%C0%AF', '/data/%E0%A4%A.jpg'];
const TRAVERSAL = [
  '/..%2f..%2fetc/passwd',
  '/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
  '/../../../etc/passwd',
  '/lessons/..%5c..%5c..%5cetc%5cpasswd',
  '/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '/data/..%2f..%2f..%2fsecret.txt',
  '/index.html%00.jpg',
];

let site: string;
let outside: string;
beforeAll(async () => {
  outside = await mkdtemp(join(tmpdir(), 'course-server-'));
  site = join(outside, 'site');
  await mkdir(join(site, 'lessons', '01-baseline'), { recursive: true });
  await mkdir(join(site, 'images'), { recursive: true });
  await writeFile(join(site, 'index.html'), '<h1>the course</h1>');
  await writeFile(join(site, 'lessons', '01-baseline', 'index.html'), '<h1>baseline</h1>');
  // Names a dataset may carry: the server decodes them the way static hosts do.
  for (const name of ['a#1.jpg', '50%.jpg', 'with space.jpg', '救护车.jpg', 'what?.jpg']) await writeFile(join(site, 'images', name), name);
  await writeFile(join(outside, 'secret.txt'), 'root:x:0:0 secret');
});
afterAll(async () => {
  await rm(outside, { recursive: true, force: true });
});

describe('startStaticServer', () => {
  let server: Server;
  let origin: string;
  beforeAll(async () => {
    const started = await startStaticServer({ root: site });
    server = started.server;
    origin = new URL(started.url).origin;
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  it.each(MALFORMED)('answers a malformed escape (%s) with 400 and a message, and keeps serving', async (path) => {
    const answer = await get(origin, path);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatch(/^bad request: the address has a malformed %-escape/);
    expect(answer.headers['cross-origin-embedder-policy']).toBe('require-corp');
    const home = await get(origin, '/');
    expect(home.status).toBe(200);
    expect(home.body).toBe('<h1>the course</h1>');
  });

  it.each(TRAVERSAL)('never serves a file outside the site (%s)', async (path) => {
    const answer = await get(origin, path);
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
    expect(answer.body).not.toContain('root:x');
    expect((await get(origin, '/')).status).toBe(200);
  });

  it('serves pages with the cross-origin isolation headers, folders as their index.html', async () => {
    for (const path of ['/', '/lessons/01-baseline/', '/lessons/01-baseline']) {
      const answer = await get(origin, path);
      expect(answer.status, path).toBe(200);
      expect(answer.headers['content-type'], path).toMatch(/^text\/html/);
      expect(answer.headers['cross-origin-opener-policy'], path).toBe('same-origin');
      expect(answer.headers['cross-origin-embedder-policy'], path).toBe('require-corp');
      expect(answer.headers['cache-control'], path).toBe('no-cache');
    }
    expect((await get(origin, '/lessons/01-baseline/')).body).toBe('<h1>baseline</h1>');
  });

  it('decodes percent-escaped names once, as static hosts do (#, %, space, Chinese, ?)', async () => {
    for (const name of ['a#1.jpg', '50%.jpg', 'with space.jpg', '救护车.jpg', 'what?.jpg']) {
      const answer = await get(origin, `/images/${encodeURIComponent(name)}`);
      expect(answer.status, name).toBe(200);
      expect(answer.body, name).toBe(name);
    }
  });

  it('says what was not found', async () => {
    const answer = await get(origin, '/lessons/99-missing/');
    expect(answer.status).toBe(404);
    expect(answer.body).toBe('not found: /lessons/99-missing/');
  });
});

describe('npm run preview (scripts/serve.ts)', () => {
  let child: ChildProcess;
  let origin: string;
  let stderr = '';
  beforeAll(async () => {
    child = spawn(process.execPath, ['--import', 'tsx', 'scripts/serve.ts', '--port', '0', '--dir', site], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stderr!.on('data', (chunk) => { stderr += String(chunk); });
    origin = await new Promise<string>((resolve, reject) => {
      let stdout = '';
      child.stdout!.on('data', (chunk) => {
        stdout += String(chunk);
        const url = /served at (http:\/\/\S+)/.exec(stdout)?.[1];
        if (url) resolve(new URL(url).origin);
      });
      child.once('exit', (code) => reject(new Error(`serve.ts exited with ${code}: ${stderr}`)));
    });
  }, 30_000);
  afterAll(() => {
    child?.kill();
  });

  it('survives malformed and traversal requests and goes on serving', async () => {
    for (const path of [...MALFORMED, ...TRAVERSAL]) {
      const answer = await get(origin, path);
      expect(answer.status, path).toBeGreaterThanOrEqual(400);
      expect(answer.status, path).toBeLessThan(500);
    }
    expect(child.exitCode).toBeNull();
    const home = await get(origin, '/');
    expect(home.status).toBe(200);
    expect(stderr).toBe('');
  });
});
