/**
 * Bringing one's own data into the page (issue 17): the browser's importer is the command line's core in a
 * Web Worker, so each test runs the same input through both and compares what the reader sees.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import sharp from 'sharp';
import type { BrowserContext, Page } from 'playwright-core';
import { importDataset } from '../../scripts/lib/dataset/importDataset';
import type { DatasetReport } from '../../src/lib/datasetReport';
import { HEADER, jpeg, pixels, writeArticle } from '../dataset/fixtures';
import { makeZip } from '../dataset/zipWriter';
import { REAL_DATASET } from '../realDataset';
import { output, runAll, useBrowser } from './helpers';

const siteUrl = inject('siteUrl');
const origin = new URL(siteUrl).origin;
const browser = useBrowser();
// Inside the checkout (gitignored), never committed: the tests' zips and folders.
const TMP = resolve('test/tmp/browser-import');

beforeAll(async () => {
  await rm(TMP, { recursive: true, force: true });
  await mkdir(TMP, { recursive: true });
});
afterAll(async () => {
  await rm(TMP, { recursive: true, force: true });
});

/** A page on the data page with every request it and its workers make recorded. */
async function dataPage(context: BrowserContext): Promise<{ page: Page; requests: string[] }> {
  const page = await context.newPage();
  const requests: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  await page.goto(`${siteUrl}data/`);
  await page.locator('[data-import-panel]').waitFor();
  return { page, requests };
}

type Outcome = { state: string; message: string; report: string };

async function waitForOutcome(page: Page, timeout = 240_000): Promise<Outcome> {
  await page.waitForFunction(() => ['done', 'failed', 'cancelled'].includes(document.querySelector('[data-import-panel]')?.getAttribute('data-import-state') ?? ''), undefined, { timeout, polling: 200 });
  return page.evaluate(() => ({
    state: document.querySelector('[data-import-panel]')!.getAttribute('data-import-state')!,
    message: document.querySelector('.import-error')?.textContent ?? '',
    report: document.querySelector('[data-import-report]')?.textContent ?? '',
  }));
}

async function importInPage(page: Page, selector: '[data-import-zip]' | '[data-import-folder]', path: string, timeout?: number): Promise<Outcome> {
  await page.locator(selector).setInputFiles(path);
  return waitForOutcome(page, timeout);
}

/** The report the page stored with the dataset (read back from the browser's own storage). */
async function storedReport(page: Page): Promise<DatasetReport> {
  const id = await page.locator('[data-import-done]').getAttribute('data-import-done');
  const text = await page.evaluate(async (id) => {
    const root = await (await navigator.storage.getDirectory()).getDirectoryHandle('course-datasets');
    return (await (await (await root.getDirectoryHandle(id!)).getFileHandle('report.json')).getFile()).text();
  }, id);
  return JSON.parse(text) as DatasetReport;
}

async function storedIds(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const root = await (await navigator.storage.getDirectory()).getDirectoryHandle('course-datasets', { create: true });
    const ids: string[] = [];
    for await (const [name] of root as unknown as AsyncIterable<[string]>) ids.push(name);
    return ids;
  });
}

/** The command line's import of the same input: its report, or its error message. */
async function cliImport(input: string): Promise<{ report?: DatasetReport; message?: string }> {
  const payloadDir = join(TMP, `cli-${Math.random().toString(36).slice(2)}`, 'data');
  try {
    const { report } = await importDataset({ input, payloadDir, dataset: { id: 'cli', title: 'cli' } });
    return { report };
  } catch (error) {
    return { message: (error as Error).message };
  } finally {
    await rm(join(payloadDir, '..'), { recursive: true, force: true });
  }
}

/** What both importers must agree on (the page's report differs only in its id, title, time and payload bytes). */
const comparable = (report: DatasetReport) => ({ counts: report.counts, sizes: report.sizes, quality: report.quality, splits: report.splits, warnings: report.warnings, unlisted: report.unlisted, normalised: report.normalised, input: report.input });

const imagesRequested = (requests: string[]) => requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('blob:') && !url.startsWith('data:'));

describe('importing in the page', () => {
  it('imports a small Dataset.zip with the command line’s report, stores it, and lists it with its size', async () => {
    const root = await writeArticle(join(TMP, 'small', 'Dataset'), { labels: [1, 0, 1, 0, 1, 0] });
    await writeFile(join(root, 'images', '5.jpg'), await jpeg(0)); // a copy of 0.jpg (emergency) labelled 0: a label conflict
    const zipPath = join(TMP, 'small', 'Dataset.zip');
    const files = ['emergency_classification.csv', ...(await readdir(join(root, 'images'))).map((name) => `images/${name}`)];
    await writeFile(zipPath, makeZip(await Promise.all(files.map(async (name) => ({ name: `Dataset/${name}`, data: await readFile(join(root, name)), deflate: true })))));

    const context = await browser().newContext();
    const { page, requests } = await dataPage(context);
    const before = requests.length;
    const outcome = await importInPage(page, '[data-import-zip]', zipPath);
    expect(outcome.state, outcome.message).toBe('done');
    expect(outcome.report).toContain('exact duplicates (same decoded pixels): 1 groups holding 2 images');
    expect(outcome.report).toContain('duplicate groups whose labels disagree: 1');
    expect(imagesRequested(requests.slice(before))).toEqual([]);
    const cli = await cliImport(zipPath);
    expect(comparable(await storedReport(page))).toEqual(comparable(cli.report!));
    const listed = page.locator('[data-stored-dataset]');
    await expect(listed.count()).resolves.toBe(1);
    await expect(listed.textContent()).resolves.toMatch(/^Dataset — 6 images, \d+\.\d MB/);
    await expect(page.locator('[data-active-dataset]').first().textContent()).resolves.toBeDefined();
    // Thumbnails of the conflicting group, from the stored originals.
    await page.locator('[data-dataset-view] [data-conflict] img').first().waitFor();
    await expect(page.locator('[data-dataset-view] [data-conflict] img').count()).resolves.toBe(2);
    await page.locator('[data-delete-dataset]').click();
    await expect.poll(() => storedIds(page)).toEqual([]);
    await context.close();
  });

  it('imports two folders of photos (JPEG, PNG, WebP, any size; EXIF orientation applied) as the command line does', async () => {
    const root = join(TMP, 'My photos');
    await mkdir(join(root, 'emergency'), { recursive: true });
    await mkdir(join(root, 'other'), { recursive: true });
    const photo = (i: number, width: number, height: number) => sharp(pixels(i, width, height), { raw: { width, height, channels: 3 } });
    await photo(1, 640, 480).jpeg().toFile(join(root, 'emergency', 'IMG_0001.jpg'));
    await photo(2, 300, 500).png().toFile(join(root, 'emergency', 'ambulance.png'));
    // Stored on its side with EXIF orientation 6: upright it is 480 × 640.
    await photo(5, 640, 480).jpeg().withMetadata({ orientation: 6 }).toFile(join(root, 'emergency', 'rotated.jpg'));
    await photo(3, 224, 224).webp().toFile(join(root, 'other', 'car.webp'));
    await photo(4, 1000, 100).jpeg().toFile(join(root, 'other', 'bus.jpg'));
    await writeFile(join(root, 'other', 'notes.txt'), 'not a photo');

    const context = await browser().newContext();
    const { page, requests } = await dataPage(context);
    const before = requests.length;
    const outcome = await importInPage(page, '[data-import-folder]', root);
    expect(outcome.state, outcome.message).toBe('done');
    expect(outcome.report).toContain('images: 5 labelled, 3 emergency (60.0 %), 2 non-emergency');
    expect(outcome.report).toContain('480×640');
    expect(imagesRequested(requests.slice(before))).toEqual([]);
    const page_ = comparable(await storedReport(page));
    expect(page_).toEqual(comparable((await cliImport(root)).report!));
    await context.close();
  });
});

describe('Cancel', () => {
  it('shows the progress, stops when the reader cancels, and stores nothing', async () => {
    const count = 400;
    const csv = `${HEADER}\n${Array.from({ length: count }, (_, i) => `${i}.jpg,${i % 2}`).join('\n')}\n`;
    const zipPath = join(TMP, 'cancel', 'Dataset.zip');
    await mkdir(join(zipPath, '..'), { recursive: true });
    await writeFile(zipPath, makeZip([{ name: 'emergency_classification.csv', data: csv }, ...(await Promise.all(Array.from({ length: count }, async (_, i) => ({ name: `images/${i}.jpg`, data: await jpeg(i) }))))]));
    const context = await browser().newContext();
    const { page } = await dataPage(context);
    await page.locator('[data-import-zip]').setInputFiles(zipPath);
    await page.locator('[data-import-status]', { hasText: /^Checking and resizing the images: \d+ of 400$/ }).waitFor();
    expect(Number(await page.locator('[data-import-progress]').getAttribute('max'))).toBe(400);
    await page.getByRole('button', { name: 'Cancel' }).click();
    const outcome = await waitForOutcome(page);
    expect(outcome).toMatchObject({ state: 'cancelled', message: 'Import cancelled: nothing was stored.' });
    expect(await storedIds(page)).toEqual([]);
    await context.close();
  });
});

describe('bad input gets the command line’s message in the page, and nothing is stored', () => {
  const zipOf = async (name: string, entries: { name: string; data: string | Buffer }[]) => {
    const path = join(TMP, 'bad', name, 'Dataset.zip');
    await mkdir(join(path, '..'), { recursive: true });
    await writeFile(path, makeZip(entries));
    return path;
  };
  const images = async (count: number) => Promise.all(Array.from({ length: count }, async (_, i) => ({ name: `images/${i}.jpg`, data: await jpeg(i) })));
  const cases: [string, () => Promise<string>][] = [
    ['a wrong header', async () => zipOf('header', [{ name: 'emergency_classification.csv', data: 'image,label\n0.jpg,1\n' }, ...(await images(2))])],
    ['a label other than 0/1', async () => zipOf('label', [{ name: 'emergency_classification.csv', data: `${HEADER}\n0.jpg,1\n1.jpg,yes\n` }, ...(await images(2))])],
    ['a row naming a missing image', async () => zipOf('missing', [{ name: 'emergency_classification.csv', data: `${HEADER}\n0.jpg,1\n1.jpg,0\n5.jpg,0\n` }, ...(await images(2))])],
    ['a duplicated row', async () => zipOf('dup-row', [{ name: 'emergency_classification.csv', data: `${HEADER}\n0.jpg,1\n1.jpg,0\n0.jpg,1\n` }, ...(await images(2))])],
    ['an empty CSV', async () => zipOf('empty', [{ name: 'emergency_classification.csv', data: '' }, ...(await images(2))])],
    ['a zip without a CSV', async () => zipOf('no-csv', [{ name: 'Dataset/images/0.jpg', data: await jpeg(0) }])],
    ['a corrupt and a non-image file', async () => {
      const whole = await jpeg(1);
      return zipOf('corrupt', [{ name: 'emergency_classification.csv', data: `${HEADER}\n0.jpg,1\n1.jpg,0\n2.jpg,1\n` }, { name: 'images/0.jpg', data: await jpeg(0) }, { name: 'images/1.jpg', data: whole.subarray(0, whole.length >> 1) }, { name: 'images/2.jpg', data: 'not an image' }]);
    }],
    ['a "../" entry', async () => zipOf('slip', [{ name: 'emergency_classification.csv', data: `${HEADER}\n0.jpg,1\n1.jpg,0\n` }, ...(await images(2)), { name: '../evil.jpg', data: 'evil' }])],
    ['a file that is not a zip', async () => {
      const path = join(TMP, 'bad', 'fake', 'Dataset.zip');
      await mkdir(join(path, '..'), { recursive: true });
      await writeFile(path, 'PK\x03\x04 but then nothing');
      return path;
    }],
  ];

  let context: BrowserContext;
  let page: Page;
  let requests: string[];
  beforeAll(async () => {
    context = await browser().newContext();
    ({ page, requests } = await dataPage(context));
  });
  afterAll(async () => context?.close());

  it.each(cases)('%s', async (_, make) => {
    const zipPath = await make();
    const cli = await cliImport(zipPath);
    expect(cli.message, 'the command line must reject it').toBeDefined();
    const before = requests.length;
    const outcome = await importInPage(page, '[data-import-zip]', zipPath);
    expect(outcome.state).toBe('failed');
    // The command line names the zip by its path, the page by the file's name.
    expect(outcome.message).toBe(cli.message!.split(zipPath).join(basename(zipPath)));
    expect(await storedIds(page)).toEqual([]);
    expect(imagesRequested(requests.slice(before))).toEqual([]);
  });
});

describe.runIf(existsSync(REAL_DATASET))('the article’s Dataset.zip in the page', () => {
  it('reports the command line’s figures (104 duplicate groups, 238 files, 2 label conflicts), with the same groups', async () => {
    const zipPath = join(TMP, 'real', 'Dataset.zip');
    await mkdir(join(zipPath, '..'), { recursive: true });
    const names = (await readdir(join(REAL_DATASET, 'images'))).map((name) => `images/${name}`);
    const entries = await Promise.all(['emergency_classification.csv', ...names].map(async (name) => ({ name: `Dataset/${name}`, data: await readFile(join(REAL_DATASET, name)) })));
    await writeFile(zipPath, makeZip(entries));

    const context = await browser().newContext();
    const { page, requests } = await dataPage(context);
    const before = requests.length;
    const outcome = await importInPage(page, '[data-import-zip]', zipPath, 600_000);
    expect(outcome.state, outcome.message).toBe('done');
    expect(outcome.report).toContain('images: 2352 labelled, 991 emergency');
    expect(outcome.report).toContain('exact duplicates (same decoded pixels): 104 groups holding 238 images');
    expect(outcome.report).toContain('duplicate groups whose labels disagree: 2');
    expect(imagesRequested(requests.slice(before))).toEqual([]);
    const fromPage = await storedReport(page);
    const fromCli = (await cliImport(REAL_DATASET)).report!;
    expect(fromPage.quality.duplicateGroups.map((group) => group.names)).toEqual(fromCli.quality.duplicateGroups.map((group) => group.names));
    expect(fromPage.splits).toEqual(fromCli.splits);

    // The baseline lesson trains on it (the header names it), then again offline after a reload.
    const lesson = await context.newPage();
    const trainTwice = async () => {
      const states = await runAll(lesson, 480_000);
      expect(Object.entries(states).filter(([, state]) => state !== 'done')).toEqual([]);
      await expect(output(lesson, 'load').textContent()).resolves.toMatch(/Loaded Dataset: 2352 images at 64×64 \(991 emergency, 1361 non-emergency/);
      await expect(output(lesson, 'train').locator('[data-training-status]').textContent()).resolves.toMatch(/^Finished: 2 epochs/);
    };
    await lesson.goto(`${siteUrl}lessons/01-baseline/?maxEpochs=2`);
    await expect(lesson.locator('[data-active-dataset]').textContent()).resolves.toMatch(/^Dataset: Dataset /);
    await trainTwice();
    await lesson.locator('[data-offline-status][data-offline-state="saved"]').waitFor({ timeout: 180_000 });
    await context.setOffline(true);
    try {
      await lesson.reload();
      await trainTwice();
    } finally {
      await context.setOffline(false);
    }
    // Back to the built-in dataset from the header.
    await lesson.locator('[data-use-built-in]').click();
    await lesson.waitForLoadState('load');
    await expect(lesson.locator('[data-active-dataset]').textContent()).resolves.not.toMatch(/^Dataset: Dataset /);
    await context.close();
  });
});
