import { describe, expect, it } from 'vitest';
import { isSpriteSheetResolution, parseManifest, spriteSheetsAt, type DatasetManifest } from '../../src/ml/manifest';

const HASH = 'a'.repeat(64);

function validManifest(): DatasetManifest {
  const count = 600;
  return {
    format: 1,
    dataset: { id: 'default', title: 'Generated default dataset (seed 1)', source: 'generated', origin: 'scripts/generate-default-dataset.ts seed 1' },
    count,
    classes: ['non-emergency', 'emergency'],
    names: Array.from({ length: count }, (_, i) => `${i}.jpg`),
    labels: Array.from({ length: count }, (_, i) => i % 2),
    resolutions: {
      '32': { size: 32, tilesPerRow: 32, shards: [{ file: 'x32-0-1a2b3c4d.jpg', first: 0, count: 600, bytes: 1000, sha256: HASH }] },
      '64': {
        size: 64,
        tilesPerRow: 16,
        shards: [
          { file: 'x64-0-00000000.jpg', first: 0, count: 256, bytes: 1000, sha256: HASH },
          { file: 'x64-1-11111111.jpg', first: 256, count: 256, bytes: 1000, sha256: HASH },
          { file: 'x64-2-22222222.jpg', first: 512, count: 88, bytes: 1000, sha256: HASH },
        ],
      },
      '224': { size: 224, directory: 'images/' },
    },
  };
}

/** A valid manifest with one change applied. */
function withChange(change: (manifest: any) => void): unknown {
  const manifest = structuredClone(validManifest());
  change(manifest);
  return manifest;
}

describe('parseManifest', () => {
  it('accepts a valid manifest and keeps its content', () => {
    const manifest = parseManifest(JSON.parse(JSON.stringify(validManifest())));
    expect(manifest).toEqual(validManifest());
    expect(isSpriteSheetResolution(manifest.resolutions['64'])).toBe(true);
    expect(isSpriteSheetResolution(manifest.resolutions['224'])).toBe(false);
  });

  it('accepts optional duplicate groups, and manifests without them', () => {
    const withGroups = { ...validManifest(), duplicateGroups: [[1, 7], [3, 9, 599]] };
    expect(parseManifest(JSON.parse(JSON.stringify(withGroups))).duplicateGroups).toEqual([[1, 7], [3, 9, 599]]);
    expect(parseManifest(validManifest())).not.toHaveProperty('duplicateGroups');
  });

  it.each([
    ['a bad shard count', (m: any) => (m.resolutions['64'].shards[2].count = -3), 'invalid dataset manifest: resolutions.64.shards[2].count: expected a positive integer, got -3'],
    ['a count of the wrong type', (m: any) => (m.resolutions['64'].shards[2].count = '88'), 'resolutions.64.shards[2].count: expected number, got string'],
    ['a missing title', (m: any) => delete m.dataset.title, 'dataset.title: missing (expected string)'],
    ['an unknown source', (m: any) => (m.dataset.source = 'scraped'), 'dataset.source: expected one of "generated", "imported", got "scraped"'],
    ['another format version', (m: any) => (m.format = 2), 'format: expected format 1 (this site reads only that version), got 2'],
    ['too few labels', (m: any) => m.labels.pop(), 'labels: expected 600 labels (count), found 599'],
    ['a label with no class', (m: any) => (m.labels[5] = 2), 'labels[5]: expected a class index below 2, got 2'],
    ['a repeated name', (m: any) => (m.names[7] = '3.jpg'), 'names[7]: "3.jpg" repeats names[3]'],
    ['a name with a folder', (m: any) => (m.names[0] = '../secret.jpg'), 'names[0]: expected a plain file name (no folders, not "." or ".."), got "../secret.jpg"'],
    ['a gap between shards', (m: any) => (m.resolutions['64'].shards[1].first = 257), 'resolutions.64.shards[1].first: expected 256 (shards must cover the images in order without gaps), got 257'],
    ['shards not covering count', (m: any) => (m.resolutions['32'].shards[0].count = 500), 'resolutions.32.shards: shards hold 500 images but count is 600'],
    ['a key that is not the size', (m: any) => (m.resolutions['32'].size = 31), 'resolutions.32.size: key "32" must equal the resolution\'s size (31)'],
    ['a directory escaping the payload', (m: any) => (m.resolutions['224'].directory = '../images/'), 'resolutions.224.directory: expected a relative directory ending in "/", such as "images/", got "../images/"'],
    ['a bad hash', (m: any) => (m.resolutions['32'].shards[0].sha256 = 'xyz'), 'resolutions.32.shards[0].sha256: expected 64 lowercase hex digits, got "xyz"'],
    ['a duplicate group of one image', (m: any) => (m.duplicateGroups = [[3]]), 'duplicateGroups[0]: expected a group of at least two images'],
    ['a duplicate group index past count', (m: any) => (m.duplicateGroups = [[3, 600]]), 'duplicateGroups[0][1]: expected an image index below 600 (count), got 600'],
    ['an image in two duplicate groups', (m: any) => (m.duplicateGroups = [[1, 2], [5, 2]]), 'duplicateGroups[1][1]: image 2 is already in duplicateGroups[0]'],
    ['a shard file in a folder', (m: any) => (m.resolutions['32'].shards[0].file = 'a/b.jpg'), 'resolutions.32.shards[0].file: expected a plain image file name'],
    ['a reused shard file', (m: any) => (m.resolutions['64'].shards[1].file = 'x32-0-1a2b3c4d.jpg'), 'resolutions.64.shards[1].file: "x32-0-1a2b3c4d.jpg" is used by another shard'],
    ['no resolutions', (m: any) => (m.resolutions = {}), 'resolutions: expected at least one resolution'],
  ])('explains %s', (_, change, message) => {
    expect(() => parseManifest(withChange(change))).toThrow(message);
  });

  it('explains a value that is not an object at all', () => {
    expect(() => parseManifest(null)).toThrow('invalid dataset manifest: (root): expected object, got null');
    expect(() => parseManifest([])).toThrow(/\(root\): expected object, got array/);
  });

  it('lists a few problems and counts the rest', () => {
    const manyBad = withChange((m) => m.names.forEach((_: string, i: number) => (m.names[i] = 'same.jpg')));
    expect(() => parseManifest(manyBad)).toThrow(/names\[1\]: "same\.jpg" repeats names\[0\].*\(and 594 more\)$/);
  });
});

describe('spriteSheetsAt', () => {
  it('returns sprite sheets at a size, or names the sizes available', () => {
    const manifest = parseManifest(validManifest());
    expect(spriteSheetsAt(manifest, 64).tilesPerRow).toBe(16);
    expect(() => spriteSheetsAt(manifest, 128)).toThrow('dataset "default" has no 128x128 sprite sheets (available: 32x32, 64x64)');
    expect(() => spriteSheetsAt(manifest, 224)).toThrow(/no 224x224 sprite sheets/);
  });
});
