import * as tf from '@tensorflow/tfjs';
import type { EpochLogs, TrainCallbacks } from './train';
import { monitorDirection, parseMonitor, type Monitor, type MonitorName } from './monitor';

/** Where whole models (topology + weights) are kept, by key. */
export interface ModelStore {
  save(key: string, model: tf.LayersModel): Promise<void>;
  load(key: string): Promise<tf.LayersModel>;
  remove(key: string): Promise<void>;
  /** Keys of the models that are there. */
  keys(): Promise<string[]>;
}

/** A string store with localStorage's shape (localStorage itself, or a Map-backed one in tests). */
export interface TextStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** The browser's IndexedDB, through TF.js's `indexeddb://` handler: survives a page reload. */
export function indexedDbModelStore(): ModelStore {
  const url = (key: string) => `indexeddb://${key}`;
  return {
    async save(key, model) { await model.save(url(key)); },
    load: (key) => tf.loadLayersModel(url(key)),
    async remove(key) { await tf.io.removeModel(url(key)); },
    async keys() { return Object.keys(await tf.io.listModels()).filter((u) => u.startsWith('indexeddb://')).map((u) => u.slice('indexeddb://'.length)); },
  };
}

/** Models kept in memory as TF.js artifacts (for tests, and where IndexedDB is unavailable). */
export function memoryModelStore(): ModelStore {
  const artifacts = new Map<string, tf.io.ModelArtifacts>();
  return {
    async save(key, model) {
      await model.save(tf.io.withSaveHandler(async (saved) => {
        artifacts.set(key, saved);
        return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
      }));
    },
    async load(key) {
      const saved = artifacts.get(key);
      if (!saved) throw new Error(`no model saved as "${key}"`);
      return tf.loadLayersModel(tf.io.fromMemory(saved));
    },
    async remove(key) { artifacts.delete(key); },
    async keys() { return [...artifacts.keys()]; },
  };
}

export type { Monitor } from './monitor';

/** What the list of checkpoints says about one. */
export interface CheckpointInfo {
  name: string;
  /** The lesson whose training saved it. */
  lesson: string;
  epoch: number;
  monitor: Monitor;
  /** The monitored figure at that epoch. */
  value: number;
  /** Milliseconds since 1970. */
  savedAt: number;
}

const INDEX_KEY = 'course-checkpoints:v1';
const MODEL_PREFIX = 'emergency-course/';

/**
 * Saved models with what they are: the weights in a ModelStore (IndexedDB in the page), a
 * small index (name, epoch, monitored value, date) in a TextStore (localStorage).
 */
export class CheckpointStore {
  constructor(private readonly models: ModelStore, private readonly index: TextStore) {}

  private readIndex(): CheckpointInfo[] {
    try {
      const parsed = JSON.parse(this.index.getItem(INDEX_KEY) ?? '[]') as unknown;
      return Array.isArray(parsed) ? (parsed as CheckpointInfo[]) : [];
    } catch {
      return []; // a damaged index: the models are listed again as they are saved
    }
  }

  private writeIndex(entries: CheckpointInfo[]): void {
    this.index.setItem(INDEX_KEY, JSON.stringify(entries));
  }

  /** Saves the model's weights under `info.name`, replacing a checkpoint of the same name. */
  async save(model: tf.LayersModel, info: Omit<CheckpointInfo, 'savedAt'> & { savedAt?: number }): Promise<CheckpointInfo> {
    checkName(info.name);
    await this.models.save(MODEL_PREFIX + info.name, model);
    const entry: CheckpointInfo = { ...info, savedAt: info.savedAt ?? Date.now() };
    this.writeIndex([...this.readIndex().filter((other) => other.name !== info.name), entry]);
    return entry;
  }

  /** The checkpoints whose weights are still there, newest first. */
  async list(): Promise<CheckpointInfo[]> {
    const present = new Set(await this.models.keys());
    return this.readIndex().filter((entry) => present.has(MODEL_PREFIX + entry.name)).sort((a, b) => b.savedAt - a.savedAt);
  }

  async info(name: string): Promise<CheckpointInfo> {
    const entry = (await this.list()).find((other) => other.name === name);
    if (!entry) {
      const names = (await this.list()).map((other) => `"${other.name}"`);
      throw new Error(`no checkpoint named "${name}" (saved: ${names.length ? names.join(', ') : 'none yet; train with a modelCheckpoint callback first'})`);
    }
    return entry;
  }

  /** The saved model as a new, uncompiled model (Keras's load_model). */
  async load(name: string): Promise<tf.LayersModel> {
    await this.info(name);
    return this.models.load(MODEL_PREFIX + name);
  }

  /** Puts the saved weights into `model` (Keras's model.load_weights); the model keeps its compilation. */
  async restore(model: tf.LayersModel, name: string): Promise<CheckpointInfo> {
    const info = await this.info(name);
    const saved = await this.models.load(MODEL_PREFIX + name);
    try {
      const weights = saved.getWeights();
      const target = model.getWeights();
      const mismatch = weights.length !== target.length || weights.some((w, i) => !tf.util.arraysEqual(w.shape, target[i]!.shape));
      if (mismatch) {
        throw new Error(`checkpoint "${name}" does not fit this model: it has weights ${shapes(weights)}, the model ${shapes(target)}`);
      }
      model.setWeights(weights);
    } finally {
      saved.dispose();
    }
    return info;
  }

  async remove(name: string): Promise<void> {
    await this.models.remove(MODEL_PREFIX + name);
    this.writeIndex(this.readIndex().filter((entry) => entry.name !== name));
  }
}

function shapes(weights: tf.Tensor[]): string {
  return weights.map((w) => `[${w.shape.join(',')}]`).join(' ');
}

function checkName(name: string): void {
  if (!/^[\w.-]{1,80}$/.test(name)) throw new Error(`invalid checkpoint name: ${JSON.stringify(name)} (letters, digits, _ . - and {epoch}; at most 80 characters)`);
}

export interface ModelCheckpointOptions {
  /** Name to save under; `{epoch}` is replaced by the epoch number (Keras's filepath). */
  name?: string;
  monitor?: MonitorName;
  /** 'max' for accuracies, 'min' for losses; 'auto' picks from the monitor's name. */
  mode?: 'auto' | 'min' | 'max';
  /** Save only when the monitored figure beats every earlier epoch (otherwise every epoch). */
  saveBestOnly?: boolean;
  /** The lesson the checkpoint is listed under. */
  lesson?: string;
}

/** One save the callback made. */
export interface CheckpointSave {
  epoch: number;
  value: number;
  name: string;
}

/**
 * Keras's ModelCheckpoint for `train()`: after every epoch it saves the model, or with
 * `saveBestOnly` only when the monitored figure is strictly better than at every earlier
 * epoch, so the store ends up holding the best epoch's weights.
 */
export class ModelCheckpoint implements TrainCallbacks {
  readonly name: string;
  readonly monitor: Monitor;
  readonly mode: 'min' | 'max';
  readonly saveBestOnly: boolean;
  readonly lesson: string;
  bestEpoch?: number;
  bestValue?: number;
  saves: CheckpointSave[] = [];
  private model?: tf.LayersModel;

  constructor(private readonly store: CheckpointStore, options: ModelCheckpointOptions = {}) {
    const monitor = parseMonitor(options.monitor);
    const mode = options.mode ?? 'auto';
    if (!['auto', 'min', 'max'].includes(mode)) throw new Error(`invalid mode: ${JSON.stringify(mode)} (expected 'auto', 'min' or 'max')`);
    this.monitor = monitor;
    this.mode = mode === 'auto' ? monitorDirection(monitor) : mode;
    this.name = options.name ?? 'checkpoint';
    checkName(this.name.replace('{epoch}', '1'));
    this.saveBestOnly = options.saveBestOnly ?? false;
    this.lesson = options.lesson ?? '';
  }

  onTrainBegin(info: { model: tf.LayersModel }): void {
    this.model = info.model;
    this.bestEpoch = this.bestValue = undefined;
    this.saves = [];
  }

  async onEpochEnd(logs: EpochLogs): Promise<void> {
    const value = logs[this.monitor];
    if (value === undefined) {
      throw new Error(`the checkpoint monitors ${this.monitor}, but the epoch logs have only ${Object.keys(logs).filter((k) => k !== 'epoch').join(', ')}` +
        (this.monitor.startsWith('val_') ? ': pass a validation set to fit' : ''));
    }
    if (!this.model) throw new Error('the checkpoint has no model: use it as a callback of fit');
    const improved = this.bestValue === undefined || (this.mode === 'max' ? value > this.bestValue : value < this.bestValue);
    if (improved) {
      this.bestValue = value;
      this.bestEpoch = logs.epoch;
    }
    if (this.saveBestOnly && !improved) return;
    const name = this.name.replace('{epoch}', String(logs.epoch).padStart(2, '0'));
    await this.store.save(this.model, { name, lesson: this.lesson, epoch: logs.epoch, monitor: this.monitor, value });
    this.saves.push({ epoch: logs.epoch, value, name });
  }

  /** What the callback did, in words. */
  toString(): string {
    if (this.saves.length === 0) return `ModelCheckpoint(${this.monitor}, ${this.mode}): nothing saved yet`;
    const last = this.saves.at(-1)!;
    return `ModelCheckpoint(${this.monitor}, ${this.mode}${this.saveBestOnly ? ', save best only' : ''}): saved ${this.saves.length} time${this.saves.length === 1 ? '' : 's'}; ` +
      `"${last.name}" holds epoch ${last.epoch} (${this.monitor} ${last.value.toFixed(4)})`;
  }
}
