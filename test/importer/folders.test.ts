/** The "two folders of photos" layout, through the command line's importer (the page uses the same core). */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDataset } from '../../scripts/lib/dataset/importDataset';
import { formatReport } from '../../src/importer/formatReport';
import { pixels } from '../dataset/fixtures';

let workDir: string;
beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'folders-test-'));
});
afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

const photo = (i: number, width: number, height: number) => sharp(pixels(i, width, height), { raw: { width, height, channels: 3 } });

describe('two folders of photos', () => {
  it('labels emergency/ 1 and other/ 0, reads JPEG, PNG and WebP of any size, and lists what it ignored', async () => {
    const root = join(workDir, 'My photos');
    await mkdir(join(root, 'Emergency'), { recursive: true });
    await mkdir(join(root, 'other', 'holiday'), { recursive: true });
    await photo(1, 640, 480).jpeg().toFile(join(root, 'Emergency', 'IMG_0001.jpg'));
    await photo(2, 300, 500).png().toFile(join(root, 'Emergency', 'ambulance.png'));
    await photo(3, 224, 224).webp().toFile(join(root, 'other', 'car.webp'));
    await photo(4, 1000, 100).jpeg().toFile(join(root, 'other', 'IMG_0001.jpg'));
    await writeFile(join(root, 'other', 'notes.txt'), 'not a photo');
    await writeFile(join(root, 'Emergency', '.DS_Store'), 'mac');

    const payloadDir = join(workDir, 'out', 'data');
    const { report } = await importDataset({ input: root, payloadDir, dataset: { id: 'photos', title: 'My photos' } });
    expect(report.input).toEqual({ name: 'My photos', layout: 'folders', zip: false });
    expect(report.counts).toEqual({ images: 4, emergency: 2, nonEmergency: 2, unlabelled: 0 });
    expect(report.normalised).toBe(4);
    expect(report.unlisted).toEqual(['other/notes.txt']);
    expect(report.warnings).toEqual([
      '1 file in the photo folders ignored (not JPEG, PNG or WebP): other/notes.txt',
      'other/: 1 folder inside, not read: holiday',
    ]);
    const manifest = JSON.parse(await readFile(join(payloadDir, 'manifest.json'), 'utf8'));
    // In natural order within each folder (case-insensitive, numbers by value).
    expect(manifest.names).toEqual(['emergency-ambulance.png', 'emergency-IMG_0001.jpg', 'other-car.webp', 'other-IMG_0001.jpg']);
    expect(manifest.labels).toEqual([1, 1, 0, 0]);
    for (const name of manifest.names) {
      const { format, width, height } = await sharp(join(payloadDir, 'images', name)).metadata();
      expect([format, width, height], name).toEqual(['jpeg', 224, 224]);
    }
    expect(formatReport(report).join('\n')).toContain('Sorted by class: the folders list all 2 emergency images first');
  });

  it('says which folder holds no photos', async () => {
    const root = join(workDir, 'empty-other');
    await mkdir(join(root, 'emergency'), { recursive: true });
    await mkdir(join(root, 'other'), { recursive: true });
    await photo(1, 50, 50).jpeg().toFile(join(root, 'emergency', 'a.jpg'));
    await writeFile(join(root, 'other', 'readme.md'), '# nothing here');
    await expect(importDataset({ input: root, payloadDir: join(workDir, 'out2', 'data'), dataset: { id: 'x', title: 'x' } })).rejects.toThrow(
      `${join(root, 'other')}/ holds no photos (expected JPEG, PNG or WebP files; found only other/readme.md)`,
    );
  });
});
