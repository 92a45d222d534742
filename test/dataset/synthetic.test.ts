import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSV_HEADER, CSV_NAME, DEFAULT_LABEL_NOISE, generateDataset, GENERATOR_VERSION, planLabels, planMislabels } from '../../scripts/synthetic/generateDataset.ts';

const COUNT = 24;
let root: string;
let a: string; // seed 1
let b: string; // seed 1 again, into a different folder
let c: string; // seed 2

const readCsv = async (dir: string): Promise<string> => readFile(join(dir, CSV_NAME), 'utf8');
const labelsOf = (csv: string): number[] => csv.trim().split('\n').slice(1).map((row) => Number(row.split(',')[1]));

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'synthetic-test-'));
  a = join(root, 'a');
  b = join(root, 'b');
  c = join(root, 'c');
  // three small datasets: a and b must match byte for byte, c must differ
  await Promise.all([
    generateDataset({ outDir: a, count: COUNT, seed: 1 }),
    generateDataset({ outDir: b, count: COUNT, seed: 1 }),
    generateDataset({ outDir: c, count: COUNT, seed: 2 }),
  ]);
});

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

describe('synthetic dataset generator', () => {
  it('writes the article layout: CSV with the exact header, images/N.jpg, generator.json', async () => {
    const csv = await readCsv(a);
    const lines = csv.trimEnd().split('\n');
    expect(lines[0]).toBe(CSV_HEADER);
    expect(lines).toHaveLength(COUNT + 1);
    lines.slice(1).forEach((line, i) => expect(line).toMatch(new RegExp(`^${i}\\.jpg,[01]$`)));
    const images = (await readdir(join(a, 'images'))).sort((x, y) => parseInt(x) - parseInt(y));
    expect(images).toEqual(Array.from({ length: COUNT }, (_, i) => `${i}.jpg`));
    const meta = JSON.parse(await readFile(join(a, 'generator.json'), 'utf8'));
    expect(meta).toMatchObject({ version: GENERATOR_VERSION, seed: 1, count: COUNT, labelNoise: DEFAULT_LABEL_NOISE });
  });

  it('is deterministic: same seed gives byte-identical CSV and images', async () => {
    expect(await readCsv(b)).toBe(await readCsv(a));
    for (let i = 0; i < COUNT; i++) {
      const [x, y] = await Promise.all([readFile(join(a, 'images', `${i}.jpg`)), readFile(join(b, 'images', `${i}.jpg`))]);
      expect(x.equals(y), `image ${i} differs between two runs with seed 1`).toBe(true);
    }
  });

  it('differs for a different seed', async () => {
    expect(await readCsv(c)).not.toBe(await readCsv(a));
    const [x, y] = await Promise.all([readFile(join(a, 'images', '0.jpg')), readFile(join(c, 'images', '0.jpg'))]);
    expect(x.equals(y)).toBe(false);
  });

  it('has the requested emergency fraction (before the wrong labels), with the classes interleaved rather than sorted', async () => {
    const labels = labelsOf(await readCsv(a));
    const drawn = planLabels(COUNT, 1, 991 / 2352);
    const wrong = planMislabels(COUNT, 1, DEFAULT_LABEL_NOISE);
    expect(drawn.reduce((s, v) => s + v, 0)).toBe(Math.round((COUNT * 991) / 2352));
    // the CSV says the other class exactly where the mislabel plan says so, and nowhere else
    expect(labels).toEqual(drawn.map((label, i) => (wrong[i] ? 1 - label : label)));
    const meta = JSON.parse(await readFile(join(a, 'generator.json'), 'utf8'));
    expect(meta.mislabelled).toBe(wrong.filter(Boolean).length);
    const sortedDown = [...labels].sort((p, q) => q - p);
    const sortedUp = [...labels].sort((p, q) => p - q);
    expect(labels).not.toEqual(sortedDown);
    expect(labels).not.toEqual(sortedUp);
  });

  it('plans exactly 991 emergency labels out of 2352 by default, interleaved', () => {
    const labels = planLabels(2352, 1, 991 / 2352);
    expect(labels.reduce((s, v) => s + v, 0)).toBe(991);
    // a shuffled order has many class changes; a sorted one has a single change
    const changes = labels.slice(1).filter((v, i) => v !== labels[i]).length;
    expect(changes).toBeGreaterThan(800);
  });

  it('gives about the asked share of wrong labels, none with labelNoise 0, and refuses 0.5 or more', async () => {
    const wrong = planMislabels(1200, 1, 0.15).filter(Boolean).length;
    expect(wrong).toBeGreaterThan(0.12 * 1200);
    expect(wrong).toBeLessThan(0.18 * 1200);
    expect(planMislabels(1200, 1, 0).some(Boolean)).toBe(false);
    await expect(generateDataset({ outDir: join(root, 'x'), labelNoise: 0.5 })).rejects.toThrow(/labelNoise .* got 0.5/);
  });

  it('writes 224×224 RGB JPEGs without alpha', async () => {
    for (const i of [0, 7, COUNT - 1]) {
      const meta = await sharp(join(a, 'images', `${i}.jpg`)).metadata();
      expect(meta.format).toBe('jpeg');
      expect([meta.width, meta.height, meta.channels, meta.hasAlpha]).toEqual([224, 224, 3, false]);
    }
  });

  it('leaves no temporary folder behind and replaces an existing dataset atomically', async () => {
    await generateDataset({ outDir: a, count: 4, seed: 3 });
    expect((await readdir(root)).sort()).toEqual(['a', 'b', 'c']);
    expect(await readdir(join(a, 'images'))).toHaveLength(4);
  });

  it('rejects bad options with a message naming the value', async () => {
    await expect(generateDataset({ outDir: join(root, 'x'), count: 0 })).rejects.toThrow(/count .* got 0/);
    await expect(generateDataset({ outDir: join(root, 'x'), seed: 1.5 })).rejects.toThrow(/seed .* got 1.5/);
    await expect(generateDataset({ outDir: join(root, 'x'), emergencyFraction: 2 })).rejects.toThrow(/emergencyFraction .* got 2/);
    expect((await readdir(root)).sort()).toEqual(['a', 'b', 'c']);
  });
});
