/**
 * The course as an instructor deploys it: built for a sub-path (/course/, as on GitHub Pages), served by a
 * plain static file server that sends no special headers. Every page must load under the prefix with no
 * failed request and nothing from another origin, pass axe-core without serious or critical violations, become
 * cross-origin isolated through the service worker, keep working offline, and be searchable, themable and
 * usable on a phone.
 *
 * The test builds its own copy (about 30 s). DEPLOY_DIST=<folder> reuses a folder already built with
 * COURSE_BASE=/course/ COURSE_SITE=https://course.example.edu (and Pagefind run on it), for quicker local runs.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, watchPage } from '../../scripts/lib/chromium';
import { startStaticServer } from '../../scripts/lib/staticServer';
import { cell, output, pressRun, waitForState } from './helpers';
import { buildCourse } from './buildCourse';
import { hasProse, lessonFolders } from '../../src/lessons/layout';

const run = promisify(execFile);
const BASE = '/course/';
/** The public origin the build is told about: only <link rel=alternate> uses it, nothing is fetched from it. */
const SITE = 'https://course.example.edu';
const AXE = resolve('node_modules/axe-core/axe.min.js');

let dist: string;
let builtHere = false;
let server: Server;
let siteUrl: string;
let origin: string;
let browser: Browser;
let lessons: string[];

beforeAll(async () => {
  if (process.env.DEPLOY_DIST) {
    dist = resolve(process.env.DEPLOY_DIST);
  } else {
    dist = await mkdtemp(join(tmpdir(), 'course-deploy-'));
    builtHere = true;
    await buildCourse(dist, { COURSE_BASE: BASE, COURSE_SITE: SITE }, { search: true });
  }
  expect(existsSync(join(dist, 'pagefind', 'pagefind.js'))).toBe(true);
  lessons = (await readdir(join(dist, 'lessons'))).sort();
  ({ server, url: siteUrl } = await startStaticServer({ root: dist, base: BASE, isolate: false }));
  origin = new URL(siteUrl).origin;
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
  if (builtHere && !process.env.DEPLOY_KEEP) await rm(dist, { recursive: true, force: true });
});

async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol: the page's Content-Security-Policy rightly blocks an injected <script>.
  await page.evaluate(await readFile(AXE, 'utf8'));
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((violation) => ({ id: violation.id, impact: violation.impact, targets: violation.nodes.slice(0, 3).map((node) => node.target.join(' ')) }));
  });
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => `${violation.id} (${violation.impact}): ${violation.targets.join(', ')}`);
}

describe('the course built for /course/ on a plain static server', () => {
  let context: BrowserContext;
  let page: Page;
  let watch: ReturnType<typeof watchPage>;

  beforeAll(async () => {
    context = await browser.newContext();
    page = await context.newPage();
    watch = watchPage(page, origin);
  });
  afterAll(async () => {
    await context?.close();
  });

  it('becomes cross-origin isolated after one reload by its service worker, and saves itself for offline use', async () => {
    const loads: string[] = [];
    page.on('load', () => loads.push(page.url()));
    const response = await page.goto(siteUrl);
    // The server sent no isolation headers.
    expect(response?.headers()['cross-origin-embedder-policy']).toBeUndefined();
    await expect.poll(() => page.evaluate(() => crossOriginIsolated).catch(() => false), { timeout: 30_000 }).toBe(true);
    await expect.poll(() => page.locator('[data-offline-status]').getAttribute('data-offline-state').catch(() => null), { timeout: 60_000 }).toBe('saved');
    await expect(page.locator('[data-offline-status]').textContent()).resolves.toMatch(/Saved for offline use/);
    expect(loads).toHaveLength(2); // the first visit and the one reload, no loop
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(`${siteUrl}sw.js`);
  });

  it('loads every page under the prefix: no failed request, nothing from another origin, every link resolves, no serious axe violation', async () => {
    const translated = lessons.filter((id) => hasProse(id, 'zh'));
    const paths = ['', 'data/', 'search/', ...lessons.map((id) => `lessons/${id}/`), 'zh/', 'zh/search/', ...translated.map((id) => `zh/lessons/${id}/`)];
    // Every lesson folder became a page.
    expect(lessons).toEqual(lessonFolders());
    const links = new Set<string>();
    const problems: string[] = [];
    for (const path of paths) {
      await page.goto(`${siteUrl}${path}`);
      await expect(page.locator('h1').first().isVisible()).resolves.toBe(true);
      expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
      // The site's stylesheet applied (a missing CSS file would not show as a failed page).
      expect(await page.locator('.site-header').evaluate((header) => getComputedStyle(header).display)).toBe('flex');
      for (const href of await page.locator('a[href]').evaluateAll((anchors) => anchors.map((a) => (a as HTMLAnchorElement).href))) {
        const url = new URL(href);
        url.hash = '';
        links.add(url.href);
      }
      for (const violation of await axeViolations(page)) problems.push(`${path || 'index'}: ${violation}`);
    }
    expect(problems).toEqual([]);
    expect([...links].filter((href) => !href.startsWith(siteUrl))).toEqual([]);
    const statuses = await page.evaluate(async (hrefs) => Promise.all(hrefs.map(async (href) => `${(await fetch(href)).status} ${href}`)), [...links]);
    expect(statuses.filter((status) => !status.startsWith('200'))).toEqual([]);
    expect(watch.failedRequests).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    expect(watch.pageErrors).toEqual([]);
  });

  it('runs the data-loading cell with threads (code, wasm and dataset all under the prefix)', async () => {
    await page.goto(`${siteUrl}lessons/01-baseline/?backend=wasm`);
    expect(await pressRun(page, 'load', 180_000)).toBe('done');
    await expect(output(page, 'load').textContent()).resolves.toMatch(/Loaded .*\d+ images at 64×64/);
    await expect(page.locator('[data-kernel-status]').textContent()).resolves.toMatch(/backend: wasm .*threads available/);
    expect(watch.failedRequests).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
  });

  it('works offline after the first visit: a lesson reloads and loads the dataset', async () => {
    await context.setOffline(true);
    try {
      await page.goto(`${siteUrl}lessons/02-early-stopping/?backend=wasm`);
      await expect(page.locator('h1').textContent()).resolves.toMatch(/^Early stopping/);
      const first = page.locator('[data-cell]').first();
      const id = (await first.getAttribute('data-cell'))!;
      await first.getByRole('button', { name: 'Run', exact: true }).click();
      expect(await waitForState(page, id, ['done', 'error'], 180_000)).toBe('done');
      await expect(output(page, id).textContent()).resolves.toMatch(/\d+ images at 64×64/);
      expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    } finally {
      await context.setOffline(false);
    }
  });

  it('finds lessons by a word: type in the header search, get a link to the lesson', async () => {
    await page.goto(siteUrl);
    await page.getByRole('searchbox', { name: 'Search the lessons' }).fill('patience');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/course\/search\/\?q=patience$/);
    const link = page.locator('[data-search-results] a', { hasText: 'Early stopping' });
    await link.first().waitFor({ timeout: 30_000 });
    expect(await link.first().getAttribute('href')).toMatch(/^\/course\/lessons\/02-early-stopping\/$/);
    await link.first().click();
    await page.waitForURL(`${siteUrl}lessons/02-early-stopping/`);
    expect(watch.failedRequests).toEqual([]);
  });

  it('reads in Chinese: the language switch keeps the lesson, the cells are the English ones and run with Chinese controls', async () => {
    await page.goto(`${siteUrl}lessons/03-dropout/`);
    const englishCells = await page.locator('[data-cell]').evaluateAll((cells) => cells.map((c) => `${c.getAttribute('data-cell')}: ${c.querySelector('[data-cell-code]')?.textContent}`));
    await page.locator('[data-language-switch]').click();
    await page.waitForURL(`${siteUrl}zh/lessons/03-dropout/`);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await expect(page.locator('h1').textContent()).resolves.toMatch(/^丢弃法/);
    await expect(page.locator('.toc summary').textContent()).resolves.toBe('本页内容');
    expect(await page.locator('[data-cell]').evaluateAll((cells) => cells.map((c) => `${c.getAttribute('data-cell')}: ${c.querySelector('[data-cell-code]')?.textContent}`))).toEqual(englishCells);
    // The notebook's controls speak Chinese; the cell's output is the shared code's.
    await expect(page.getByRole('button', { name: '全部运行' }).isVisible()).resolves.toBe(true);
    await cell(page, 'load').getByRole('button', { name: '运行', exact: true }).click();
    expect(await waitForState(page, 'load', ['done', 'error'], 180_000)).toBe('done');
    await expect(output(page, 'load').textContent()).resolves.toMatch(/\d+ training images, \d+ validation images/);
    await expect(cell(page, 'load').locator('.cell-status').textContent()).resolves.toMatch(/^完成，用时 \d+\.\d 秒$/);
    await expect(page.locator('[data-memory-meter]').textContent()).resolves.toMatch(/^内存：\d+ 个张量/);
    // For search engines: both versions, as absolute addresses under the public origin.
    expect(await page.locator('link[rel="alternate"]').evaluateAll((links) => links.map((l) => `${l.getAttribute('hreflang')} ${l.getAttribute('href')}`))).toEqual([
      `zh-CN ${SITE}${BASE}zh/lessons/03-dropout/`,
      `en ${SITE}${BASE}lessons/03-dropout/`,
    ]);
    // Previous/next and the course index stay in Chinese.
    expect(await page.locator('.lesson-nav a[rel="next"]').getAttribute('href')).toBe(`${BASE}zh/lessons/04-batch-normalization/`);
    await page.locator('.lesson-nav').getByRole('link', { name: '全部课程' }).click();
    await page.waitForURL(`${siteUrl}zh/`);
    expect(await page.locator('.lesson-list li').count()).toBe(lessons.length);
    const titles = await page.locator('.lesson-list li[data-translated="true"] > a').allTextContents();
    expect(titles).toHaveLength(lessons.filter((id) => hasProse(id, 'zh')).length);
    expect(titles.every((title) => /\p{Script=Han}/u.test(title))).toBe(true);
    // And back: the switch on the Chinese index leads to the English one.
    await page.locator('[data-language-switch]').click();
    await page.waitForURL(siteUrl);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(watch.failedRequests).toEqual([]);
    expect(watch.pageErrors).toEqual([]);
  });

  it('searches the Chinese lessons in Chinese', async () => {
    await page.goto(`${siteUrl}zh/`);
    await page.getByRole('searchbox', { name: '搜索课程' }).fill('过拟合');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${siteUrl}zh/search/?q=${encodeURIComponent('过拟合')}`);
    const links = page.locator('[data-search-results] a');
    await links.first().waitFor({ timeout: 30_000 });
    const hrefs = await links.evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')));
    expect(hrefs.length).toBeGreaterThan(2);
    for (const href of hrefs) expect(href).toMatch(/^\/course\/zh\/lessons\/0\d-[a-z-]+\/$/);
    await expect(page.locator('[data-search-status]').textContent()).resolves.toMatch(/个课程提到/);
  });
});

describe('header files for hosts that can send headers', () => {
  it('writes _headers with every rule under the base path it was built for', async () => {
    const rules = (await readFile(join(dist, '_headers'), 'utf8')).split('\n').filter((line) => line.startsWith('/'));
    expect(rules).toEqual(['/course/*', '/course/_astro/*', '/course/sw.js']);
    expect(existsSync(join(dist, '_astro'))).toBe(true);
    expect(existsSync(join(dist, 'sw.js'))).toBe(true);
  });
});

describe('the first-load budget', () => {
  it('npm run budget passes on the /course/ build and lists every lesson with its gzipped JavaScript', async () => {
    const { stdout } = await run('npx', ['tsx', 'scripts/js-budget.ts', dist]);
    for (const id of lessons) expect(stdout).toMatch(new RegExp(`lessons/${id}/index\\.html\\s+\\d+\\s+[\\d.]+\\s+[\\d.]+\\n`));
    expect(stdout).toMatch(/Every page is within the budget of 150 KB\./);
  });
});

describe('reading comfort', () => {
  it('switches to dark mode with the toggle, remembers it, and colours the code and the editor with the dark theme', async () => {
    const context = await browser.newContext({ colorScheme: 'light', serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(`${siteUrl}lessons/01-baseline/`);
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const token = page.locator('[data-cell="model"] pre.shiki span[style*="--shiki-dark"]').first();
    const tokenColour = () => token.evaluate((span) => getComputedStyle(span).color);
    expect(await background()).toBe('rgb(255, 255, 255)');
    const lightToken = await tokenColour();
    const toggle = page.getByRole('button', { name: 'Dark mode' });
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    expect(await background()).toBe('rgb(13, 17, 23)');
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await tokenColour()).not.toBe(lightToken);
    await page.reload();
    expect(await background()).toBe('rgb(13, 17, 23)');
    expect(await page.getByRole('button', { name: 'Dark mode' }).getAttribute('aria-pressed')).toBe('true');
    // The editor a click opens is dark too, with github-dark's colours, and follows the toggle while open.
    await cell(page, 'model').locator('[data-cell-code]').click();
    const editor = cell(page, 'model').locator('.cm-editor');
    await editor.waitFor();
    const keyword = editor.locator('.cm-line span', { hasText: /^const$/ }).first();
    const editorColours = async () => [await editor.evaluate((e) => getComputedStyle(e).backgroundColor), await keyword.evaluate((e) => getComputedStyle(e).color)];
    expect(await editorColours()).toEqual(['rgb(36, 41, 46)', 'rgb(249, 117, 131)']);
    await page.getByRole('button', { name: 'Dark mode' }).click();
    expect(await editorColours()).toEqual(['rgb(255, 255, 255)', 'rgb(215, 58, 73)']);
    await context.close();
  });

  it('follows the system dark preference when the reader has not chosen', async () => {
    const context = await browser.newContext({ colorScheme: 'dark', serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(siteUrl);
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(13, 17, 23)');
    expect(await page.getByRole('button', { name: 'Dark mode' }).getAttribute('aria-pressed')).toBe('true');
    await context.close();
  });

  it('fits a 375 px phone screen: no sideways scrolling, the Run buttons within reach', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 740 }, serviceWorkers: 'block' });
    const page = await context.newPage();
    for (const path of ['', 'data/', 'search/?q=dropout', ...lessons.map((id) => `lessons/${id}/`), 'zh/', ...lessons.map((id) => `zh/lessons/${id}/`)]) {
      // Measured once the page's scripts have built their controls (exercises, notices), not only the HTML.
      await page.goto(`${siteUrl}${path}`, { waitUntil: 'networkidle' });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${path || 'index'} scrolls sideways by ${overflow} px`).toBeLessThanOrEqual(0);
      if (/^(zh\/)?lessons\//.test(path)) {
        const chinese = path.startsWith('zh/');
        const run = page.locator('[data-cell]').first().getByRole('button', { name: chinese ? '运行' : 'Run', exact: true });
        await run.scrollIntoViewIfNeeded();
        const box = (await run.boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(375);
        expect(await page.getByRole('button', { name: chinese ? '全部运行' : 'Run all' }).isVisible()).toBe(true);
      }
    }
    await context.close();
  });

  it('can be used with the keyboard alone: Tab reaches the controls, each with a visible focus ring', async () => {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(`${siteUrl}lessons/01-baseline/`);
    const seen: string[] = [];
    for (let i = 0; i < 40 && !seen.includes('div:Code of cell 2'); i++) {
      await page.keyboard.press('Tab');
      // Focusing a cell's code swaps it for the editor, which then takes the focus.
      await page.waitForFunction(() => document.activeElement && document.activeElement !== document.body && document.activeElement.tagName !== 'PRE');
      const focused = await page.evaluate(() => {
        const element = document.activeElement as HTMLElement;
        // In a cell's editor the ring is drawn around the whole editor.
        const style = getComputedStyle(element.closest('.cm-editor') ?? element);
        const label = element.getAttribute('aria-label') ?? element.textContent?.trim().slice(0, 40) ?? '';
        return { label: `${element.tagName.toLowerCase()}:${label}`, visible: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 };
      });
      expect(focused.visible, `${focused.label} has no visible focus`).toBe(true);
      seen.push(focused.label);
    }
    expect(seen[0]).toBe('a:Skip to content');
    expect(seen).toContain('button:Dark mode');
    expect(seen).toContain('button:Run all');
    expect(seen).toContain('button:Run');
    expect(seen).toContain('div:Code of cell 1'); // the cell's editor
    // Enter on the focused Run button runs the cell.
    await page.locator('[data-cell="load"] [data-cell-run]').focus();
    await page.keyboard.press('Enter');
    expect(await waitForState(page, 'load', ['running', 'done', 'error'], 30_000)).not.toBe('error');
    await context.close();
  });
});
