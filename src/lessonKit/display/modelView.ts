/** TF.js models in a cell's output: a table like Keras's model.summary(), recognised by shape. */
import { className, element, isObjectLike, safely, type DisplayView } from '../../notebook/display';
import { formatCount } from '../../notebook/format';

type Indexable = Record<PropertyKey, unknown>;

interface WeightLike {
  shape: readonly (number | null)[];
}

interface LayerLike {
  name: string;
  getClassName(): string;
  outputShape: unknown;
  countParams(): number;
  trainableWeights?: WeightLike[];
  nonTrainableWeights?: WeightLike[];
}

interface ModelLike {
  name?: unknown;
  layers: LayerLike[];
  summary: unknown;
  getClassName?: () => string;
  trainableWeights?: WeightLike[];
  nonTrainableWeights?: WeightLike[];
}

function isLayer(value: unknown): value is LayerLike {
  return isObjectLike(value) && typeof value.name === 'string' && typeof value.getClassName === 'function' &&
    typeof value.countParams === 'function' && 'outputShape' in value;
}

function isModel(value: unknown): value is ModelLike {
  if (!isObjectLike(value) || typeof value.summary !== 'function') return false;
  const layers = safely(() => value.layers);
  return Array.isArray(layers) && layers.every(isLayer);
}

export const modelView: DisplayView = {
  matches: isModel,
  render: (value, doc) => renderModelSummary(value as ModelLike, doc),
  headline: (value) => {
    const name = safely(() => (value as ModelLike).name);
    return `${className(value as Indexable)}${typeof name === 'string' ? ` "${name}"` : ''}`;
  },
  label: (value) => className(value as Indexable),
};

function weightCount(weights: readonly WeightLike[]): number {
  return weights.reduce((total, weight) => total + weight.shape.reduce<number>((product, dim) => product * (dim ?? 0), 1), 0);
}

/** The model's own weight lists when it has them (shared layers counted once), else its layers'. */
function modelWeights(model: ModelLike, which: 'trainableWeights' | 'nonTrainableWeights'): WeightLike[] | undefined {
  const own = safely(() => model[which]);
  if (Array.isArray(own)) return own;
  const perLayer = safely(() => model.layers.map((layer) => layer[which]));
  return perLayer?.every(Array.isArray) ? (perLayer as WeightLike[][]).flat() : undefined;
}

function renderModelSummary(model: ModelLike, doc: Document): HTMLElement {
  const table = element(doc, 'table', 'nb-model-summary');
  const name = safely(() => model.name);
  table.append(element(doc, 'caption', undefined, `Model: ${typeof name === 'string' ? `"${name}"` : className(model as unknown as Indexable)}`));

  const head = element(doc, 'thead');
  const headRow = element(doc, 'tr');
  for (const title of ['Layer (type)', 'Output shape', 'Param #']) {
    const cell = element(doc, 'th', undefined, title);
    cell.scope = 'col';
    headRow.append(cell);
  }
  head.append(headRow);

  const body = element(doc, 'tbody');
  let layerTotal = 0;
  for (const layer of model.layers) {
    const row = element(doc, 'tr');
    const layerName = element(doc, 'th', undefined, `${layer.name} (${safely(() => layer.getClassName()) ?? '?'})`);
    layerName.scope = 'row';
    const outputShape = safely(() => layer.outputShape);
    // TF.js prints shapes as JSON ([null,100]); a layer used several times has "multiple".
    const shapeText = outputShape === undefined ? 'multiple' : JSON.stringify(outputShape);
    const params = safely(() => layer.countParams());
    if (typeof params === 'number') layerTotal += params;
    row.append(layerName, element(doc, 'td', 'nb-shape', shapeText), element(doc, 'td', 'nb-count', typeof params === 'number' ? formatCount(params) : 'not built'));
    body.append(row);
  }

  const trainableWeights = modelWeights(model, 'trainableWeights');
  const frozenWeights = modelWeights(model, 'nonTrainableWeights');
  const trainable = trainableWeights ? weightCount(trainableWeights) : undefined;
  const frozen = frozenWeights ? weightCount(frozenWeights) : undefined;
  const total = trainable !== undefined && frozen !== undefined ? trainable + frozen : layerTotal;
  const foot = element(doc, 'tfoot', 'nb-model-totals');
  const totals: [string, number | undefined][] = [['Total params', total], ['Trainable params', trainable], ['Non-trainable params', frozen]];
  for (const [label, count] of totals) {
    const row = element(doc, 'tr');
    const title = element(doc, 'th', undefined, label);
    title.scope = 'row';
    title.colSpan = 2;
    row.append(title, element(doc, 'td', 'nb-count', count === undefined ? '?' : formatCount(count)));
    foot.append(row);
  }
  table.append(head, body, foot);
  return table;
}
