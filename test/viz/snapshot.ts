import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect } from 'vitest';

const SNAPSHOTS = resolve('test/viz/snapshots');

/** `UPDATE_SNAPSHOTS=1 npx vitest run test/viz` writes missing snapshots and accepts changed ones. */
export const updatingSnapshots = (): boolean => process.env.UPDATE_SNAPSHOTS === '1';

/**
 * Compares a rendered figure with its checked-in snapshot (Plot's own habit): numbers rounded
 * to two decimals, one tag per line. A missing snapshot fails, as a changed one does (a mismatch
 * writes `<name>-changed.html` beside it to diff or copy over), unless UPDATE_SNAPSHOTS=1.
 */
export function expectSnapshot(element: Element, name: string): void {
  const html = normalize(element.outerHTML);
  const path = resolve(SNAPSHOTS, `${name}.html`);
  const changed = resolve(SNAPSHOTS, `${name}-changed.html`);
  if (updatingSnapshots()) {
    writeFileSync(path, html);
    rmSync(changed, { force: true });
    return;
  }
  if (!existsSync(path)) {
    expect.fail(`${name} has no snapshot (test/viz/snapshots/${name}.html is missing): check the figure, then write it with UPDATE_SNAPSHOTS=1 npx vitest run test/viz and commit it`);
  }
  if (readFileSync(path, 'utf8') === html) {
    rmSync(changed, { force: true });
    return;
  }
  writeFileSync(changed, html);
  expect.fail(`${name} differs from its snapshot: compare test/viz/snapshots/${name}.html with ${name}-changed.html (UPDATE_SNAPSHOTS=1 accepts the change)`);
}

export function normalize(html: string): string {
  return html
    .replace(/-?\d+\.\d{3,}(e[-+]?\d+)?/g, (number) => String(Math.round(Number(number) * 100) / 100))
    .replace(/></g, '>\n<')
    .concat('\n');
}
