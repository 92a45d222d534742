/**
 * Authoring: `astro dev` (npm run dev) runs the baseline lesson's first cells, as an instructor editing a lesson
 * would see them, and reloads the page when a cell's file or the prose changes. The built site keeps its CSP. The dev server serves a copy of the baseline lesson
 * (COURSE_LESSONS, in test/tmp/) with its own content cache, so it shares nothing with a concurrent build.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { watchPage } from '../../scripts/lib/chromium';
import { cell, output, pressRun, useBrowser } from './helpers';

const browser = useBrowser();
let temp: string;
let lessons: string;
let devServer: ChildProcess | undefined;
let devUrl: string;
let log = '';

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

async function waitForServer(url: string, timeout: number): Promise<void> {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    if (devServer?.exitCode !== null) throw new Error(`astro dev exited (${devServer?.exitCode}):\n${log}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((wake) => setTimeout(wake, 500));
  }
  throw new Error(`astro dev did not answer ${url} within ${timeout} ms:\n${log}`);
}

/** Appends `line` to `file`, as an author's save, and waits for the page to show it (`shown`). */
async function editAndWait(file: string, line: string, shown: Locator): Promise<void> {
  writeFileSync(file, `${readFileSync(file, 'utf8')}\n${line}\n`);
  await shown.first().waitFor({ timeout: 30_000 }).catch((error) => {
    throw new Error(`${file} was edited but the page did not show "${line}" within 30 s:\n${log}`, { cause: error });
  });
}

beforeAll(async () => {
  mkdirSync('test/tmp', { recursive: true });
  temp = resolve(mkdtempSync('test/tmp/dev-server-'));
  lessons = join(temp, 'lessons');
  cpSync('content/lessons/01-baseline', join(lessons, '01-baseline'), { recursive: true });
  const port = await freePort();
  devUrl = `http://localhost:${port}/`;
  // Its own process group (detached), so that afterAll ends npx, astro and esbuild together.
  devServer = spawn('npx', ['astro', 'dev', '--port', String(port)], {
    detached: true,
    // NODE_ENV as a shell has it: Vitest sets it to "test", under which Astro turns live reload (HMR) off.
    env: { ...process.env, NODE_ENV: 'development', COURSE_LESSONS: lessons, COURSE_CACHE_DIR: join(temp, 'cache') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  devServer.stdout!.on('data', (chunk) => (log += chunk));
  devServer.stderr!.on('data', (chunk) => (log += chunk));
  await waitForServer(`${devUrl}lessons/01-baseline/`, 60_000);
}, 90_000);

afterAll(() => {
  if (devServer?.pid && devServer.exitCode === null) {
    try { process.kill(-devServer.pid, 'SIGTERM'); } catch {}
  }
  if (temp) rmSync(temp, { recursive: true, force: true });
});

describe('the dev server (npm run dev)', () => {
  let page: Page;
  let watch: ReturnType<typeof watchPage>;

  beforeAll(async () => {
    page = await browser().newPage();
    watch = watchPage(page, new URL(devUrl).origin);
    await page.goto(`${devUrl}lessons/01-baseline/`);
  });
  afterAll(async () => {
    await page?.close();
  });

  it('runs the baseline lesson\'s data loading (64 px) and split cells, the page isolated for threads', async () => {
    // No dev toolbar over the first cell, no CSP that would block Vite's inline scripts, no offline footer.
    expect(await page.locator('astro-dev-toolbar').count()).toBe(0);
    expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').count()).toBe(0);
    expect(await page.locator('[data-offline-status]').isHidden()).toBe(true);
    expect(await pressRun(page, 'load', 60_000)).toBe('done');
    await expect(output(page, 'load').textContent()).resolves.toMatch(/Loaded .*1200 images at 64×64 \(552 emergency, 648 non-emergency/);
    expect(await output(page, 'load').locator('.image-grid canvas').count()).toBe(12);
    expect(await pressRun(page, 'split', 30_000)).toBe('done');
    await expect(output(page, 'split').textContent()).resolves.toContain('840 training images, 360 validation images');
    // The dev server sends COOP/COEP (astro.config.mjs server.headers): TF.js's wasm backend may use threads.
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    expect(watch.pageErrors).toEqual([]);
    expect(watch.failedRequests).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
  }, 90_000);

  it('reloads the page with the new code when a cell\'s file changes, and with the new words when the prose does', async () => {
    await editAndWait(join(lessons, '01-baseline', 'cells', '02-split.ts'), '// edited while the dev server runs',
      cell(page, 'split').locator('pre', { hasText: 'edited while the dev server runs' }));
    await editAndWait(join(lessons, '01-baseline', 'en.mdx'), 'A sentence added while the dev server runs.',
      page.getByText('A sentence added while the dev server runs.'));
  }, 70_000);
});

describe('the built site', () => {
  it('keeps its Content-Security-Policy (left out only under astro dev)', async () => {
    const html = await (await fetch(`${inject('siteUrl')}lessons/01-baseline/`)).text();
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'[^"]*'sha256-/);
  });
});
