import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// `npm run typecheck` ends with this check of every lesson's cells; here it must fail on a lesson
// whose cells have deliberate errors, naming each file, line and column.
describe('scripts/typecheck-cells.ts', () => {
  it('fails on the broken fixture lesson with the file, line and column of every error', () => {
    const run = spawnSync('npx', ['tsx', 'scripts/typecheck-cells.ts', '--lessons', 'test/fixtures/broken-lessons'], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    const file = 'test/fixtures/broken-lessons/01-broken/cells/02-model.ts';
    expect(run.stderr).toContain(`${file}:1:33 - error TS2322: Type 'string' is not assignable to type 'number'.`);
    expect(run.stderr).toContain(`${file}:2:43 - error TS2561: Object literal may only specify known properties, but 'activaton' does not exist in type 'DenseLayerArgs'. Did you mean to write 'activation'?`);
    expect(run.stderr).toContain(`${file}:4:1 - error TS2632: Cannot assign to 'rate' because it is a constant: cell 1 (cells/01-load.ts) declares it with const`);
    expect(run.stderr).toContain(`${file}:5:11 - error TS2304: Cannot find name 'laterModel': it is defined in cell 3 (cells/03-late.ts), which comes later on the page`);
    expect(run.stderr).toContain(`${file}:6:1 - error TS2304: Cannot find name 'notAThing'.`);
    // The line itself, with the error marked under it.
    expect(run.stderr).toContain("  const layer = tf.layers.dense({ units: '10' });\n                                  ~~~~~");
    expect(run.stderr).toMatch(/5 type errors in the cells of 1 lesson/);
  });
});
