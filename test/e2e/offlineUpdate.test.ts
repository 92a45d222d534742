import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendFile, cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Server } from 'node:http';
import type { Page } from 'playwright-core';
import { useBrowser } from './helpers';
import { startStaticServer } from '../../scripts/lib/staticServer';
import { buildOfflineManifest, type OfflineManifest } from '../../scripts/lib/offlineManifest';

// The service worker's precache after a new build: only the files whose content changed are fetched
// again, files no longer built are deleted, and the runtime cache drops other builds' code. Runs on a
// copy of the built site (without the 224×224 originals, which are never precached) so it can change a file.

const browser = useBrowser();
let site: string;
let server: Server;
let siteUrl: string;
/** Addresses the service worker fetched to save them (it marks those requests). */
const precacheRequests: string[] = [];

beforeAll(async () => {
  site = await mkdtemp(join(tmpdir(), 'course-offline-'));
  await cp(resolve(process.env.E2E_DIST ?? 'dist'), site, { recursive: true, filter: (source) => !source.includes(join('data', 'images')) });
  // No isolation headers from the server: the service worker adds them.
  ({ server, url: siteUrl } = await startStaticServer({ root: site, isolate: false }));
  server.on('request', (request) => {
    if (request.headers['x-course-precache']) precacheRequests.push(new URL(request.url ?? '/', siteUrl).pathname);
  });
});

afterAll(async () => {
  await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
  await rm(site, { recursive: true, force: true });
});

/** Asks the page's service worker to save the course and resolves with its report. */
function savedForOffline(page: Page): Promise<{ fetched: number; fetchedBytes: number; files: number }> {
  return page.evaluate(() => new Promise((resolve, reject) => {
    const sw = navigator.serviceWorker;
    sw.addEventListener('message', (event) => {
      if (event.data?.type === 'precache-done') resolve(event.data);
      if (event.data?.type === 'precache-failed') reject(new Error(event.data.error));
    });
    sw.controller!.postMessage({ type: 'precache' });
  }));
}

async function rebuildManifest(): Promise<OfflineManifest> {
  const manifest = await buildOfflineManifest(site);
  await writeFile(join(site, 'offline-manifest.json'), JSON.stringify(manifest));
  return manifest;
}

describe('the offline copy after a new build', () => {
  it('fetches again only the file that changed, deletes what is gone, and prunes the runtime cache', async () => {
    const page = await browser().newPage();
    await page.goto(siteUrl);
    // One reload by the page once its service worker controls it (see src/layouts/headScript.ts).
    await expect.poll(() => page.evaluate(() => crossOriginIsolated).catch(() => false), { timeout: 30_000 }).toBe(true);
    const first = JSON.parse(await readFile(join(site, 'offline-manifest.json'), 'utf8')) as OfflineManifest;
    await expect.poll(() => page.locator('[data-offline-status]').getAttribute('data-offline-state'), { timeout: 120_000 }).toBe('saved');
    await savedForOffline(page);
    // The first visit saved every listed file once.
    expect(new Set(precacheRequests).size).toBe(first.files.length);

    // A stale copy of another build's code in the runtime cache, and a new build that changes one page and drops another.
    const stale = `${siteUrl}_astro/old-build.0123abcd.js`;
    await page.evaluate(async (url) => (await caches.open(`course-runtime:${navigator.serviceWorker.controller!.scriptURL.replace(/sw\.js$/, '')}`)).put(url, new Response('old')), stale);
    await appendFile(join(site, 'data', 'index.html'), '<!-- changed by the test -->\n');
    await rm(join(site, 'search', 'index.html'));
    const second = await rebuildManifest();
    expect(second.version).not.toBe(first.version);

    precacheRequests.length = 0;
    const report = await savedForOffline(page);
    expect(precacheRequests).toEqual([`${new URL(siteUrl).pathname}data/`]);
    expect(report.fetched).toBe(1);
    const changedBytes = (await readFile(join(site, 'data', 'index.html'))).length;
    expect(report.fetchedBytes).toBe(changedBytes);
    console.log(`re-fetched after the change: ${report.fetched} file, ${report.fetchedBytes} bytes (the offline set: ${second.files.length} files, ${second.bytes} bytes)`);

    const cached = await page.evaluate(async () => {
      const scope = navigator.serviceWorker.controller!.scriptURL.replace(/sw\.js$/, '');
      const precache = await caches.open(`course-precache:${scope}`);
      const runtime = await caches.open(`course-runtime:${scope}`);
      return {
        names: await caches.keys(),
        precached: (await precache.keys()).map((request) => request.url),
        runtime: (await runtime.keys()).map((request) => request.url),
        dataPage: await (await precache.match(`${scope}data/`))?.text(),
      };
    });
    expect(cached.names.filter((name) => name.startsWith('course-precache')).length).toBe(1);
    expect(cached.precached).toHaveLength(second.files.length);
    expect(cached.precached).not.toContain(`${siteUrl}search/`);
    expect(cached.dataPage).toContain('<!-- changed by the test -->');
    expect(cached.runtime).not.toContain(stale);
    // Pages still come cross-origin isolated from the service worker.
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    await page.close();
  });
});
