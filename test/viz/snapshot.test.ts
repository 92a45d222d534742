// @vitest-environment jsdom
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { expectSnapshot } from './snapshot';

const dir = resolve('test/viz/snapshots');
const name = 'snapshot-helper-self-test';
const files = [`${name}.html`, `${name}-changed.html`].map((file) => resolve(dir, file));

function figure(text: string): Element {
  const element = document.createElement('figure');
  element.textContent = text;
  return element;
}

describe('expectSnapshot', () => {
  afterEach(() => {
    for (const file of files) rmSync(file, { force: true });
    delete process.env.UPDATE_SNAPSHOTS;
  });

  it('fails when the snapshot is missing, and writes nothing', () => {
    expect(() => expectSnapshot(figure('a'), name)).toThrow(/has no snapshot .*UPDATE_SNAPSHOTS=1/);
    expect(existsSync(files[0]!)).toBe(false);
  });

  it('fails when the figure changed, writing the new rendering beside the snapshot', () => {
    writeFileSync(files[0]!, '<figure>a</figure>\n');
    expect(() => expectSnapshot(figure('b'), name)).toThrow(/differs from its snapshot/);
    expect(readFileSync(files[1]!, 'utf8')).toBe('<figure>b</figure>\n');
  });

  it('passes on an identical rendering and removes a stale -changed file', () => {
    writeFileSync(files[0]!, '<figure>a</figure>\n');
    writeFileSync(files[1]!, 'old');
    expectSnapshot(figure('a'), name);
    expect(existsSync(files[1]!)).toBe(false);
  });

  it('writes and accepts with UPDATE_SNAPSHOTS=1', () => {
    process.env.UPDATE_SNAPSHOTS = '1';
    expectSnapshot(figure('c'), name);
    expect(readFileSync(files[0]!, 'utf8')).toBe('<figure>c</figure>\n');
  });
});
