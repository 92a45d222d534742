/**
 * What checks read from the reader's work, defensively: any value may come back from reader code (a number,
 * null, a half-built model), so these return undefined instead of throwing on what they do not recognise.
 *
 * - {@link modelLayers}: a TF.js model's layers as plain data (kind, units, activation, rate);
 * - run figures from the course's run records (src/ml/runLog.ts): the final train/validation gap, the epoch
 *   of lowest validation loss, the first epoch that reaches a validation loss.
 */
import type { EpochLogs } from '../ml/train';
import type { RunRecord } from '../ml/runLog';
import { notYet, type Verdict } from './define';

export interface LayerInfo {
  /** The layer's class in lower camel case: 'dense', 'dropout', 'batchNormalization', … */
  kind: string;
  units?: number;
  activation?: string;
  rate?: number;
  /** The number of inputs per example the layer was built for (its input shape's last entry), when set. */
  inputFeatures?: number;
}

interface LayerLike {
  getClassName(): string;
  getConfig(): Record<string, unknown>;
}

const isLayer = (value: unknown): value is LayerLike =>
  typeof value === 'object' && value !== null && typeof (value as LayerLike).getClassName === 'function' && typeof (value as LayerLike).getConfig === 'function';

/** The layers of a TF.js model, or undefined when `value` is not one. */
export function modelLayers(value: unknown): LayerInfo[] | undefined {
  let layers: unknown;
  try {
    layers = (value as { layers?: unknown } | null)?.layers;
  } catch {
    return undefined; // a disposed model
  }
  if (!Array.isArray(layers) || !layers.every(isLayer)) return undefined;
  return layers.map((layer) => {
    const name = layer.getClassName();
    const config = layer.getConfig();
    const shape = (config.batchInputShape ?? config.inputShape) as unknown;
    const info: LayerInfo = { kind: name.charAt(0).toLowerCase() + name.slice(1) };
    if (typeof config.units === 'number') info.units = config.units;
    if (typeof config.activation === 'string') info.activation = config.activation;
    if (typeof config.rate === 'number') info.rate = config.rate;
    if (Array.isArray(shape) && typeof shape.at(-1) === 'number') info.inputFeatures = shape.at(-1) as number;
    return info;
  });
}

/** Ordinal words for layer positions in messages ("the second hidden layer"). */
export const ORDINALS = {
  en: ['first', 'second', 'third', 'fourth', 'fifth', 'sixth'],
  zh: ['第一', '第二', '第三', '第四', '第五', '第六'],
} as const;

/** The final epoch's training accuracy minus its validation accuracy, in percentage points. */
export function finalGap(epochs: readonly EpochLogs[]): number | undefined {
  const last = epochs.at(-1);
  if (!last || last.val_acc === undefined) return undefined;
  return 100 * (last.acc - last.val_acc);
}

/** The epoch (0-based, as the run records it) with the lowest validation loss. */
export function lowestValLossEpoch(epochs: readonly EpochLogs[]): EpochLogs | undefined {
  return epochs.reduce<EpochLogs | undefined>((best, logs) => (logs.val_loss !== undefined && (best === undefined || logs.val_loss < best.val_loss!) ? logs : best), undefined);
}

/** How many epochs a run took to bring its validation loss to `target` or below; undefined if it never did. */
export function epochsToReach(epochs: readonly EpochLogs[], target: number): number | undefined {
  const index = epochs.findIndex((logs) => logs.val_loss !== undefined && logs.val_loss <= target);
  return index < 0 ? undefined : index + 1;
}

/** The latest run of a lesson that matches, newest first. */
export function latestRun(runs: readonly RunRecord[], match: (run: RunRecord) => boolean): RunRecord | undefined {
  return [...runs].reverse().find(match);
}

/** A number for messages: at most `digits` decimals, no trailing zeros. */
export function formatNumber(value: number, digits = 1): string {
  return String(Number(value.toFixed(digits)));
}

/**
 * The layers right after each hidden Dense layer (every Dense but the last), in order: what a task like "add
 * Dropout(0.5) after each hidden layer" checks. `after[i]` is undefined when hidden layer i is followed by the
 * next Dense layer directly (or by nothing).
 */
function afterHiddenLayers(layers: readonly LayerInfo[]): Array<LayerInfo[]> {
  const dense = layers.map((layer, index) => (layer.kind === 'dense' ? index : -1)).filter((index) => index >= 0);
  return dense.slice(0, -1).map((start, i) => layers.slice(start + 1, dense[i + 1]));
}

/**
 * The layers after each of the two hidden layers of the model a cell built (its value, or the name it
 * defines), or the verdict to give when there is no such model: what every "add a layer after each hidden
 * layer" exercise starts with.
 */
export function hiddenLayersOfModel(value: unknown, get: (name: string) => unknown, name: string): { after: LayerInfo[][]; layers: LayerInfo[] } | Verdict {
  const layers = modelLayers(value) ?? modelLayers(get(name));
  if (!layers) return notYet({ en: `The cell should end with \`${name}\`: the check looks at its layers.`, zh: `这个单元格最后一行应当是 \`${name}\`：检查会查看它的各层。` });
  const after = afterHiddenLayers(layers);
  if (after.length !== 2) return notYet({ en: `The model has ${after.length + 1} Dense layers; keep the baseline's three (two hidden, one output).`, zh: `这个模型有 ${after.length + 1} 个 Dense 层；请保留基线的三个（两个隐藏层，一个输出层）。` });
  return { after, layers };
}
