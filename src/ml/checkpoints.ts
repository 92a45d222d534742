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
  /** What the store itself lists under `key` (weight bytes, when saved); undefined when nothing is there. */
  stored(key: string): Promise<{ bytes: number; savedAt: number } | undefined>;
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
    // Read back from IndexedDB's own listing (its date tells this save from an earlier one), not from what model.save answered.
    async stored(key) {
      const info = (await tf.io.listModels())[url(key)];
      return info && { bytes: info.weightDataBytes ?? 0, savedAt: new Date(info.dateSaved).getTime() };
    },
  };
}

/** Models kept in memory as TF.js artifacts (for tests, and where IndexedDB is unavailable). */
export function memoryModelStore(): ModelStore {
  const artifacts = new Map<string, tf.io.ModelArtifacts>();
  const savedAt = new Map<string, number>();
  return {
    async save(key, model) {
      await model.save(tf.io.withSaveHandler(async (saved) => {
        artifacts.set(key, saved);
        // Strictly increasing, like distinct saves' dates: a save is told from the one before by its date.
        savedAt.set(key, Math.max(Date.now(), Math.max(0, ...savedAt.values()) + 1));
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
    async stored(key) {
      const data = artifacts.get(key)?.weightData;
      if (data === undefined) return undefined;
      return { bytes: (Array.isArray(data) ? data : [data]).reduce((sum, buffer) => sum + buffer.byteLength, 0), savedAt: savedAt.get(key)! };
    },
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

  /**
   * Saves the model's weights under `info.name`, replacing a checkpoint of the same name, and checks that
   * the store really holds them. Throws CheckpointNotSaved when it does not (storage full, above all); then
   * neither weights without an index entry nor an index entry for other weights are left behind.
   */
  async save(model: tf.LayersModel, info: Omit<CheckpointInfo, 'savedAt'> & { savedAt?: number }): Promise<CheckpointInfo> {
    checkName(info.name);
    const key = MODEL_PREFIX + info.name;
    const expected = model.getWeights().reduce((sum, weight) => sum + weight.size * bytesPerValue(weight.dtype), 0);
    const before = await this.models.stored(key).catch(() => undefined);
    const startedAt = Date.now();
    const giveUp = async (reason: string): Promise<never> => {
      // The earlier checkpoint of the name survives a save that never reached the store; anything else under
      // the name now is neither the old checkpoint nor a whole new one, and goes.
      const now = await this.models.stored(key).catch(() => undefined);
      const earlierKept = before !== undefined && now?.savedAt === before.savedAt && now.bytes === before.bytes;
      if (!earlierKept) {
        await this.models.remove(key).catch(() => undefined);
        this.dropFromIndex(info.name);
      }
      throw new CheckpointNotSaved(info.name, reason, earlierKept);
    };
    try {
      await this.models.save(key, model);
    } catch (error) {
      return giveUp(storageReason(error, 'IndexedDB'));
    }
    const stored = await this.models.stored(key).catch(() => undefined);
    if (stored === undefined || stored.savedAt < startedAt - 1000 || (before && stored.savedAt === before.savedAt)) {
      return giveUp("the browser reported the save done, but IndexedDB does not list it (the site's storage is probably full)");
    }
    if (stored.bytes !== expected) return giveUp(`IndexedDB holds ${stored.bytes} of its ${expected} bytes of weights`);
    const entry: CheckpointInfo = { ...info, savedAt: info.savedAt ?? Date.now() };
    try {
      this.writeIndex([...this.readIndex().filter((other) => other.name !== info.name), entry]);
    } catch (error) {
      return giveUp(storageReason(error, "the checkpoint list (localStorage)"));
    }
    return entry;
  }

  private dropFromIndex(name: string): void {
    try {
      this.writeIndex(this.readIndex().filter((entry) => entry.name !== name));
    } catch { /* a shorter index always fits; if even that fails, list() still hides entries without weights */ }
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

/** A save that did not happen, with why, in words for the training output. */
export class CheckpointNotSaved extends Error {
  /** `earlierKept`: the store still holds the checkpoint saved before under the same name. */
  constructor(readonly checkpoint: string, readonly reason: string, readonly earlierKept = false) {
    super(`checkpoint "${checkpoint}" was not saved: ${reason}`);
    this.name = 'CheckpointNotSaved';
  }
}

function storageReason(error: unknown, where: string): string {
  const { name, message } = (error ?? {}) as { name?: string; message?: string };
  const full = name === 'QuotaExceededError' || /quota/i.test(message ?? '');
  return full ? `${where} is full (the browser's storage quota for this site)` : `${where} refused it (${message ?? String(error)})`;
}

function bytesPerValue(dtype: tf.DataType): number {
  return dtype === 'bool' ? 1 : dtype === 'complex64' ? 8 : 4;
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
  /** Told when a save fails; training goes on (and the training's `report` prints it, see TrainOptions). */
  onSaveFailed?: (failure: CheckpointFailure) => void;
}

/** A save the callback tried and the browser did not keep. */
export interface CheckpointFailure {
  epoch: number;
  name: string;
  reason: string;
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
  /** Saves that did not happen: never counted in `saves`. */
  failures: CheckpointFailure[] = [];
  /** The save whose weights the store holds under its name now (a failed save over the same name removes them). */
  holding?: CheckpointSave;
  private model?: tf.LayersModel;
  private readonly onSaveFailed?: (failure: CheckpointFailure) => void;
  private report?: (text: string) => void;

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
    this.onSaveFailed = options.onSaveFailed;
  }

  onTrainBegin(info: { model: tf.LayersModel; report?: (text: string) => void }): void {
    this.model = info.model;
    this.report = info.report;
    this.bestEpoch = this.bestValue = undefined;
    this.saves = [];
    this.failures = [];
    this.holding = undefined;
  }

  async onEpochEnd(logs: EpochLogs): Promise<void> {
    const value = logs[this.monitor];
    if (value === undefined) {
      throw new Error(`the checkpoint monitors ${this.monitor}, but the epoch logs have only ${Object.keys(logs).filter((k) => k !== 'epoch').join(', ')}` +
        (this.monitor.startsWith('val_') ? ': pass a validation set to fit' : ''));
    }
    if (!this.model) throw new Error('the checkpoint has no model: use it as a callback of fit');
    const improved = this.bestValue === undefined || (this.mode === 'max' ? value > this.bestValue : value < this.bestValue);
    if (this.saveBestOnly && !improved) return;
    const name = this.name.replace('{epoch}', String(logs.epoch).padStart(2, '0'));
    try {
      await this.store.save(this.model, { name, lesson: this.lesson, epoch: logs.epoch, monitor: this.monitor, value });
    } catch (error) {
      if (!(error instanceof CheckpointNotSaved)) throw error;
      // Training goes on. The best is the best epoch still stored, so a later epoch that beats it is saved again
      // (any epoch, if the failed save took the earlier one of the same name with it).
      if (this.holding?.name === name && !error.earlierKept) {
        this.holding = undefined;
        if (this.saveBestOnly) this.bestValue = this.bestEpoch = undefined;
      }
      const failure = { epoch: logs.epoch, name, reason: error.reason };
      this.failures.push(failure);
      this.onSaveFailed?.(failure);
      this.report?.(this.describeFailure(failure));
      return;
    }
    if (improved) {
      this.bestValue = value;
      this.bestEpoch = logs.epoch;
    }
    this.holding = { epoch: logs.epoch, value, name };
    this.saves.push(this.holding);
  }

  /** A failed save in words, for the training output: what happened, that training goes on, what is stored. */
  describeFailure({ epoch, name, reason }: CheckpointFailure): string {
    const kept = this.holding;
    const lost = this.saves.some((save) => save.name === name) && kept?.name !== name;
    return `Epoch ${epoch}: checkpoint "${name}" was not saved: ${reason}. Training goes on; ` +
      (kept ? `the checkpoint stored is epoch ${kept.epoch} ("${kept.name}").` : lost ? `the earlier "${name}" was lost with it, so no checkpoint of this training is stored now.` : 'no checkpoint of this training is stored yet.') +
      " Free space by deleting checkpoints you no longer need (listCheckpoints()), or clear this site's data in the browser's settings.";
  }

  /** What the callback did, in words. */
  toString(): string {
    const failed = this.failures.length === 0 ? '' :
      `; ${this.failures.length} save${this.failures.length === 1 ? '' : 's'} failed (epoch${this.failures.length === 1 ? '' : 's'} ${this.failures.map((f) => f.epoch).join(', ')}: ${this.failures.at(-1)!.reason})`;
    if (this.saves.length === 0) return `ModelCheckpoint(${this.monitor}, ${this.mode}): nothing saved${this.failures.length ? '' : ' yet'}${failed}`;
    const held = this.holding;
    return `ModelCheckpoint(${this.monitor}, ${this.mode}${this.saveBestOnly ? ', save best only' : ''}): saved ${this.saves.length} time${this.saves.length === 1 ? '' : 's'}; ` +
      (held ? `"${held.name}" holds epoch ${held.epoch} (${this.monitor} ${held.value.toFixed(4)})` : `nothing is stored now: a failed save replaced "${this.saves.at(-1)!.name}"`) + failed;
  }
}
