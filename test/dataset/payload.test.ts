import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWebPayload, type BuildProgress } from '../../scripts/lib/dataset/buildWebPayload';
import { openNodeSource } from '../../scripts/lib/dataset/nodeSource';
import { parseCsv } from '../../src/importer/csv';
import { DatasetLayoutError, readLabelledImages } from '../../src/importer/labels';
import { locateLayout } from '../../src/importer/layout';
import { isSpriteSheetResolution, parseManifest, type DatasetManifest, type SpriteSheetResolution } from '../../src/ml/manifest';
import { tilesFromRgba } from '../../src/ml/sprites';
import { REAL_DATASET } from '../realDataset';

const HEADER = 'image_names,emergency_or_not';
const DATASET = { id: 'fixture', title: 'Test fixture', source: 'generated', origin: 'test/dataset/payload.test.ts' } as const;

let workDir: string;
beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'payload-test-'));
});
afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

/** Image i of the fixture: solid colours and gradients in two directions, so tiles differ clearly. */
function fixturePixels(i: number, edge: number): Buffer {
  const pixels = Buffer.alloc(edge * edge * 3);
  for (let y = 0; y < edge; y++) {
    for (let x = 0; x < edge; x++) {
      const p = (y * edge + x) * 3;
      const t = (i % 3 === 0 ? 0 : i % 3 === 1 ? x : y) / (edge - 1);
      pixels[p] = (i * 53) % 256;
      pixels[p + 1] = Math.round(255 * t);
      pixels[p + 2] = Math.round(255 * (1 - t) * ((i * 29) % 7) / 6);
    }
  }
  return pixels;
}

interface FixtureOptions {
  count?: number;
  /** Replaces the CSV text (default: header + one row per image). */
  csv?: string;
  edge?: number;
}

/** Writes an article-layout dataset: images 0.jpg … and emergency_classification.csv. */
async function writeArticleDataset(name: string, { count = 40, csv, edge = 224 }: FixtureOptions = {}): Promise<string> {
  const root = join(workDir, name);
  await mkdir(join(root, 'images'), { recursive: true });
  for (let i = 0; i < count; i++) {
    await sharp(fixturePixels(i, edge), { raw: { width: edge, height: edge, channels: 3 } })
      .jpeg({ quality: 95 })
      .toFile(join(root, 'images', `${i}.jpg`));
  }
  const rows = Array.from({ length: count }, (_, i) => `${i}.jpg,${i % 3 === 0 ? 1 : 0}`);
  await writeFile(join(root, 'emergency_classification.csv'), csv ?? `${HEADER}\n${rows.join('\n')}\n`);
  return root;
}

async function readPayloadManifest(outDir: string): Promise<DatasetManifest> {
  return parseManifest(JSON.parse(await readFile(join(outDir, 'manifest.json'), 'utf8')));
}

/** Decodes every shard of a resolution as the browser does (RGBA), unpacked into N × size × size × 3. */
async function decodeSprites(outDir: string, resolution: SpriteSheetResolution, count: number): Promise<Uint8Array> {
  const { size, tilesPerRow } = resolution;
  const images = new Uint8Array(count * size * size * 3);
  for (const shard of resolution.shards) {
    const { data, info } = await sharp(join(outDir, shard.file)).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    tilesFromRgba(data, info.width, size, tilesPerRow, shard.count, images, shard.first);
  }
  return images;
}

function meanAbsoluteError(a: Uint8Array, b: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs(a[i] - b[i]);
  return sum / a.length;
}

describe('parseCsv', () => {
  it('handles a BOM, CRLF, quotes with commas, doubled quotes and line breaks, and blank lines', () => {
    const text = '\ufeffa,b\r\n"x, y","say ""hi"""\r\n\r\n"two\nlines",3\nlast,4';
    expect(parseCsv(text, 'f.csv')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x, y', 'say "hi"'] },
      { line: 4, fields: ['two\nlines', '3'] },
      { line: 6, fields: ['last', '4'] },
    ]);
  });

  it('names the file and line of a broken quote', () => {
    expect(() => parseCsv('a,b\n"open,1\n', 'labels.csv')).toThrow('labels.csv line 2: a quoted field is never closed');
    expect(() => parseCsv('a,b\n"x"y,1\n', 'labels.csv')).toThrow('labels.csv line 2: unexpected "y" after a closing quote');
  });
});

/** The labels of a dataset folder, as the importer reads them before it looks at any image. */
async function readArticleLayout(root: string) {
  const source = await openNodeSource(root);
  return readLabelledImages(source, await locateLayout(source));
}

describe('reading the labels', () => {
  it('imports a CSV with a BOM, CRLF line ends, quoted fields and extra columns', async () => {
    const csv = `\ufeff${HEADER},source\r\n"0.jpg",1,camera A\r\n1.jpg,"0","camera, B"\r\n 2.jpg , 1 \r\n`;
    const root = await writeArticleDataset('csv-variants', { count: 3, csv, edge: 8 });
    const layout = await readArticleLayout(root);
    expect(layout.rows).toEqual([
      { name: '0.jpg', path: 'images/0.jpg', label: 1 },
      { name: '1.jpg', path: 'images/1.jpg', label: 0 },
      { name: '2.jpg', path: 'images/2.jpg', label: 1 },
    ]);
  });

  const broken: [string, string, RegExp][] = [
    ['a wrong header', `image,label\n0.jpg,1\n`, /emergency_classification\.csv line 1: expected the header "image_names,emergency_or_not", found "image,label"/],
    ['a bad label', `${HEADER}\n0.jpg,1\n1.jpg,2\n2.jpg,0\n`, /emergency_classification\.csv line 3: label "2" for "1\.jpg" must be 0 \(not emergency\) or 1 \(emergency\)/],
    ['a missing label', `${HEADER}\n0.jpg\n`, /emergency_classification\.csv line 2: label "" for "0\.jpg" must be 0/],
    ['a missing image', `${HEADER}\n0.jpg,1\n7.jpg,0\n`, /emergency_classification\.csv line 3: image "7\.jpg" not found in .*images/],
    ['a duplicated row', `${HEADER}\n0.jpg,1\n1.jpg,0\n0.jpg,1\n`, /emergency_classification\.csv line 4: "0\.jpg" is listed again \(first on line 2\)/],
    ['a conflicting duplicate', `${HEADER}\n0.jpg,1\n0.jpg,0\n`, /line 3: "0\.jpg" is listed again with a different label \(1 there, 0 here\) \(first on line 2\)/],
    ['a name outside images/', `${HEADER}\n../0.jpg,1\n`, /line 2: image name "\.\.\/0\.jpg" must be a plain file name inside images\//],
    ['an empty file', '', /emergency_classification\.csv is empty/],
    ['only a header', `${HEADER}\r\n`, /emergency_classification\.csv has a header but no image rows/],
  ];
  it.each(broken)('rejects %s, naming the file and line', async (label, csv, message) => {
    const root = await writeArticleDataset(`broken-${label.replace(/\W+/g, '-')}`, { count: 3, csv, edge: 8 });
    await expect(readArticleLayout(root)).rejects.toThrow(message);
    await expect(readArticleLayout(root)).rejects.toThrow(join(root, 'emergency_classification.csv'));
  });

  it('lists every problem at once', async () => {
    const root = await writeArticleDataset('many-problems', { count: 3, csv: `${HEADER}\n0.jpg,x\n1.jpg,0\n1.jpg,0\n9.jpg,1\n`, edge: 8 });
    const error = await readArticleLayout(root).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatasetLayoutError);
    expect((error as DatasetLayoutError).problems.map((p) => p.slice(0, 7))).toEqual(['line 2:', 'line 4:', 'line 5:']);
    expect((error as Error).message).toMatch(/^3 problems in .*emergency_classification\.csv:\n {2}.*line 2: label "x"/);
  });

  it('explains a folder that is not in the article layout', async () => {
    const empty = join(workDir, 'not-a-dataset');
    await mkdir(empty, { recursive: true });
    await expect(readArticleLayout(empty)).rejects.toThrow(
      `${empty}: no dataset found here or one folder down (expected emergency_classification.csv + images/ (the article's layout), train.csv + images/ or train/ (the Kaggle layout), or two folders of photos, emergency/ + other/; found an empty folder)`,
    );
    await writeFile(join(empty, 'emergency_classification.csv'), `${HEADER}\n0.jpg,1\n`);
    await expect(readArticleLayout(empty)).rejects.toThrow(
      `${join(empty, 'images')} not found (expected the labels in ${join(empty, 'emergency_classification.csv')} and the images in ${join(empty, 'images')}/)`,
    );
  });
});

describe('buildWebPayload', () => {
  // 40 images; 32 and 64 px fit one sheet each, and 200 px (5 per row, 25 per sheet) needs two sheets.
  const SIZES = [32, 64, 200];
  let sourceDir: string;
  let outDir: string;
  let manifest: DatasetManifest;
  const progress: BuildProgress[] = [];

  beforeAll(async () => {
    sourceDir = await writeArticleDataset('fixture');
    outDir = join(workDir, 'payloads', 'fixture');
    const summary = await buildWebPayload({ sourceDir, outDir, dataset: DATASET, resolutions: SIZES, onProgress: (p) => progress.push(p) });
    manifest = await readPayloadManifest(outDir);
    expect(summary.manifest).toEqual(manifest);
  });

  it('writes a valid manifest with names and labels in CSV order', () => {
    expect(manifest.count).toBe(40);
    expect(manifest.dataset).toEqual(DATASET);
    expect(manifest.classes).toEqual(['non-emergency', 'emergency']);
    expect(manifest.names).toEqual(Array.from({ length: 40 }, (_, i) => `${i}.jpg`));
    expect(manifest.labels).toEqual(Array.from({ length: 40 }, (_, i) => (i % 3 === 0 ? 1 : 0)));
    expect(Object.keys(manifest.resolutions).sort()).toEqual(['200', '224', '32', '64']);
    expect(manifest.resolutions['224']).toEqual({ size: 224, directory: 'images/' });
    const sprites200 = manifest.resolutions['200'] as SpriteSheetResolution;
    expect(sprites200.tilesPerRow).toBe(5);
    expect(sprites200.shards.map((s) => [s.first, s.count])).toEqual([
      [0, 25],
      [25, 15],
    ]);
  });

  it('reports progress up to the total of each phase', () => {
    expect(progress.filter((p) => p.phase === 'images').at(-1)).toEqual({ phase: 'images', done: 40, total: 40 });
    expect(progress.filter((p) => p.phase === 'shards').at(-1)).toEqual({ phase: 'shards', done: 4, total: 4 });
  });

  it('names shards by content hash and records their true size and SHA-256', async () => {
    for (const resolution of Object.values(manifest.resolutions).filter(isSpriteSheetResolution)) {
      for (const [index, shard] of resolution.shards.entries()) {
        const bytes = await readFile(join(outDir, shard.file));
        const sha256 = createHash('sha256').update(bytes).digest('hex');
        expect(shard.sha256).toBe(sha256);
        expect(shard.bytes).toBe(bytes.length);
        expect(shard.file).toBe(`x${resolution.size}-${index}-${sha256.slice(0, 8)}.jpg`);
        const { width, height } = await sharp(bytes).metadata();
        expect([width, height]).toEqual([resolution.tilesPerRow * resolution.size, Math.ceil(shard.count / resolution.tilesPerRow) * resolution.size]);
      }
    }
  });

  it('copies the originals byte for byte', async () => {
    for (const name of manifest.names) {
      expect((await readFile(join(outDir, 'images', name))).equals(await readFile(join(sourceDir, 'images', name)))).toBe(true);
    }
  });

  it.each(SIZES)('sprite tiles at %i px match a direct Lanczos resize of each original within JPEG error', async (size) => {
    const decoded = await decodeSprites(outDir, manifest.resolutions[String(size)] as SpriteSheetResolution, manifest.count);
    const tileBytes = size * size * 3;
    for (const [i, name] of manifest.names.entries()) {
      const expected = await sharp(join(sourceDir, 'images', name)).resize(size, size, { fit: 'fill', kernel: 'lanczos3' }).removeAlpha().raw().toBuffer();
      const error = meanAbsoluteError(decoded.subarray(i * tileBytes, (i + 1) * tileBytes), expected);
      expect(error, `${name} at ${size}px`).toBeLessThan(3);
    }
  });

  it('replaces an earlier payload completely', async () => {
    const target = join(workDir, 'payloads', 'replaced');
    await buildWebPayload({ sourceDir, outDir: target, dataset: DATASET, resolutions: [32] });
    await writeFile(join(target, 'stale.txt'), 'from an earlier build');
    await buildWebPayload({ sourceDir, outDir: target, dataset: { ...DATASET, id: 'second' }, resolutions: [64] });
    expect((await readPayloadManifest(target)).dataset.id).toBe('second');
    expect(existsSync(join(target, 'stale.txt'))).toBe(false);
    expect((await readdir(join(workDir, 'payloads'))).filter((entry) => entry.includes('.partial-'))).toEqual([]);
  });

  it('leaves the existing payload untouched and no temporary folder when a build fails', async () => {
    const parent = join(workDir, 'failing');
    const target = join(parent, 'data');
    await buildWebPayload({ sourceDir, outDir: target, dataset: DATASET, resolutions: [32] });
    const before = { files: (await readdir(target)).sort(), manifest: await readFile(join(target, 'manifest.json'), 'utf8') };

    const corrupt = await writeArticleDataset('corrupt', { count: 6, edge: 16 });
    await writeFile(join(corrupt, 'images', '4.jpg'), 'not a jpeg');
    await expect(buildWebPayload({ sourceDir: corrupt, outDir: target, dataset: DATASET })).rejects.toThrow(/^1 of 6 images cannot be used, so nothing was imported:\n {2}.*images\/4\.jpg: not an image/);

    const aborted = new AbortController();
    aborted.abort();
    await expect(buildWebPayload({ sourceDir, outDir: target, dataset: DATASET, signal: aborted.signal })).rejects.toThrow(/abort/i);

    expect((await readdir(target)).sort()).toEqual(before.files);
    expect(await readFile(join(target, 'manifest.json'), 'utf8')).toBe(before.manifest);
    expect(await readdir(parent)).toEqual(['data']);
  });

  it('cleans up after a crashed build: deletes its partial folder, restores a payload it had moved aside', async () => {
    const parent = join(workDir, 'crashed');
    const deadPid = 4_194_304; // above Linux's pid_max, so no such process
    await mkdir(join(parent, `data.partial-${deadPid}-0badc0de`, 'images'), { recursive: true });
    await buildWebPayload({ sourceDir, outDir: join(parent, 'data'), dataset: DATASET, resolutions: [32] });
    expect(await readdir(parent)).toEqual(['data']);

    // A crash between "move the old payload aside" and "move the new one in" leaves only the old one.
    await rm(join(parent, 'data', 'manifest.json'));
    await writeFile(join(parent, 'data', 'manifest.json'), '{"marker":"old payload"}');
    await rename(join(parent, 'data'), join(parent, `data.partial-${deadPid}-0badc0de-previous`));
    const corrupt = await writeArticleDataset('corrupt-2', { count: 2, edge: 16 });
    await writeFile(join(corrupt, 'images', '1.jpg'), 'not a jpeg');
    await expect(buildWebPayload({ sourceDir: corrupt, outDir: join(parent, 'data'), dataset: DATASET })).rejects.toThrow(/cannot be used/);
    expect(await readFile(join(parent, 'data', 'manifest.json'), 'utf8')).toBe('{"marker":"old payload"}');
    expect(await readdir(parent)).toEqual(['data']);
  });

  it('refuses to replace a folder that is not a payload', async () => {
    const notPayload = join(workDir, 'public-like');
    await mkdir(notPayload, { recursive: true });
    await writeFile(join(notPayload, 'favicon.svg'), '<svg/>');
    await expect(buildWebPayload({ sourceDir, outDir: notPayload, dataset: DATASET })).rejects.toThrow(
      `refusing to replace ${notPayload}: it is not empty and has no manifest.json`,
    );
    expect(await readdir(notPayload)).toEqual(['favicon.svg']);
  });

  it('re-encodes originals of other sizes as 224×224 JPEGs, and rejects a sprite size equal to the originals', async () => {
    const mixed = await writeArticleDataset('mixed-sizes', { count: 2, edge: 16 });
    await sharp(fixturePixels(1, 20), { raw: { width: 20, height: 20, channels: 3 } }).png().toFile(join(mixed, 'images', '1.jpg'));
    const out = join(workDir, 'mixed-out');
    await buildWebPayload({ sourceDir: mixed, outDir: out, dataset: DATASET, concurrency: 1 });
    for (const name of ['0.jpg', '1.jpg']) {
      const { format, width, height, channels } = await sharp(join(out, 'images', name)).metadata();
      expect([format, width, height, channels], name).toEqual(['jpeg', 224, 224, 3]);
    }
    await expect(buildWebPayload({ sourceDir, outDir: join(workDir, 'same-out'), dataset: DATASET, resolutions: [224] })).rejects.toThrow(
      "sprite size 224 equals the originals' size",
    );
  });
});

describe('the real dataset', () => {
  it.runIf(existsSync(REAL_DATASET))(
    `fits the 64x64 sprite sheets of all 2352 images in 8 MB (${REAL_DATASET})`,
    async () => {
      const outDir = join(workDir, 'real', 'data');
      const summary = await buildWebPayload({ sourceDir: REAL_DATASET, outDir, dataset: { ...DATASET, id: 'av-emergency', source: 'imported' } });
      const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;
      console.log(
        `real dataset payload in ${summary.seconds.toFixed(1)} s: 32x32 ${megabytes(summary.spriteBytes[32])}, ` +
          `64x64 ${megabytes(summary.spriteBytes[64])}, 224x224 originals ${megabytes(summary.originalBytes)}`,
      );
      const manifest = await readPayloadManifest(outDir);
      expect(manifest.count).toBe(2352);
      expect(manifest.labels.length).toBe(2352);
      const shards64 = (manifest.resolutions['64'] as SpriteSheetResolution).shards;
      expect(shards64.reduce((sum, shard) => sum + shard.bytes, 0)).toBe(summary.spriteBytes[64]);
      expect(summary.spriteBytes[64]).toBeLessThanOrEqual(8_000_000);
    },
    300_000,
  );
});
