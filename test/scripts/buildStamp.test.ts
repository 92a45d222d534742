import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildInputsHash, isBuildCurrent, writeBuildStamp } from '../../scripts/lib/buildStamp';

const roots: string[] = [];
afterEach(() => { for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true }); });

/** A project with a source, a lesson, a dataset payload (manifest and a sheet) and a built dist/. */
function project(): string {
  const root = mkdtempSync(join(tmpdir(), 'build-stamp-'));
  roots.push(root);
  for (const dir of ['src', 'content/lessons/01-a', 'public/data', 'dist']) mkdirSync(join(root, dir), { recursive: true });
  writeFileSync(join(root, 'src/a.ts'), 'export const a = 1;\n');
  writeFileSync(join(root, 'content/lessons/01-a/en.mdx'), '# A\n');
  writeFileSync(join(root, 'public/data/manifest.json'), '{"sheets":["s-1.jpg"]}');
  writeFileSync(join(root, 'public/data/s-1.jpg'), 'pixels');
  writeFileSync(join(root, 'dist/index.html'), '<html></html>');
  return root;
}

describe('npm start’s build stamp', () => {
  it('calls a build current until a source, a lesson, the dataset or a build variable changes', () => {
    const root = project();
    const dist = join(root, 'dist');
    expect(isBuildCurrent(root, dist, {})).toBe(false); // never stamped: build
    writeBuildStamp(root, dist, {});
    expect(isBuildCurrent(root, dist, {})).toBe(true);
    // The images are named by their hashes in the manifest: an image alone does not count, the manifest does.
    writeFileSync(join(root, 'public/data/s-1.jpg'), 'other pixels');
    expect(isBuildCurrent(root, dist, {})).toBe(true);
    expect(isBuildCurrent(root, dist, { COURSE_BASE: '/course/' })).toBe(false);
    writeFileSync(join(root, 'content/lessons/01-a/en.mdx'), '# A, edited\n');
    expect(isBuildCurrent(root, dist, {})).toBe(false);
    writeBuildStamp(root, dist, {});
    writeFileSync(join(root, 'public/data/manifest.json'), '{"sheets":["s-2.jpg"]}');
    expect(isBuildCurrent(root, dist, {})).toBe(false);
    writeBuildStamp(root, dist, {});
    writeFileSync(join(root, 'src/b.ts'), 'export const b = 2;\n');
    expect(isBuildCurrent(root, dist, {})).toBe(false);
  });

  it('does not trust a stamp without a built site', () => {
    const root = project();
    const dist = join(root, 'dist');
    writeBuildStamp(root, dist, {});
    rmSync(join(dist, 'index.html'));
    expect(isBuildCurrent(root, dist, {})).toBe(false);
    expect(buildInputsHash(root, {})).toMatch(/^[0-9a-f]{20}$/);
  });
});
