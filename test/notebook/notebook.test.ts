import { describe, expect, it } from 'vitest';
import { createNotebook, type CellSource } from '../../src/notebook/notebook';

const cell = (id: string, source: string): CellSource => ({ id, label: `cell ${id}`, source });
const modules: Record<string, unknown> = { 'lib:math': { double: (x: number) => 2 * x, default: 'the default' } };
const importModule = async (specifier: string) => {
  if (!(specifier in modules)) throw new Error(`unknown module ${specifier}`);
  return modules[specifier];
};

describe('createNotebook', () => {
  it('shares names between cells, like a kernel', async () => {
    const notebook = createNotebook({ importModule });
    expect(await notebook.run(cell('1', 'const units: number = 100;'))).toMatchObject({ status: 'done', hasValue: false });
    const result = await notebook.run(cell('2', 'const doubled = units * 2;\ndoubled + 1'));
    expect(result).toMatchObject({ status: 'done', value: 201, hasValue: true });
    expect(notebook.get('doubled')).toBe(200);
    expect(notebook.definedBy('units')).toBe('1');
  });

  it('redefines names on rerun and forgets names a cell no longer defines', async () => {
    const replaced: string[] = [];
    const notebook = createNotebook({ importModule, onReplaced: (name) => replaced.push(name) });
    await notebook.run(cell('1', 'const rate = 0.1; const old = true;'));
    await notebook.run(cell('1', 'const rate = 0.5;'));
    expect(notebook.get('rate')).toBe(0.5);
    expect(notebook.has('old')).toBe(false);
    expect(replaced.sort()).toEqual(['old', 'rate']);
    const later = await notebook.run(cell('2', 'rate * 2'));
    expect(later).toMatchObject({ status: 'done', value: 1 });
  });

  it('does not report a replaced value that another name still refers to', async () => {
    const replaced: string[] = [];
    const notebook = createNotebook({ importModule, onReplaced: (name) => replaced.push(name) });
    await notebook.run(cell('1', 'const model = { id: 1 };'));
    await notebook.run(cell('2', 'const best = model;'));
    await notebook.run(cell('1', 'const model = { id: 2 };'));
    expect(replaced).toEqual([]);
    await notebook.run(cell('2', 'const best = null;'));
    expect(replaced).toEqual(['best']);
  });

  it('writes back assignments to names another cell defined', async () => {
    const notebook = createNotebook({ importModule });
    await notebook.run(cell('1', 'let epochs = 10;'));
    await notebook.run(cell('2', 'epochs = epochs * 5;'));
    expect(notebook.get('epochs')).toBe(50);
    expect(notebook.definedBy('epochs')).toBe('1');
  });

  it('awaits at top level and resolves imports through the page', async () => {
    const notebook = createNotebook({ importModule });
    const result = await notebook.run(cell('1', "import label, { double } from 'lib:math';\nconst x = await Promise.resolve(21);\n`${label}: ${double(x)}`"));
    expect(result).toMatchObject({ status: 'done', value: 'the default: 42' });
    expect(notebook.get('double')).toBeTypeOf('function');
  });

  it('gives builtins to the run without storing them', async () => {
    const notebook = createNotebook({ importModule });
    const shown: unknown[] = [];
    await notebook.run(cell('1', 'display(1 + 1);'), { builtins: { display: (value: unknown) => shown.push(value) } });
    expect(shown).toEqual([2]);
    expect(notebook.has('display')).toBe(false);
  });

  it('reports a runtime error with the line of the cell that threw', async () => {
    const notebook = createNotebook({ importModule });
    const result = await notebook.run(cell('7', 'const a = 1;\nconst b: any = null;\nconst c = b.size;'));
    expect(result.status).toBe('error');
    if (result.status !== 'error') return;
    expect(result.error.message).toMatch(/Cannot read properties of null/);
    expect(result.error.cellLine).toBe(3);
    expect(result.error.cellSourceLine).toBe('const c = b.size;');
  });

  it('reports a syntax error with line and column', async () => {
    const notebook = createNotebook({ importModule });
    const result = await notebook.run(cell('1', 'const a = (1 +;'));
    expect(result).toMatchObject({ status: 'error', error: { name: 'SyntaxError', cellLine: 1, cellColumn: 15 } });
  });

  it('says which cell defines a name that has not been computed yet', async () => {
    const notebook = createNotebook({ importModule });
    const cells = [cell('1', 'const model = { layers: 3 };'), cell('2', 'model.layers')];
    notebook.setCells(cells);
    const result = await notebook.run(cells[1]!);
    expect(result).toMatchObject({ status: 'error' });
    if (result.status === 'error') expect(result.error.message).toBe('`model` is defined in cell 1, which has not run yet: run it first (or use Run all)');
  });

  it('ends a run with an interruption when the signal aborts', async () => {
    const notebook = createNotebook({ importModule });
    const controller = new AbortController();
    const running = notebook.run(cell('1', 'await new Promise(() => {});'), { signal: controller.signal });
    controller.abort();
    expect(await running).toMatchObject({ status: 'error', error: { name: 'Interrupted', message: 'interrupted: the cell was stopped' } });
  });

  it('runs cells in strict mode so a typo is an error, not a new global', async () => {
    const notebook = createNotebook({ importModule });
    const result = await notebook.run(cell('1', 'epochz = 5;'));
    expect(result).toMatchObject({ status: 'error', error: { message: 'epochz is not defined', cellLine: 1 } });
  });
});
