import { describe, expect, it } from 'vitest';
import { createNotebook, type CellResult, type CellSource, type Notebook, type NotebookOptions } from '../../src/notebook/notebook';

// One test per row of the README's table "One notebook scope", in the table's order.

const cell = (id: string, source: string): CellSource => ({ id, label: `cell ${id}`, source });
const importModule = async (specifier: string) => {
  if (specifier === 'lib:math') return { double: (x: number) => 2 * x, default: 'the default' };
  throw new Error(`unknown module ${specifier}`);
};

function page(options: Partial<NotebookOptions> = {}) {
  const notebook: Notebook = createNotebook({ importModule, ...options });
  const run = async (id: string, source: string, builtins?: Record<string, unknown>) => notebook.run(cell(id, source), { builtins });
  const value = async (id: string, source: string) => {
    const result = await run(id, source);
    if (result.status !== 'done') throw new Error(`cell ${id} failed: ${result.error.message}`);
    return result.value;
  };
  return { notebook, run, value };
}

const errorOf = (result: CellResult) => {
  if (result.status !== 'error') throw new Error(`expected an error, the cell ended ${result.status}`);
  return result.error;
};

describe('one notebook scope', () => {
  it('a top-level declaration of any kind is a binding every later cell sees', async () => {
    const { value } = page();
    await value('1', [
      "import label, { double } from 'lib:math';",
      'let a = 1; const b = 2; var c = 3;',
      'function f() { return 4 }',
      'class K { five = 5 }',
      'const { d, e: [g] } = { d: 6, e: [7] };',
      '{ var hoisted = 8; }',
    ].join('\n'));
    expect(await value('2', '[label, double(1), a, b, c, f(), new K().five, d, g, hoisted]')).toEqual(['the default', 2, 1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('a closure reads the binding when it runs, not when it was made: [50, 50]', async () => {
    const { value } = page();
    await value('A', 'let epochs = 10;\nfunction show() { return epochs }');
    await value('B', 'epochs = 50');
    expect(await value('C', '[epochs, show()]')).toEqual([50, 50]);
    // The same holds for arrow functions, methods and callbacks stored in objects.
    await value('D', 'const settings = { read: () => epochs, get twice() { return 2 * epochs } };');
    await value('B', 'epochs = 7');
    expect(await value('E', '[settings.read(), settings.twice]')).toEqual([7, 14]);
  });

  it('assigning a let of another cell changes the one binding; the declaring cell keeps it', async () => {
    const { notebook, value } = page();
    await value('1', 'let epochs = 10;\nlet calls = 0;\nfunction count() { calls++ }');
    await value('2', 'epochs = epochs * 5; count(); count();');
    expect(notebook.get('epochs')).toBe(50);
    expect(notebook.get('calls')).toBe(2);
    expect(notebook.definedBy('epochs')).toBe('1');
  });

  it('a const (or an import) cannot be assigned outside its declaration, and the error says where it is declared', async () => {
    const { notebook, run, value } = page();
    await value('1', "import { double } from 'lib:math';\nconst rate = 0.1;");
    const outside = errorOf(await run('2', 'const x = 1;\nrate = 0.5;'));
    expect(outside.message).toBe('`rate` is a constant: cell 1 declares it with const, so only that declaration can give it a new value (change it there and rerun, or declare it with let)');
    expect(outside).toMatchObject({ name: 'TypeError', cellLine: 2 });
    expect(errorOf(await run('3', 'double = null;')).message).toMatch(/^`double` is a constant/);
    expect(errorOf(await run('4', 'const y = 1;\ny = 2;')).message).toMatch(/^`y` is a constant/);
    expect(notebook.get('rate')).toBe(0.1);
  });

  it('rerunning a cell redefines its names (a const too), every closure sees the new values, and what it no longer declares is gone', async () => {
    const replaced: string[] = [];
    const { notebook, run, value } = page({ onReplaced: (name) => replaced.push(name) });
    await value('1', 'const rate = 0.1;\nconst old = true;');
    await value('2', 'function scaled(x: number) { return x * rate }');
    await value('1', 'const rate = 0.5;');
    expect(await value('3', 'scaled(10)')).toBe(5);
    expect(notebook.has('old')).toBe(false);
    expect(errorOf(await run('3', 'old')).message).toBe('old is not defined');
    expect(replaced.sort()).toEqual(['old', 'rate']);
  });

  it('a later cell may declare a name again: the later declaration redefines it and owns it', async () => {
    const { notebook, value } = page();
    const describer = 'function describe() { return `model: ${model}` }';
    await value('1', `const model = "small";\n${describer}`);
    await value('2', 'const model = "large";');
    expect(notebook.definedBy('model')).toBe('2');
    expect(await value('3', 'describe()')).toBe('model: large');
    // Its const rule moves with it: cell 1 may declare it again, cell 3 may not assign it.
    await value('1', `let model = "medium";\n${describer}`);
    expect(await value('3', 'model = "tiny"; describe()')).toBe('model: tiny');
  });

  it('a function that recurses calls its newest definition, even through a copy made before the redefinition', async () => {
    const { value } = page();
    await value('1', 'function countdown(n: number): string { return n === 0 ? "old" : countdown(n - 1) }');
    await value('2', 'const saved = countdown;');
    expect(await value('3', 'saved(3)')).toBe('old');
    await value('1', 'function countdown(n: number): string { return n === 0 ? "new" : countdown(n - 1) }');
    expect(await value('3', 'saved(3)')).toBe('new');
    // A function is callable from the first line of its cell, as a hoisted declaration is.
    expect(await value('4', 'const early = fib(10);\nfunction fib(n: number): number { return n < 2 ? n : fib(n - 1) + fib(n - 2) }\nearly')).toBe(55);
  });

  it('a class defined in one cell is instantiated, extended and checked with instanceof in others', async () => {
    const { value } = page();
    await value('1', 'class Counter { n = 0; inc() { this.n++; return this } static start() { return new Counter() } }');
    await value('2', 'class Double extends Counter { inc() { super.inc(); return super.inc() } }');
    expect(await value('3', 'const c = new Double().inc();\n[c.n, c instanceof Counter, Counter.start().inc().n]')).toEqual([2, true, 1]);
  });

  it('a local (parameter, block let, catch parameter, inner function) shadows a top-level name without touching it', async () => {
    const { notebook, value } = page();
    await value('1', 'let epochs = 10;');
    expect(await value('2', [
      'function withParameter(epochs: number) { epochs += 1; return epochs }',
      'function withLocal() { let epochs = 3; { const epochs = 4; } return epochs }',
      'let caught = 0;',
      'try { throw 99 } catch (epochs) { caught = epochs as number }',
      'for (let epochs = 0; epochs < 2; epochs++) {}',
      '[withParameter(1), withLocal(), caught, epochs]',
    ].join('\n'))).toEqual([2, 3, 99, 10]);
    expect(notebook.get('epochs')).toBe(10);
  });

  it('a name nothing defines is not defined; one a later cell defines says which cell; a function using it works once that cell ran', async () => {
    const { notebook, run, value } = page();
    const cells = [cell('1', 'function train() { return `training with ${optimizer}` }'), cell('2', 'train()'), cell('3', 'const optimizer = "adam";')];
    notebook.setCells(cells);
    await value('1', cells[0]!.source);
    expect(errorOf(await run('2', 'train()')).message).toBe('`optimizer` is defined in cell 3, which has not run yet: run it first (or use Run all)');
    expect(errorOf(await run('4', 'epochz + 1')).message).toBe('epochz is not defined');
    expect(errorOf(await run('4', 'epochz = 5;')).message).toBe('epochz is not defined');
    await value('3', cells[2]!.source);
    expect(await value('2', 'train()')).toBe('training with adam');
    expect(await value('4', '[typeof epochz, typeof optimizer]')).toEqual(['undefined', 'string']);
  });

  it("reading a cell's own name before its declaration: an error on the first run, the previous value on a rerun", async () => {
    const { run, value } = page();
    expect(errorOf(await run('1', 'const early = size;\nconst size = 3;')).message).toBe("Cannot access 'size' before initialization");
    await value('2', 'const size = 3;');
    expect(await value('2', 'const before = size;\nconst size = 4;\n[before, size]')).toEqual([3, 4]);
  });

  it('a cell that fails part-way keeps what it assigned before the error; what it did not reach keeps its previous value', async () => {
    const { notebook, run, value } = page();
    await value('1', 'const units = 100;\nconst rate = 0.1;\nconst old = 1;');
    const result = await run('1', 'const units = 50;\nthrow new Error("boom");\nconst rate = 0.2;');
    expect(errorOf(result)).toMatchObject({ message: 'boom', cellLine: 2 });
    expect([notebook.get('units'), notebook.get('rate'), notebook.get('old')]).toEqual([50, 0.1, 1]);
    // A name first declared by the failed run stays undefined for everybody.
    await run('2', 'throw new Error("early");\nconst never = 1;');
    expect(notebook.has('never')).toBe(false);
    expect(errorOf(await run('3', 'never')).message).toBe('never is not defined');
  });

  it('top-level await works anywhere at a cell\'s top level, with live bindings across the pause', async () => {
    const { value } = page();
    await value('1', 'let ticks = 0;\nconst tick = async () => { await null; ticks++; return ticks };');
    expect(await value('2', 'await tick();\nconst second = await tick();\nfor (const _ of [1, 2]) await tick();\n[second, ticks]')).toEqual([2, 4]);
  });

  it('builtins belong to each run: display in a function of cell 2 prints into cell 2; a cell may declare the name for later cells', async () => {
    const { run, value } = page();
    const shown: Record<string, unknown[]> = { 2: [], 3: [] };
    const builtins = (id: string) => ({ display: (v: unknown) => shown[id]!.push(v) });
    await run('2', 'function report(x: number) { display(x) }\nreport(1);', builtins('2'));
    await run('3', 'report(2); display(3);', builtins('3'));
    expect(shown).toEqual({ 2: [1, 2], 3: [3] });
    await value('4', 'const display = (x: unknown) => `mine: ${x}`;');
    expect((await run('5', 'display(4)', builtins('3')))).toMatchObject({ status: 'done', value: 'mine: 4' });
  });

  it("the page's globals are read directly unless a cell binds the name (or a cell of the page declares it)", async () => {
    const { notebook, run, value } = page();
    expect(await value('1', 'Math.max(1, 2)')).toBe(2);
    const cells = [cell('2', 'process.title'), cell('3', 'const process = { title: "mine" };')];
    notebook.setCells(cells);
    expect(errorOf(await run('2', 'process.title')).message).toBe('`process` is defined in cell 3, which has not run yet: run it first (or use Run all)');
    await value('3', cells[1]!.source);
    expect(await value('2', 'process.title')).toBe('mine');
  });

  it('errors keep pointing at the line and column of the source the reader wrote', async () => {
    const { run, value } = page();
    await value('1', 'const model = { layers: [1] as any[] };');
    const located = errorOf(await run('2', 'const a = 1;\nconst shapes = model.layers.map((layer) => layer.shape.length);\n'));
    expect(located).toMatchObject({ cellLine: 2, cellSourceLine: 'const shapes = model.layers.map((layer) => layer.shape.length);' });
    const empty = errorOf(await run('3', 'const b = model.missing.deeper;'));
    expect(empty).toMatchObject({ cellLine: 1, cellColumn: 25, message: "Cannot read properties of undefined (reading 'deeper')" });
    const call = errorOf(await run('4', 'model.fitt(1);'));
    expect(call.message).toBe('model.fitt is not a function');
  });
});
