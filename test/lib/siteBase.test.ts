import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { withTrailingSlash } from '../../src/lib/siteBase';

describe('the site base path', () => {
  it('always ends in one slash, so `${base}data/` never becomes /coursedata/', () => {
    expect(withTrailingSlash('/course')).toBe('/course/');
    expect(withTrailingSlash('/course/')).toBe('/course/');
    expect(withTrailingSlash('/')).toBe('/');
    expect(`${withTrailingSlash('/course')}data/`).toBe('/course/data/');
  });

  it('is read from Astro in one module only (src/lib/siteBase.ts)', () => {
    const files = readdirSync('src', { recursive: true, encoding: 'utf8' }).filter((file) => /\.(ts|astro)$/.test(file));
    const readers = files.filter((file) => readFileSync(join('src', file), 'utf8').includes('import.meta.env.BASE_URL'));
    expect(readers).toEqual([join('lib', 'siteBase.ts')]);
  });
});
