import { describe, expect, it } from 'vitest';
import { transpileCell } from '../../src/notebook/transpile';
import { CellSyntaxError } from '../../src/notebook/errors';

describe('transpileCell', () => {
  it('strips types and keeps every line where it was', () => {
    const source = 'const epochs: number = 50;\ninterface Config { rate: number }\nconst rate = 0.5 as number;\nepochs * rate';
    const cell = transpileCell(source);
    const lines = cell.body.split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe('const epochs = 50;');
    expect(lines[2]).toBe('const rate = 0.5 ;');
    expect(lines[3]).toBe('__value = (epochs * rate)');
    expect(cell.defines).toEqual(['epochs', 'rate']);
    expect(cell.hasValue).toBe(true);
  });

  it('turns imports into awaited module lookups that define the same names', () => {
    const cell = transpileCell("import * as tf from '@tensorflow/tfjs';\nimport Plot, { dot, line as lineMark } from '@observablehq/plot';\ntf");
    expect(cell.imports).toEqual(['@tensorflow/tfjs', '@observablehq/plot']);
    expect(cell.defines).toEqual(['tf', 'Plot', 'dot', 'lineMark']);
    expect(cell.body).toMatchInlineSnapshot(`
      "const tf = (await __import("@tensorflow/tfjs"));
      const Plot = (await __import("@observablehq/plot")).default; const { dot, "line": lineMark } = (await __import("@observablehq/plot"));
      __value = (tf)"
    `);
  });

  it('keeps a multi-line import on as many lines', () => {
    const cell = transpileCell("import {\n  a,\n  b,\n} from 'm';\nconst c = a + b;");
    expect(cell.body.split('\n')[4]).toBe('const c = a + b;');
  });

  it('collects declared, assigned and free names', () => {
    const cell = transpileCell([
      'const { train, validation: val } = split(data);',
      'function shuffle(xs: number[]) { const copy = [...xs]; return copy; }',
      'class Box { size = 1 }',
      'epochs = epochs + 1;',
      'counter++;',
      'display(shuffle([1, 2]).length, Math.max(1, 2), val.count);',
    ].join('\n'));
    expect(cell.defines).toEqual(['train', 'val', 'shuffle', 'Box']);
    expect(cell.assigns.sort()).toEqual(['counter', 'epochs']);
    expect(cell.reads).toEqual(expect.arrayContaining(['split', 'data', 'epochs', 'counter', 'display', 'Math']));
    expect(cell.reads).not.toContain('copy');
    expect(cell.reads).not.toContain('size');
    expect(cell.hasValue).toBe(true);
  });

  it('has no value when the cell ends with a declaration', () => {
    expect(transpileCell('const a = 1;').hasValue).toBe(false);
    expect(transpileCell('').hasValue).toBe(false);
  });

  it('allows top-level await', () => {
    const cell = transpileCell('const data = await load();\nawait data.ready');
    expect(cell.body).toContain('__value = (await data.ready)');
  });

  it('reports a syntax error with the line, column and source line of the cell', () => {
    let error: unknown;
    try {
      transpileCell('const a = 1;\nconst b = a +;\n');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CellSyntaxError);
    const located = error as CellSyntaxError;
    expect(located.cellLine).toBe(2);
    expect(located.cellColumn).toBe(14);
    expect(located.cellSourceLine).toBe('const b = a +;');
    expect(located.message).toMatch(/Unexpected token/);
  });

  it('refuses exports with an explanation', () => {
    expect(() => transpileCell('export const a = 1;')).toThrow(/cells cannot export/);
  });
});
