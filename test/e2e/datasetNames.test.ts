/**
 * Issue 14 items 10 and 13 in the browser: an imported dataset whose file names a URL cannot carry as they
 * are (#, ?, %) loads at 224 px, and an image stored sideways with EXIF orientation 6 is upright at every size.
 */
import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { watchPage } from '../../scripts/lib/chromium';
import { importDataset } from '../../scripts/lib/dataset/importDataset';
import { startStaticServer } from '../../scripts/lib/staticServer';
import { writeArticle } from '../dataset/fixtures';
import { output, runCode, useBrowser } from './helpers';

const NAMES = ['a#1.jpg', 'b?2.jpg', 'c%203.jpg', 'd 4.jpg', 'e+5.jpg', 'f&6.jpg', 'sideways.jpg'];
const browser = useBrowser();

describe('an imported dataset with names a URL cannot carry as they are', () => {
  let temp: string;
  let url: string;
  let close: () => void;

  beforeAll(async () => {
    temp = await mkdtemp(join(tmpdir(), 'course-names-'));
    const source = await writeArticle(join(temp, 'source'), { labels: [1, 0, 1, 0, 1, 0, 1], name: (i) => NAMES[i]! });
    // Left half red, right half blue, stored sideways: a viewer honouring orientation 6 shows red on top.
    const raw = Buffer.alloc(224 * 224 * 3);
    for (let p = 0; p < 224 * 224; p++) raw.set(p % 224 < 112 ? [230, 20, 20] : [20, 20, 230], p * 3);
    await sharp(raw, { raw: { width: 224, height: 224, channels: 3 } }).jpeg({ quality: 95 }).withMetadata({ orientation: 6 }).toFile(join(source, 'images', 'sideways.jpg'));
    await mkdir(join(temp, 'payload'));
    await importDataset({ input: source, payloadDir: join(temp, 'payload', 'data'), dataset: { id: 'odd-names', title: 'Odd names' } });
    const started = await startStaticServer({ root: resolve(process.env.E2E_DIST ?? 'dist'), mounts: { 'data/': join(temp, 'payload', 'data') } });
    url = started.url;
    close = () => started.server.close();
  });
  afterAll(async () => {
    close?.();
    if (temp) await rm(temp, { recursive: true, force: true });
  });

  it.each([32, 64, 224])('loads every image at %i px, with the sideways one upright', async (resolution) => {
    const page = await browser().newPage();
    const watch = watchPage(page, new URL(url).origin);
    await page.goto(`${url}lessons/01-baseline/`);
    const code = `const data = await loadDataset({ resolution: ${resolution} });
const image = data.image(data.names.indexOf('sideways.jpg'));
const at = (x: number, y: number) => image[(y * data.size + x) * 3];
\`\${data.names.join(' | ')}; top \${at(data.size / 2, data.size / 8)}, bottom \${at(data.size / 2, (7 * data.size) / 8)}\``;
    expect(await runCode(page, 'load', code)).toBe('done');
    const text = (await output(page, 'load').textContent()) ?? '';
    expect(text).toContain(`Loaded Odd names: 7 images at ${resolution}×${resolution}`);
    expect(text).toContain(NAMES.join(' | '));
    const [, top, bottom] = /top (\d+), bottom (\d+)/.exec(text)!.map(Number);
    expect(top, 'red (the left of the stored image) is on top once turned upright').toBeGreaterThan(150);
    expect(bottom).toBeLessThan(100);
    expect(watch.failedRequests).toEqual([]);
    await page.close();
  });
});
