import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { measurePage } from '../../scripts/js-budget';

const run = promisify(execFile);
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'js-budget-'));
  await mkdir(join(dir, '_astro'));
  await mkdir(join(dir, 'lessons', 'a'), { recursive: true });
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Incompressible code of about `kb` kilobytes gzipped. */
const bulk = (kb: number) => `const blob = "${randomBytes(kb * 1024).toString('base64')}";\n`;

describe('the JavaScript budget', () => {
  it('counts module scripts and their static imports under any base path, not dynamic imports', async () => {
    await writeFile(join(dir, '_astro', 'page.js'), `import{a as b}from"./shared.js";import"./side.js";const later=()=>import("./heavy.js");\n${bulk(2)}`);
    await writeFile(join(dir, '_astro', 'shared.js'), `export const a=1;\n${bulk(3)}`);
    await writeFile(join(dir, '_astro', 'side.js'), bulk(1));
    await writeFile(join(dir, '_astro', 'heavy.js'), bulk(400));
    await writeFile(join(dir, 'lessons', 'a', 'index.html'), '<html><head><script type="application/json">{"not":"code"}</script><script type="module" src="/course/_astro/page.js"></script></head><body><script>console.log(1)</script></body></html>');
    const page = measurePage(dir, join(dir, 'lessons', 'a', 'index.html'));
    expect(page.files.sort()).toEqual(['_astro/page.js', '_astro/shared.js', '_astro/side.js']);
    expect(page.gzipBytes).toBeGreaterThan(5.5 * 1024);
    expect(page.gzipBytes).toBeLessThan(8 * 1024);
  });

  it('fails with a message when a page loads more than the budget', async () => {
    await writeFile(join(dir, '_astro', 'big.js'), bulk(160));
    await writeFile(join(dir, 'index.html'), '<script type="module" src="/_astro/big.js"></script>');
    await writeFile(join(dir, 'lessons', 'a', 'index.html'), '<p>no script</p>');
    const failure = await run('npx', ['tsx', 'scripts/js-budget.ts', dir]).then(() => undefined, (error: { code: number; stdout: string; stderr: string }) => error);
    expect(failure?.code).toBe(1);
    expect(failure?.stdout).toMatch(/^index\.html\s+1\s+[\d.]+\s+1[56]\d\.\d {2}OVER BUDGET$/m);
    expect(failure?.stdout).toMatch(/^lessons\/a\/index\.html\s+0\s+0\.0\s+0\.0$/m);
    expect(failure?.stderr).toMatch(/1 page\(s\) load more than 150 KB/);
  });
});
