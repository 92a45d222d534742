import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect } from 'vitest';

const SNAPSHOTS = resolve('test/viz/snapshots');

/**
 * Compares a rendered figure with its checked-in snapshot (Plot's own habit): numbers rounded
 * to two decimals, one tag per line. A missing snapshot is written; a mismatch writes
 * `<name>-changed.html` beside it to diff or copy over.
 */
export function expectSnapshot(element: Element, name: string): void {
  const html = normalize(element.outerHTML);
  const path = resolve(SNAPSHOTS, `${name}.html`);
  const changed = resolve(SNAPSHOTS, `${name}-changed.html`);
  if (!existsSync(path)) {
    writeFileSync(path, html);
    return;
  }
  if (readFileSync(path, 'utf8') === html) {
    rmSync(changed, { force: true });
    return;
  }
  writeFileSync(changed, html);
  expect.fail(`${name} differs from its snapshot: compare test/viz/snapshots/${name}.html with ${name}-changed.html`);
}

function normalize(html: string): string {
  return html
    .replace(/-?\d+\.\d{3,}(e[-+]?\d+)?/g, (number) => String(Math.round(Number(number) * 100) / 100))
    .replace(/></g, '>\n<')
    .concat('\n');
}
