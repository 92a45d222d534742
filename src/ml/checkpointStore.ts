/**
 * Where checkpoints are kept: whole models in a ModelStore (IndexedDB in the page), their index in a TextStore
 * (localStorage), and why a save failed. The callback that saves them during training is src/ml/checkpoints.ts.
 */
import * as tf from '@tensorflow/tfjs';
import type { Monitor } from './monitor';

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

export function checkName(name: string): void {
  if (!/^[\w.-]{1,80}$/.test(name)) throw new Error(`invalid checkpoint name: ${JSON.stringify(name)} (letters, digits, _ . - and {epoch}; at most 80 characters)`);
}
