/**
 * A contributor adds a lesson in English only (test/fixtures/lessons/90-draft-lesson: one folder, en.mdx and
 * two cells, nothing registered anywhere). The course built with it beside a translated lesson must pass the
 * lesson check and the cells' type check, list the draft on both indexes (on the Chinese one as not yet translated, linking to the
 * English page), link to it from its neighbour in both languages, and run its cells.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { watchPage } from '../../scripts/lib/chromium';
import { startStaticServer } from '../../scripts/lib/staticServer';
import { buildCourse } from './buildCourse';
import { output, runAll, useBrowser } from './helpers';

const DRAFT = '90-draft-lesson';
const browser = useBrowser();
let temp: string;
let server: Server;
let siteUrl: string;

beforeAll(async () => {
  temp = mkdtempSync(join(tmpdir(), 'course-draft-'));
  const lessons = join(temp, 'lessons');
  cpSync('content/lessons/01-baseline', join(lessons, '01-baseline'), { recursive: true });
  cpSync(join('test/fixtures/lessons', DRAFT), join(lessons, DRAFT), { recursive: true });
  const env = { COURSE_LESSONS: lessons, COURSE_CACHE_DIR: join(temp, 'cache') };
  // What npm test runs before Astro: the lesson check (an English-only lesson is not a problem) and the cells' type check.
  await promisify(execFile)('npx', ['tsx', 'scripts/check-lessons.ts'], { env: { ...process.env, ...env } });
  await promisify(execFile)('npx', ['tsx', 'scripts/typecheck-cells.ts', '--lessons', lessons]);
  await buildCourse(join(temp, 'dist'), env);
  ({ server, url: siteUrl } = await startStaticServer({ root: join(temp, 'dist') }));
}, 300_000);

afterAll(async () => {
  await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
  if (temp) rmSync(temp, { recursive: true, force: true });
});

describe('an English-only draft lesson', () => {
  it('is built in English only, listed on both indexes, the Chinese one marking it untranslated', async () => {
    expect(existsSync(join(temp, 'dist', 'lessons', DRAFT, 'index.html'))).toBe(true);
    expect(existsSync(join(temp, 'dist', 'zh', 'lessons', DRAFT))).toBe(false);
    const page = await browser().newPage();
    await page.goto(siteUrl);
    expect(await page.locator('.lesson-list li > a').allTextContents()).toEqual(['Baseline: an ANN for emergency vehicles', 'A draft lesson, in English only']);
    await page.goto(`${siteUrl}zh/`);
    const draft = page.locator(`.lesson-list li[data-lesson-id="${DRAFT}"]`);
    await expect(draft.locator('a').getAttribute('href')).resolves.toBe(`/lessons/${DRAFT}/`);
    await expect(draft.locator('a').getAttribute('lang')).resolves.toBe('en');
    await expect(draft.locator('.untranslated').textContent()).resolves.toBe('（尚未翻译，英文）');
    await expect(page.locator('.lesson-list li[data-lesson-id="01-baseline"] a').textContent()).resolves.toBe('基线模型：识别紧急车辆的人工神经网络');
    // The Chinese baseline's "next" leads to the English draft, marked; the English baseline's to the same page.
    await page.goto(`${siteUrl}zh/lessons/01-baseline/`);
    const next = page.locator('.lesson-nav a[rel="next"]');
    await expect(next.getAttribute('href')).resolves.toBe(`/lessons/${DRAFT}/`);
    await expect(page.locator('.lesson-nav .untranslated').textContent()).resolves.toContain('尚未翻译');
    await page.goto(`${siteUrl}lessons/01-baseline/`);
    await expect(page.locator('.lesson-nav a[rel="next"]').getAttribute('href')).resolves.toBe(`/lessons/${DRAFT}/`);
    await page.close();
  });

  it('runs its cells, and its page has no language switch', async () => {
    const page = await browser().newPage();
    const watch = watchPage(page, new URL(siteUrl).origin);
    await page.goto(`${siteUrl}lessons/${DRAFT}/`);
    expect(await page.locator('[data-language-switch]').count()).toBe(0);
    expect(await runAll(page)).toEqual({ load: 'done', count: 'done' });
    await expect(output(page, 'count').textContent()).resolves.toMatch(/^draft lesson: 552 emergency vehicles and 648 others$/);
    expect(watch.pageErrors).toEqual([]);
    expect(watch.failedRequests).toEqual([]);
    await page.close();
  });
});
