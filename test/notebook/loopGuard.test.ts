import { describe, expect, it } from 'vitest';
import { transpileCell } from '../../src/notebook/transpile';
import { createNotebook, type CellResult, type CellSource } from '../../src/notebook/notebook';
import { GUARD_NAME, SYNC_BUDGET_MS } from '../../src/notebook/loopGuard';
import { sourceColumn } from '../../src/notebook/evaluate';

const cell = (id: string, source: string): CellSource => ({ id, label: `cell ${id}`, source });
const importModule = async () => ({});
const errorOf = (result: CellResult) => {
  if (result.status !== 'error') throw new Error(`expected an error, the cell ended ${result.status}`);
  return result.error;
};

describe('loop guards (transform)', () => {
  it('guards loops and functions without adding a line', () => {
    const source = 'let i = 0;\nwhile (true) {\n  i++;\n}\nfor (;;) i++;\nfunction f(n: number) { for (const x of [1]) n += x; return n; }\nconst g = async () => 1;';
    const { body } = transpileCell(source);
    const lines = body.split('\n');
    expect(lines).toHaveLength(source.split('\n').length);
    // Top level: an async guard (await); inside a sync function: a sync check.
    expect(lines[1]).toBe(`while (true) {if(--${GUARD_NAME}.n<0&&${GUARD_NAME}.a())await ${GUARD_NAME}.y();`);
    expect(lines[4]).toBe(`for (;;) {if(--${GUARD_NAME}.n<0&&${GUARD_NAME}.a())await ${GUARD_NAME}.y();__nb$e.i++;}`);
    expect(lines[5]).toContain(`function f(n) {if(--${GUARD_NAME}.n<0)${GUARD_NAME}.s(); for (const x of [1]) {if(--${GUARD_NAME}.n<0)${GUARD_NAME}.s();n += x;}`);
    expect(lines[5]).not.toContain('await');
    expect(lines[6]).toBe(`;     __nb$e.g = async () => (--${GUARD_NAME}.n<0&&${GUARD_NAME}.a()&&await ${GUARD_NAME}.y(),1);;__nb$c("g");`);
  });

  it('reserves the guard name', () => {
    expect(() => transpileCell(`const ${GUARD_NAME} = 1;`)).toThrow(/reserved by the notebook/);
    expect(() => transpileCell(`${GUARD_NAME}.n = 1e9;`)).toThrow(/reserved by the notebook/);
  });

  it('maps a column after inserted text back to the source', () => {
    // "ab" + 10 inserted characters at column 3 + "cd": generated column 13 is source column 3.
    expect(sourceColumn(1, 13, [[1, 3, 10]])).toBe(3);
    expect(sourceColumn(1, 5, [[1, 3, 10]])).toBe(3); // inside the insertion: where it was made
    expect(sourceColumn(1, 2, [[1, 3, 10]])).toBe(2);
    expect(sourceColumn(2, 13, [[1, 3, 10]])).toBe(13);
  });
});

describe('loop guards (running cells)', () => {
  it('keeps results right: nested arrows, object bodies, methods, generators, a tight loop', async () => {
    const notebook = createNotebook({ importModule });
    const source = [
      'const add = (a: number) => (b: number) => a + b;',
      'const wrap = (x: number) => ({ x });',
      'class Counter { n = 0; constructor() { for (let i = 0; i < 3; i++) this.n++; } get twice() { return this.n * 2; } }',
      'function* count() { let i = 0; while (i < 3) yield i++; }',
      'let sum = 0;',
      'for (let i = 0; i < 1e7; i++) sum += i;',
      'let j = 0; do { j++; } while (j < 5);',
      '[add(1)(2), wrap(4).x, new Counter().twice, [...count()].join(""), sum, j]',
    ].join('\n');
    const started = performance.now();
    const result = await notebook.run(cell('1', source));
    expect(result).toMatchObject({ status: 'done', value: [3, 4, 6, '012', 49999995000000, 5] });
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it('Stop ends a `while (true) {}` cell within a second, with the line of the loop', async () => {
    const notebook = createNotebook({ importModule });
    const controller = new AbortController();
    // The timer can only fire because the guard lets the event loop turn.
    setTimeout(() => controller.abort(), 200);
    const started = performance.now();
    const error = errorOf(await notebook.run(cell('1', 'let spins = 0;\nwhile (true) {}'), { signal: controller.signal }));
    const elapsed = performance.now() - started;
    expect(error.name).toBe('Interrupted');
    expect(error.message).toBe('interrupted: the cell was stopped');
    expect(error.cellLine).toBe(2);
    expect(error.cellSourceLine).toBe('while (true) {}');
    expect(elapsed).toBeGreaterThanOrEqual(190);
    expect(elapsed).toBeLessThan(1200);
    // The notebook is still usable.
    expect(await notebook.run(cell('2', '1 + 1'))).toMatchObject({ status: 'done', value: 2 });
  });

  it('Stop also ends `for (;;) {}` and an endless async recursion', async () => {
    for (const source of ['for (;;) {}', 'async function again(): Promise<void> { await null; return again(); }\nawait again();']) {
      const notebook = createNotebook({ importModule });
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 100);
      const started = performance.now();
      expect(errorOf(await notebook.run(cell('1', source), { signal: controller.signal })).name).toBe('Interrupted');
      expect(performance.now() - started).toBeLessThan(1200);
    }
  });

  it('Stop reaches a loop in a function that an earlier cell defined', async () => {
    const notebook = createNotebook({ importModule });
    await notebook.run(cell('1', 'async function spin() {\n  while (true) {}\n}'));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const error = errorOf(await notebook.run(cell('2', 'await spin();'), { signal: controller.signal }));
    expect(error.name).toBe('Interrupted');
  });

  it('ends an endless loop in a sync function after the time budget, saying so', async () => {
    const notebook = createNotebook({ importModule, guard: { syncBudgetMs: 300 } });
    const started = performance.now();
    const error = errorOf(await notebook.run(cell('1', 'function spin() {\n  let x = 0;\n  for (;;) { x++; }\n}\nspin();')));
    const elapsed = performance.now() - started;
    expect(error.name).toBe('Interrupted');
    expect(error.message).toBe('interrupted: the cell ran for 0.3 s without yielding to the page (an endless loop?), so it was stopped to keep the page responsive');
    expect(error.cellLine).toBe(3);
    expect(error.cellSourceLine).toBe('  for (;;) { x++; }');
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(1500);
    // A try/catch inside the loop cannot swallow the interruption.
    const caught = errorOf(await notebook.run(cell('2', 'function stubborn() { while (true) { try { while (true) {} } catch {} } }\nstubborn();')));
    expect(caught.message).toMatch(/ran for 0\.3 s without yielding/);
    expect(await notebook.run(cell('3', '"still running"'))).toMatchObject({ status: 'done', value: 'still running' });
  });

  it('guards code built by eval and new Function the same way (issue 14 item 5)', async () => {
    const notebook = createNotebook({ importModule, guard: { syncBudgetMs: 300 } });
    for (const [id, source] of [
      ['1', 'eval("while (true) {}")'],
      ['2', 'const spin = new Function("let x = 0; for (;;) x++;");\nspin();'],
      ['3', 'Function("n", "while (n > 0) { n = n + 1 } return n")(1)'],
      ['4', 'const { eval: run } = { eval };\nrun("do {} while (true)")'],
    ]) {
      const started = performance.now();
      const error = errorOf(await notebook.run(cell(id!, source!)));
      expect(error.message).toBe('interrupted: the cell ran for 0.3 s without yielding to the page (an endless loop?), so it was stopped to keep the page responsive');
      expect(performance.now() - started).toBeLessThan(3000);
    }
    // What they return, and their errors, are the real ones' (after the page has had its turn).
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await notebook.run(cell('5', 'eval("var q = 5; q * 2")'))).toMatchObject({ status: 'done', value: 10 });
    expect(await notebook.run(cell('6', 'new Function("a", "b", "return a + b")(2, 3)'))).toMatchObject({ status: 'done', value: 5 });
    expect(await notebook.run(cell('7', 'typeof eval + " " + eval(42)'))).toMatchObject({ status: 'done', value: 'function 42' });
    expect(errorOf(await notebook.run(cell('8', 'eval("1 +")')))).toMatchObject({ name: 'SyntaxError' });
  });

  it('lets a legitimate 1.5 s synchronous loop finish under the default budget', async () => {
    expect(SYNC_BUDGET_MS).toBeGreaterThanOrEqual(5000);
    const notebook = createNotebook({ importModule });
    const result = await notebook.run(cell('1', 'function busy(ms: number) { const end = Date.now() + ms; let n = 0; while (Date.now() < end) n++; return n > 0; }\nbusy(1500)'));
    expect(result).toMatchObject({ status: 'done', value: true });
  });

  it('never kills a long loop that awaits, however long it runs past the sync budget', async () => {
    const notebook = createNotebook({ importModule, guard: { syncBudgetMs: 100 } });
    const source = [
      'function step() { let s = 0; for (let i = 0; i < 2e5; i++) s += i; return s; }',
      'const end = Date.now() + 800;',
      'let epochs = 0;',
      'while (Date.now() < end) { step(); epochs++; await new Promise((r) => setTimeout(r, 5)); }',
      'epochs > 10',
    ].join('\n');
    expect(await notebook.run(cell('1', source))).toMatchObject({ status: 'done', value: true });
  });

  it('reports a runaway recursion as an error that says what happened', async () => {
    const notebook = createNotebook({ importModule });
    const error = errorOf(await notebook.run(cell('1', 'function down(n: number): number {\n  return down(n + 1);\n}\ndown(0)')));
    expect(error.name).toBe('RangeError');
    expect(error.message).toMatch(/^Maximum call stack size exceeded: a function kept calling itself \(runaway recursion\?\)/);
    // V8 overflows at a function's entry: the line of the function that recursed.
    expect(error.cellLine).toBe(1);
    expect(error.cellSourceLine).toBe('function down(n: number): number {');
    expect(await notebook.run(cell('2', '2 * 21'))).toMatchObject({ status: 'done', value: 42 });
  });

  it('keeps runtime error lines and columns of the cell on lines that carry a guard', async () => {
    const notebook = createNotebook({ importModule });
    const error = errorOf(await notebook.run(cell('1', 'const o: any = null;\nfor (let i = 0; i < 1; i++) { const y = o.x; }')));
    expect(error.cellLine).toBe(2);
    expect(error.cellSourceLine).toBe('for (let i = 0; i < 1; i++) { const y = o.x; }');
    expect(error.cellColumn).toBe('for (let i = 0; i < 1; i++) { const y = o.x; }'.indexOf('o.x') + 3);
  });
});
