// @vitest-environment jsdom
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderConsoleLine, renderError, renderValue } from '../../src/notebook/display';
import { registerTensorflowViews } from '../../src/lessonKit/display';
import { formatCount, formatNumber, formatShape } from '../../src/notebook/format';

const text = (node: Node) => node.textContent ?? '';
const asElement = (node: Node) => node as HTMLElement;

/** Opens a collapsed value the way a click on its summary does, and waits for the toggle event. */
async function expand(details: Element | null): Promise<HTMLElement> {
  expect(details?.tagName).toBe('DETAILS');
  (details as HTMLDetailsElement).querySelector(':scope > summary')!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
  await new Promise((resolve) => setTimeout(resolve, 0));
  expect((details as HTMLDetailsElement).open).toBe(true);
  return details as HTMLElement;
}

const summaryOf = (details: Element) => text(details.querySelector(':scope > summary')!);
const children = (details: Element) => [...details.querySelectorAll(':scope > .nb-children > *')];

describe('format helpers', () => {
  it('formats numbers, counts and shapes', () => {
    expect(formatNumber(42)).toBe('42');
    expect(formatNumber(0.1 + 0.2)).toBe('0.3');
    expect(formatNumber(Math.PI)).toBe('3.14159');
    expect(formatNumber(0.00001 * 1000)).toBe('0.01');
    expect(formatNumber(1.5e-9)).toBe('1.5e-9');
    expect(formatNumber(1234567.891)).toBe('1234568');
    expect(formatNumber(NaN)).toBe('NaN');
    expect(formatNumber(-Infinity)).toBe('-Infinity');
    expect(formatNumber(-0)).toBe('-0');
    expect(formatCount(1239101)).toBe('1,239,101');
    expect(formatCount(999)).toBe('999');
    expect(formatShape([null, 100])).toBe('[null, 100]');
  });
});

describe('renderValue: primitives', () => {
  it('shows a top-level string as plain text, line breaks kept', () => {
    const node = asElement(renderValue('two\nlines'));
    expect(text(node)).toBe('two\nlines');
    expect(node.classList.contains('nb-text')).toBe(true);
  });

  it('shows numbers, booleans, null, undefined, bigint and symbols', () => {
    expect(text(renderValue(0.00001 * 1000))).toBe('0.01');
    expect(text(renderValue(7))).toBe('7');
    expect(text(renderValue(NaN))).toBe('NaN');
    expect(text(renderValue(-Infinity))).toBe('-Infinity');
    expect(text(renderValue(true))).toBe('true');
    expect(text(renderValue(null))).toBe('null');
    expect(text(renderValue(undefined))).toBe('undefined');
    expect(text(renderValue(12n))).toBe('12n');
    expect(text(renderValue(Symbol('id')))).toBe('Symbol(id)');
    const float = asElement(renderValue(0.1 + 0.2)).querySelector('.nb-number')!;
    expect(float.getAttribute('title')).toBe('0.30000000000000004');
  });

  it('shows dates, regexps, functions, classes, errors and promises', () => {
    expect(text(renderValue(new Date('2024-01-02T03:04:05Z')))).toBe('2024-01-02T03:04:05.000Z');
    expect(text(renderValue(/ab+c/gi))).toBe('/ab+c/gi');
    function relu(x: number, alpha = 0) { return Math.max(alpha * x, x); }
    expect(text(renderValue(relu))).toBe('ƒ relu(x, alpha = 0)');
    const double = (x: number) => 2 * x;
    expect(text(renderValue(double))).toBe('ƒ double(x)');
    expect(text(renderValue(async function load(url: string) { return url; }))).toBe('async ƒ load(url)');
    expect(text(renderValue(class Trainer {}))).toBe('class Trainer');
    const error = asElement(renderValue(new RangeError('too big')));
    expect(error.classList.contains('nb-error')).toBe(true);
    expect(text(error)).toBe('RangeError: too big');
    expect(text(renderValue(Promise.resolve(1)))).toBe('Promise');
  });
});

describe('renderValue: collections', () => {
  it('previews an array on one line and renders its children only when opened', async () => {
    const details = renderValue([1, 'x', [2, 3], { a: 1 }]) as HTMLDetailsElement;
    expect(details.tagName).toBe('DETAILS');
    expect(details.open).toBe(false);
    expect(summaryOf(details)).toBe('Array(4) [1, "x", Array(2), {…}]');
    expect(details.querySelector('.nb-children')).toBeNull();
    await expand(details);
    const rows = children(details);
    expect(rows.map(text)).toEqual(['0: 1', '1: "x"', '2: Array(2) [2, 3]', '3: Object {a: 1}']);
    // Nested collections are collapsed again, and open lazily too.
    expect(rows[2].tagName).toBe('DETAILS');
    expect(rows[2].querySelector('.nb-children')).toBeNull();
    await expand(rows[2]);
    expect(children(rows[2]).map(text)).toEqual(['0: 2', '1: 3']);
  });

  it('previews objects with their class name and quoted keys where needed', async () => {
    expect(summaryOf(asElement(renderValue({ a: 1, b: 'x' })))).toBe('Object {a: 1, b: "x"}');
    class Point { constructor(public x: number, public y: number) {} }
    expect(summaryOf(asElement(renderValue(new Point(1, 2))))).toBe('Point {x: 1, y: 2}');
    expect(summaryOf(asElement(renderValue({ 'two words': true })))).toBe('Object {"two words": true}');
    expect(text(renderValue({}))).toBe('Object {}');
    expect(text(renderValue([]))).toBe('Array(0) []');
    expect(asElement(renderValue([])).querySelector('details')).toBeNull();
  });

  it('opens by keyboard-accessible summary or by setting open, with a toggle event', async () => {
    const details = asElement(renderValue({ nested: { deep: true } })) as HTMLDetailsElement;
    details.open = true;
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(children(details).map(text)).toEqual(['nested: Object {deep: true}']);
  });

  it('shows Maps, Sets, typed arrays and array holes', async () => {
    const map = asElement(renderValue(new Map<unknown, unknown>([['k', 1], [{ id: 2 }, 'v']])));
    expect(summaryOf(map)).toBe('Map(2) {"k" => 1, {…} => "v"}');
    await expand(map);
    expect(children(map).map(text)).toEqual(['"k" => 1', 'Object {id: 2} => "v"']);
    expect(summaryOf(asElement(renderValue(new Set([1, 2]))))).toBe('Set(2) {1, 2}');
    expect(summaryOf(asElement(renderValue(Float32Array.from([0.1, 0.5]))))).toBe('Float32Array(2) [0.1, 0.5]');
    expect(summaryOf(asElement(renderValue([1, , 3])))).toBe('Array(3) [1, empty, 3]');
  });

  it('quotes nested strings and lets long or multi-line ones open to their full text', async () => {
    const details = asElement(renderValue({ note: 'first\nsecond' }));
    await expand(details);
    const [row] = children(details);
    expect(row.tagName).toBe('DETAILS');
    expect(summaryOf(row)).toBe('note: "first\\nsecond"');
    await expand(row);
    expect(text(row.querySelector('.nb-children')!)).toBe('first\nsecond');
  });

  it('truncates huge arrays: a one-line preview, 100 children, then "… N more"', async () => {
    const big = Array.from({ length: 1_000_000 }, (_, i) => i);
    const details = asElement(renderValue(big));
    expect(summaryOf(details)).toMatch(/^Array\(1000000\) \[0, 1, 2, .*, …\]$/);
    await expand(details);
    const more = details.querySelector<HTMLButtonElement>('.nb-children > button.nb-more')!;
    expect(more.textContent).toBe('… 999,900 more');
    expect(details.querySelectorAll('.nb-children > .nb-entry')).toHaveLength(100);
    more.click();
    expect(details.querySelectorAll('.nb-children > .nb-entry')).toHaveLength(200);
    expect(more.textContent).toBe('… 999,800 more');
    // The button stays last, after the newly shown rows.
    expect(details.querySelector('.nb-children')!.lastElementChild).toBe(more);
  });

  it('caps an object with many keys the same way', async () => {
    const wide = Object.fromEntries(Array.from({ length: 250 }, (_, i) => [`k${i}`, i]));
    const details = asElement(renderValue(wide));
    expect(summaryOf(details)).toMatch(/^Object \{k0: 0, k1: 1, .*, …\}$/);
    await expand(details);
    expect(text(details.querySelector('.nb-more')!)).toBe('… 150 more');
  });

  it('survives circular references and marks them', async () => {
    const node: Record<string, unknown> = { name: 'root' };
    node.self = node;
    node.list = [node];
    const details = asElement(renderValue(node));
    expect(summaryOf(details)).toBe('Object {name: "root", self: {…}, list: Array(1)}');
    await expand(details);
    const self = children(details)[1];
    expect(summaryOf(self)).toMatch(/^self: Object \{.*\} circular$/);
    await expand(self);
    expect(children(self).map(text)[0]).toBe('name: "root"');
  });

  it('reports a throwing getter instead of failing', async () => {
    const details = asElement(renderValue({ get broken(): number { throw new Error('nope'); }, fine: 1 }));
    expect(summaryOf(details)).toBe('Object {broken: [Exception], fine: 1}');
    await expand(details);
    expect(children(details).map(text)).toEqual(['broken: [Exception: Error: nope]', 'fine: 1']);
  });
});

describe('renderValue: DOM nodes and ImageData', () => {
  it('returns DOM nodes as they are (not cloned)', () => {
    const figure = document.createElement('figure');
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    const canvas = document.createElement('canvas');
    expect(renderValue(figure)).toBe(figure);
    expect(renderValue(svg)).toBe(svg);
    expect(renderValue(canvas)).toBe(canvas);
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('opens a detached DOM node nested in a value to show the node itself', async () => {
    const canvas = document.createElement('canvas');
    const details = asElement(renderValue({ canvas }));
    expect(summaryOf(details)).toBe('Object {canvas: <canvas>}');
    await expand(details);
    await expand(children(details)[0]);
    expect(details.querySelector('.nb-children canvas')).toBe(canvas);
  });

  it('describes ImageData when no canvas can draw it (as in jsdom), without crashing', () => {
    // jsdom's getContext returns null (and logs "not implemented"); stub it to stay quiet.
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
    const image = { data: new Uint8ClampedArray(4 * 3 * 2), width: 3, height: 2 };
    expect(text(renderValue(image))).toBe('ImageData 3×2 (cannot be drawn here)');
  });

  it('draws ImageData on a canvas when one is available, scaled up when small', () => {
    const drawn: { data: Uint8ClampedArray; x: number; y: number }[] = [];
    const context = {
      createImageData: (width: number, height: number) => ({ data: new Uint8ClampedArray(width * height * 4), width, height }),
      putImageData: (data: { data: Uint8ClampedArray }, x: number, y: number) => drawn.push({ data: data.data, x, y }),
    };
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(context as never);
    const image = { data: Uint8ClampedArray.from({ length: 4 * 3 * 2 }, (_, i) => i), width: 3, height: 2 };
    const node = asElement(renderValue(image));
    const canvas = node.querySelector('canvas')!;
    expect([canvas.width, canvas.height]).toEqual([3, 2]);
    expect(canvas.getAttribute('aria-label')).toBe('ImageData 3×2');
    expect(canvas.style.width).toBe('24px');
    expect([...drawn[0].data]).toEqual([...image.data]);
    expect(text(node)).toBe('ImageData 3×2');
  });
});

describe('renderValue: TF.js', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('knows no TF.js itself: a tensor is an ordinary object until the lesson kit registers its views', () => {
    const tensor = tf.tensor1d([1, 2]);
    expect(asElement(renderValue(tensor)).querySelector('.nb-tensor')).toBeNull();
    registerTensorflowViews();
    registerTensorflowViews(); // idempotent
    expect(text(asElement(renderValue(tensor)).querySelector('.nb-tensor-header')!)).toBe('Tensor float32 [2]');
    tensor.dispose();
  });

  it('keeps src/notebook free of TF.js and of the lesson kit (no import of either)', () => {
    const files = readdirSync('src/notebook', { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(10);
    const offenders = files.filter((file) => /from '(@tensorflow\/|[./]*lessonKit)|import\('(@tensorflow\/|[./]*lessonKit)/.test(readFileSync(join('src/notebook', file), 'utf8')));
    expect(offenders).toEqual([]);
  });
  afterAll(() => {
    tf.disposeVariables();
  });

  it('shows a tensor: dtype and shape, values as nested rows, statistics', () => {
    const tensor = tf.tensor2d([[1, 2.5, 3], [4, 5, 6]]);
    const node = asElement(renderValue(tensor));
    expect(text(node.querySelector('.nb-tensor-header')!)).toBe('Tensor float32 [2, 3]');
    expect(text(node.querySelector('.nb-tensor-values')!)).toBe('[[  1, 2.5,   3],\n [  4,   5,   6]]');
    expect(text(node.querySelector('.nb-tensor-stats')!)).toBe('min 1 · max 6 · mean 3.58333');
    tensor.dispose();
  });

  it('shows int, bool and scalar tensors without float statistics', () => {
    const ints = tf.tensor1d([1, 2, 3], 'int32');
    expect(text(renderValue(ints))).toBe('Tensor int32 [3][1, 2, 3]');
    const flags = tf.tensor1d([true, false], 'bool');
    expect(text(asElement(renderValue(flags)).querySelector('.nb-tensor-values')!)).toBe('[ true, false]');
    const scalar = tf.scalar(0.5);
    expect(text(asElement(renderValue(scalar)).querySelector('.nb-tensor-values')!)).toBe('0.5');
    tf.dispose([ints, flags, scalar]);
  });

  it('previews only the corners of a large tensor', () => {
    const tensor = tf.range(0, 100 * 200).reshape([100, 200]);
    const lines = text(asElement(renderValue(tensor)).querySelector('.nb-tensor-values')!).split('\n');
    expect(lines).toHaveLength(7);
    expect(lines[0]).toBe('[[    0,     1,     2,     3, …,   196,   197,   198,   199],');
    expect(lines[3]).toBe(' …,');
    expect(lines[6]).toBe(' [19800, 19801, 19802, 19803, …, 19996, 19997, 19998, 19999]]');
    tensor.dispose();
  });

  it('lays out higher-rank tensors in blocks and keeps huge ones cheap', () => {
    const cube = tf.range(0, 8).reshape([2, 2, 2]);
    expect(text(asElement(renderValue(cube)).querySelector('.nb-tensor-values')!)).toBe('[[[0, 1],\n  [2, 3]],\n\n [[4, 5],\n  [6, 7]]]');
    const huge = tf.zeros([10_000_000]);
    const started = performance.now();
    const node = asElement(renderValue(huge));
    expect(text(node.querySelector('.nb-tensor-values')!)).toBe('[0, 0, 0, 0, …, 0, 0, 0, 0]');
    expect(text(node.querySelector('.nb-tensor-stats')!)).toBe('min 0 · max 0 · mean 0');
    expect(performance.now() - started).toBeLessThan(2000);
    tf.dispose([cube, huge]);
  });

  it('says a disposed tensor is disposed, without reading it', () => {
    const tensor = tf.tensor1d([1, 2]);
    tensor.dispose();
    const node = renderValue(tensor);
    expect(text(node)).toContain('disposed tensor');
    expect(asElement(node).querySelector('.nb-tensor-values')).toBeNull();
  });

  it('shows tensors inside objects collapsed, read only when opened', async () => {
    const xs = tf.ones([2, 2]);
    const details = asElement(renderValue({ xs }));
    expect(summaryOf(details)).toBe('Object {xs: Tensor [2, 2]}');
    await expand(details);
    const [row] = children(details);
    expect(summaryOf(row)).toBe('xs: Tensor float32 [2, 2]');
    await expand(row);
    expect(text(row.querySelector('.nb-tensor-values')!)).toBe('[[1, 1],\n [1, 1]]');
    xs.dispose();
  });

  it('summarises a LayersModel like Keras: layers, output shapes, parameter counts', async () => {
    const model = tf.sequential({
      layers: [
        tf.layers.dense({ units: 100, inputShape: [12288], activation: 'relu' }),
        tf.layers.dense({ units: 100, activation: 'relu' }),
        tf.layers.dense({ units: 1, activation: 'sigmoid' }),
      ],
    });
    const table = asElement(renderValue(model));
    expect(table.tagName).toBe('TABLE');
    expect(text(table.querySelector('caption')!)).toBe(`Model: "${model.name}"`);
    expect([...table.querySelectorAll('thead th')].map(text)).toEqual(['Layer (type)', 'Output shape', 'Param #']);
    const rows = [...table.querySelectorAll('tbody tr')].map((row) => [...row.children].map(text));
    expect(rows).toEqual([
      [`${model.layers[0].name} (Dense)`, '[null,100]', '1,228,900'],
      [`${model.layers[1].name} (Dense)`, '[null,100]', '10,100'],
      [`${model.layers[2].name} (Dense)`, '[null,1]', '101'],
    ]);
    const totals = [...table.querySelectorAll('tfoot tr')].map((row) => [...row.children].map(text));
    expect(totals).toEqual([['Total params', '1,239,101'], ['Trainable params', '1,239,101'], ['Non-trainable params', '0']]);

    // Frozen layers count as non-trainable.
    model.layers[1].trainable = false;
    // Inside another value, the model shows by name and opens to the same table.
    const holder = asElement(renderValue({ model }));
    expect(summaryOf(holder)).toBe('Object {model: Sequential}');
    await expand(holder);
    expect(summaryOf(children(holder)[0])).toBe(`model: Sequential "${model.name}"`);
    await expand(children(holder)[0]);
    expect(children(holder)[0].querySelector('table.nb-model-summary')).not.toBeNull();
    const frozen = [...asElement(renderValue(model)).querySelectorAll('tfoot td')].map(text);
    expect(frozen).toEqual(['1,239,101', '1,229,001', '10,100']);
    model.dispose();
  });
});

describe('renderError', () => {
  it('shows name, message, line, column and the source line with a caret', () => {
    const node = asElement(renderError({ name: 'TypeError', message: "Cannot read properties of undefined (reading 'count')", cellLine: 3, cellColumn: 8, cellSourceLine: 'broken.count' }));
    expect(node.classList.contains('nb-error')).toBe(true);
    expect(text(node.querySelector('.nb-error-message')!)).toBe("TypeError: Cannot read properties of undefined (reading 'count')");
    expect(text(node.querySelector('.nb-error-location')!)).toBe('line 3, column 8');
    expect(text(node.querySelector('.nb-error-source')!)).toBe('3 | broken.count\n           ^');
  });

  it('keeps tabs so the caret lines up, and works without location', () => {
    const tabbed = asElement(renderError({ name: 'SyntaxError', message: 'Unexpected token', cellLine: 1, cellColumn: 3, cellSourceLine: '\tx)' }));
    expect(text(tabbed.querySelector('.nb-error-source')!)).toBe('1 | \tx)\n    \t ^');
    const plain = asElement(renderError(new Error('boom')));
    expect(text(plain)).toBe('Error: boom');
    expect(plain.querySelector('.nb-error-location')).toBeNull();
  });

  it('does not repeat a name the message already starts with, and shows thrown non-errors', () => {
    expect(text(renderError({ name: 'Interrupted', message: 'interrupted: the cell was stopped' }))).toBe('interrupted: the cell was stopped');
    expect(text(renderError('just a string'))).toBe('Thrown value: "just a string"');
    expect(text(renderError(new Error('outer', { cause: new TypeError('inner') })))).toBe('Error: outerCaused by: TypeError: inner');
  });
});

describe('renderConsoleLine', () => {
  it('prints strings plain and other values through the inspector, on one line', () => {
    const line = asElement(renderConsoleLine('log', ['loss', 0.5, { epoch: 1 }, [1, 2]]));
    expect(line.classList.contains('nb-console')).toBe(true);
    expect(line.dataset.level).toBe('log');
    expect(text(line)).toBe('loss 0.5 Object {epoch: 1} Array(2) [1, 2]');
    expect(line.querySelectorAll('details')).toHaveLength(2);
  });

  it('applies format directives and marks the level', () => {
    const line = asElement(renderConsoleLine('warn', ['epoch %d of %s: %o%%', 2.7, 'ten', { loss: 1 }, 'extra']));
    expect(text(line)).toBe('epoch 2 of ten: Object {loss: 1}% extra');
    expect(line.classList.contains('nb-console-warn')).toBe(true);
    expect(text(renderConsoleLine('error', ['multi\nline']))).toBe('multi\nline');
  });
});
