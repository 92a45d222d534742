/**
 * TF.js tensors in a cell's output: a header (dtype, shape), the values laid out as numpy
 * prints them (head and tail of long axes), and min / max / mean. Recognised by shape, so the
 * notebook's inspector shows them without importing TF.js.
 */
import { element, errorSummary, isObjectLike, safely, type DisplayView } from '../../notebook/display';
import { formatCount, formatNumber, formatShape, quoteString } from '../../notebook/format';

/** Tensor previews show at most this many columns and rows; other axes keep first and last. */
const TENSOR_COLUMNS = 8;
const TENSOR_ROWS = 6;
const TENSOR_OUTER = 2;

interface TensorLike {
  shape: readonly number[];
  dtype: string;
  size: number;
  dataSync(): ArrayLike<unknown>;
  isDisposed?: boolean;
  name?: unknown;
  trainable?: unknown;
}

function isTensor(value: unknown): value is TensorLike {
  return isObjectLike(value) && Array.isArray(value.shape) && typeof value.dtype === 'string' &&
    typeof value.dataSync === 'function' && typeof value.size === 'number';
}

function tensorLabel(tensor: TensorLike): string {
  const variable = typeof tensor.trainable === 'boolean' && typeof tensor.name === 'string';
  return `${variable ? `Variable ${tensor.name}` : 'Tensor'} ${tensor.dtype} ${formatShape(tensor.shape)}`;
}

export const tensorView: DisplayView = {
  matches: isTensor,
  render: (value, doc) => renderTensor(value as TensorLike, doc),
  headline: (value) => {
    const tensor = value as TensorLike;
    return safely(() => tensor.isDisposed) ? `disposed tensor ${formatShape(tensor.shape)}` : tensorLabel(tensor);
  },
  label: (value) => (safely(() => (value as TensorLike).isDisposed) ? 'disposed tensor' : `Tensor ${formatShape((value as TensorLike).shape)}`),
};

const GAP = Symbol('gap');
type Cells = (string | typeof GAP)[];
type Block = Cells | (Block | typeof GAP)[];

function renderTensor(tensor: TensorLike, doc: Document): HTMLElement {
  const box = element(doc, 'div', 'nb-tensor');
  box.append(element(doc, 'div', 'nb-tensor-header', tensorLabel(tensor)));
  if (safely(() => tensor.isDisposed)) {
    box.append(element(doc, 'div', 'nb-tensor-disposed', 'disposed tensor: its memory was freed, so its values are gone'));
    return box;
  }
  let data: ArrayLike<unknown>;
  try {
    data = tensor.dataSync();
  } catch (error) {
    box.append(element(doc, 'div', 'nb-error-inline', `values unavailable: ${errorSummary(isObjectLike(error) ? error : { message: String(error) })}`));
    return box;
  }
  box.append(element(doc, 'pre', 'nb-tensor-values', formatTensorValues(data, tensor.shape, tensor.dtype, tensor.size)));
  if (tensor.dtype.startsWith('float') && tensor.size > 1) {
    const stats = tensorStatistics(data, tensor.size);
    if (stats) box.append(element(doc, 'div', 'nb-tensor-stats', stats));
  }
  return box;
}

/** Indices shown along one axis: all of them, or the first and last few around a gap. */
function pickIndices(length: number, limit: number): (number | typeof GAP)[] {
  const all = Array.from({ length: Math.min(length, limit + 1) }, (_, index) => index);
  if (length <= limit) return all.slice(0, length);
  const head = Math.ceil(limit / 2);
  const tail = limit - head;
  return [...all.slice(0, head), GAP, ...Array.from({ length: tail }, (_, index) => length - tail + index)];
}

function formatTensorValues(data: ArrayLike<unknown>, shape: readonly number[], dtype: string, size: number): string {
  const complex = dtype === 'complex64' && data.length === 2 * size;
  const formatElement = (offset: number): string => {
    if (complex) return `${formatNumber(Number(data[2 * offset]))}+${formatNumber(Number(data[2 * offset + 1]))}j`;
    const item = data[offset];
    if (dtype === 'bool') return item ? 'true' : 'false';
    if (typeof item === 'string') return quoteString(item, 30);
    return typeof item === 'number' ? formatNumber(item) : String(item);
  };
  if (shape.length === 0) return size > 0 ? formatElement(0) : '[]';
  if (size === 0) return `${'['.repeat(shape.length)}${']'.repeat(shape.length)}`;

  const strides = shape.map((_, axis) => shape.slice(axis + 1).reduce((product, dim) => product * dim, 1));
  const limitFor = (axis: number) => (axis === shape.length - 1 ? TENSOR_COLUMNS : axis === shape.length - 2 ? TENSOR_ROWS : TENSOR_OUTER);
  const build = (axis: number, offset: number): Block => {
    const picks = pickIndices(shape[axis], limitFor(axis));
    if (axis === shape.length - 1) return picks.map((index) => (index === GAP ? GAP : formatElement(offset + index)));
    return picks.map((index) => (index === GAP ? GAP : build(axis + 1, offset + index * strides[axis])));
  };
  const block = build(0, 0);
  const width = Math.max(...collectCells(block).map((cell) => cell.length));
  return layoutBlock(block, shape.length, width).join('\n');
}

function collectCells(block: Block): string[] {
  return (block as (Block | string | typeof GAP)[]).flatMap((item) =>
    item === GAP ? [] : typeof item === 'string' ? [item] : collectCells(item));
}

/** Lines like numpy prints: `[[1, 2],` / ` [3, 4]]`, with a blank line between matrices. */
function layoutBlock(block: Block, rank: number, width: number): string[] {
  if (rank === 1) {
    return [`[${(block as Cells).map((cell) => (cell === GAP ? '…' : cell.padStart(width))).join(', ')}]`];
  }
  const lines: string[] = [];
  const children = block as (Block | typeof GAP)[];
  children.forEach((child, index) => {
    const childLines = child === GAP ? ['…'] : layoutBlock(child, rank - 1, width);
    const last = index === children.length - 1;
    childLines.forEach((line, lineIndex) => {
      let text = (index === 0 && lineIndex === 0 ? '[' : ' ') + line;
      if (lineIndex === childLines.length - 1) text += last ? ']' : ',';
      lines.push(text);
    });
    if (!last && rank >= 3) lines.push('');
  });
  return lines;
}

/** min / max / mean of a float tensor; NaNs are counted rather than poisoning the figures. */
function tensorStatistics(data: ArrayLike<unknown>, size: number): string | undefined {
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  let counted = 0;
  let nans = 0;
  const length = Math.min(size, data.length);
  for (let index = 0; index < length; index++) {
    const item = data[index] as number;
    if (typeof item !== 'number') return undefined;
    if (Number.isNaN(item)) {
      nans++;
      continue;
    }
    if (item < min) min = item;
    if (item > max) max = item;
    sum += item;
    counted++;
  }
  const parts = counted > 0 ? [`min ${formatNumber(min)}`, `max ${formatNumber(max)}`, `mean ${formatNumber(sum / counted)}`] : [];
  if (nans > 0) parts.push(`${formatCount(nans)} NaN`);
  return parts.join(' · ');
}
