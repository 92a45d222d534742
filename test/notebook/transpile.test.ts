import { describe, expect, it } from 'vitest';
import { transpileCell } from '../../src/notebook/transpile';
import { CellSyntaxError } from '../../src/notebook/errors';

describe('transpileCell', () => {
  it('strips types and keeps every line where it was', () => {
    const source = 'const epochs: number = 50;\ninterface Config { rate: number }\nconst rate = 0.5 as number;\nepochs * rate';
    const cell = transpileCell(source);
    const lines = cell.body.split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe(';     __nb$e.epochs = 50;;__nb$c("epochs");');
    expect(lines[2]).toBe(';     __nb$e.rate = 0.5 ;;__nb$c("rate");');
    expect(lines[3]).toBe('__value = (__nb$e.epochs * __nb$e.rate)');
    expect(cell.defines).toEqual(['epochs', 'rate']);
    expect(cell.kinds).toEqual({ epochs: 'const', rate: 'const' });
    expect(cell.hasValue).toBe(true);
  });

  it('turns imports into awaited module lookups that bind the same names as constants', () => {
    const cell = transpileCell("import * as tf from '@tensorflow/tfjs';\nimport Plot, { dot, line as lineMark } from '@observablehq/plot';\ntf");
    expect(cell.imports).toEqual(['@tensorflow/tfjs', '@observablehq/plot']);
    expect(cell.defines).toEqual(['tf', 'Plot', 'dot', 'lineMark']);
    expect(cell.body.split('\n')).toEqual([
      ';__nb$e.tf = (await __import("@tensorflow/tfjs"));__nb$c("tf");',
      ';__nb$e.Plot = (await __import("@observablehq/plot")).default; ({ "dot": __nb$e.dot, "line": __nb$e.lineMark } = (await __import("@observablehq/plot")));__nb$c("Plot","dot","lineMark");',
      '__value = (__nb$e.tf)',
    ]);
  });

  it('keeps a multi-line import on as many lines', () => {
    const cell = transpileCell("import {\n  a,\n  b,\n} from 'm';\nconst c = a + b;");
    expect(cell.body.split('\n')[4]).toBe(';     __nb$e.c = __nb$e.a + __nb$e.b;;__nb$c("c");');
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
    expect(cell.body).toContain('__value = (await __nb$e.data.ready)');
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

  it('rewrites top-level declarations and every use of a top-level name to the environment, keeping locals and outer names', () => {
    const cell = transpileCell([
      'let y;',
      'var z;',
      'class Box { size = 1; static make() { return new Box() } }',
      'for (var i = 0; i < 3; i++) { var inner = i; let local = i; }',
      '({ y, z } = { y: 1, z: 2 });',
      'const o = { y, f(q) { return q + y } };',
      'function show(epochs) { return [epochs, typeof missing, Math.max(1, 2), display(y)] }',
    ].join('\n'), { guards: false, isOuterName: (name) => name === 'Math' || name === 'display' });
    expect(cell.body.split('\n')).toEqual([
      '__nb$e.show = show;;   __nb$e.y = undefined;',
      ';   __nb$e.z;',
      ';__nb$e.Box = class Box { size = 1; static make() { return new Box() } };',
      'for (    __nb$e.i = 0; __nb$e.i < 3; __nb$e.i++) { ;   __nb$e.inner = __nb$e.i; let local = __nb$e.i; }',
      '({ y: __nb$e.y, z: __nb$e.z } = { y: 1, z: 2 });',
      ';     __nb$e.o = { y: __nb$e.y, f(q) { return q + __nb$e.y } };;__nb$c("o");',
      'function show(epochs) { return [epochs, typeof __nb$t("missing"), Math.max(1, 2), display(__nb$e.y)] }',
    ]);
    expect(cell.kinds).toEqual({ y: 'let', Box: 'class', o: 'const', show: 'function', z: 'var', i: 'var', inner: 'var' });
    expect(cell.scopeNames).toEqual(['missing']);
  });

  it('refuses exports with an explanation', () => {
    expect(() => transpileCell('export const a = 1;')).toThrow(/cells cannot export/);
  });
});
