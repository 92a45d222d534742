import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { CheckpointNotSaved, CheckpointStore, memoryModelStore, ModelCheckpoint, type CheckpointFailure, type ModelStore, type TextStore } from '../../src/ml/checkpoints';
import type { EpochLogs } from '../../src/ml/train';

function textStore(): TextStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (key) => data.get(key) ?? null, setItem: (key, value) => { data.set(key, value); } };
}

function model(seed: number): tf.Sequential {
  const m = tf.sequential({
    layers: [
      tf.layers.dense({ inputShape: [6], units: 4, activation: 'sigmoid', kernelInitializer: tf.initializers.glorotUniform({ seed }) }),
      tf.layers.batchNormalization(),
      tf.layers.dropout({ rate: 0.5 }),
      tf.layers.dense({ units: 1, activation: 'sigmoid', kernelInitializer: tf.initializers.glorotUniform({ seed: seed + 1 }) }),
    ],
  });
  m.compile({ optimizer: tf.train.adam(0.01), loss: 'binaryCrossentropy', metrics: ['accuracy'] });
  return m;
}

const inputs = tf.tensor2d(Array.from({ length: 30 }, (_, i) => ((i * 7) % 11) / 10), [5, 6]);
const predictions = (m: tf.LayersModel) => Array.from((m.predict(inputs) as tf.Tensor).dataSync());

describe('CheckpointStore', () => {
  it('saves and restores weights: the restored model predicts exactly as the saved one did', async () => {
    const store = new CheckpointStore(memoryModelStore(), textStore());
    const original = model(1);
    await store.save(original, { name: 'best', lesson: '06-checkpointing', epoch: 3, monitor: 'val_acc', value: 0.75, savedAt: Date.UTC(2026, 0, 2) });
    const other = model(9);
    expect(predictions(other)).not.toEqual(predictions(original));
    const info = await store.restore(other, 'best');
    expect(info).toEqual({ name: 'best', lesson: '06-checkpointing', epoch: 3, monitor: 'val_acc', value: 0.75, savedAt: Date.UTC(2026, 0, 2) });
    expect(predictions(other)).toEqual(predictions(original));
    // Loaded as a new model (Keras's load_model), it predicts the same too.
    const loaded = await store.load('best');
    expect(predictions(loaded)).toEqual(predictions(original));
  });

  it('lists checkpoints newest first, replaces one of the same name, forgets deleted ones', async () => {
    const store = new CheckpointStore(memoryModelStore(), textStore());
    const m = model(2);
    await store.save(m, { name: 'a', lesson: 'l', epoch: 1, monitor: 'val_loss', value: 0.6, savedAt: 1 });
    await store.save(m, { name: 'b', lesson: 'l', epoch: 2, monitor: 'val_loss', value: 0.5, savedAt: 2 });
    await store.save(m, { name: 'a', lesson: 'l', epoch: 3, monitor: 'val_loss', value: 0.4, savedAt: 3 });
    expect((await store.list()).map((c) => [c.name, c.epoch])).toEqual([['a', 3], ['b', 2]]);
    await store.remove('a');
    expect((await store.list()).map((c) => c.name)).toEqual(['b']);
    await expect(store.restore(m, 'a')).rejects.toThrow('no checkpoint named "a" (saved: "b")');
  });

  it('refuses weights that do not fit the model, and names that are not file names', async () => {
    const store = new CheckpointStore(memoryModelStore(), textStore());
    await store.save(model(3), { name: 'small', lesson: 'l', epoch: 1, monitor: 'val_acc', value: 0.5 });
    const wide = tf.sequential({ layers: [tf.layers.dense({ inputShape: [8], units: 1 })] });
    await expect(store.restore(wide, 'small')).rejects.toThrow(/checkpoint "small" does not fit this model: it has weights \[6,4\] \[4\]/);
    await expect(store.save(wide, { name: 'a/b', lesson: 'l', epoch: 1, monitor: 'val_acc', value: 0.5 })).rejects.toThrow('invalid checkpoint name: "a/b"');
  });
});

describe('ModelCheckpoint', () => {
  const epochs: EpochLogs[] = [0.6, 0.7, 0.65, 0.72, 0.72, 0.7].map((valAcc, i) => ({ epoch: i + 1, loss: 0.5, acc: 0.8, val_loss: 1 - valAcc, val_acc: valAcc }));

  async function run(checkpoint: ModelCheckpoint, m: tf.LayersModel) {
    checkpoint.onTrainBegin({ model: m });
    for (const logs of epochs) await checkpoint.onEpochEnd(logs);
  }

  it('with saveBestOnly saves only strictly better epochs (Keras semantics): the store holds the best', async () => {
    const store = new CheckpointStore(memoryModelStore(), textStore());
    const checkpoint = new ModelCheckpoint(store, { name: 'best_weights', monitor: 'val_accuracy', mode: 'max', saveBestOnly: true, lesson: '06' });
    await run(checkpoint, model(4));
    expect(checkpoint.saves.map((s) => s.epoch)).toEqual([1, 2, 4]);
    expect(checkpoint.bestEpoch).toBe(4);
    expect((await store.list()).map((c) => [c.name, c.epoch, c.value])).toEqual([['best_weights', 4, 0.72]]);
    expect(String(checkpoint)).toBe('ModelCheckpoint(val_acc, max, save best only): saved 3 times; "best_weights" holds epoch 4 (val_acc 0.7200)');
  });

  it('picks the direction from the monitor in auto mode and saves every epoch without saveBestOnly', async () => {
    const store = new CheckpointStore(memoryModelStore(), textStore());
    const checkpoint = new ModelCheckpoint(store, { name: 'epoch-{epoch}', monitor: 'val_loss' });
    expect(checkpoint.mode).toBe('min');
    await run(checkpoint, model(5));
    expect((await store.list()).map((c) => c.name).sort()).toEqual(['epoch-01', 'epoch-02', 'epoch-03', 'epoch-04', 'epoch-05', 'epoch-06']);
  });

  it('says what is missing when the monitored figure is not logged', async () => {
    const checkpoint = new ModelCheckpoint(new CheckpointStore(memoryModelStore(), textStore()), { monitor: 'val_acc' });
    checkpoint.onTrainBegin({ model: model(6) });
    await expect(checkpoint.onEpochEnd({ epoch: 1, loss: 0.5, acc: 0.7 })).rejects.toThrow('the checkpoint monitors val_acc, but the epoch logs have only loss, acc: pass a validation set to fit');
    expect(() => new ModelCheckpoint(new CheckpointStore(memoryModelStore(), textStore()), { monitor: 'f1' as never })).toThrow('invalid monitor: "f1"');
  });

  /** IndexedDB over its quota as the issue measured it: model.save "succeeds" from `epoch` on, and nothing is stored. */
  function storeThatFillsUp(fullFrom: number, epochOf: () => number): ModelStore {
    const real = memoryModelStore();
    return { ...real, async save(key, m) { if (epochOf() < fullFrom) await real.save(key, m); } };
  }

  it('never counts a save the store did not keep, says so at once, and lets training go on', async () => {
    let epoch = 0;
    const store = new CheckpointStore(storeThatFillsUp(3, () => epoch), textStore());
    const told: CheckpointFailure[] = [];
    const checkpoint = new ModelCheckpoint(store, { name: 'epoch-{epoch}', monitor: 'val_loss', onSaveFailed: (failure) => told.push(failure) });
    const reported: string[] = [];
    checkpoint.onTrainBegin({ model: model(7), report: (text) => reported.push(text) });
    for (const logs of epochs) {
      epoch = logs.epoch;
      await checkpoint.onEpochEnd(logs);
    }
    expect(checkpoint.saves.map((save) => save.epoch)).toEqual([1, 2]);
    expect(told.map((failure) => failure.epoch)).toEqual([3, 4, 5, 6]);
    expect(told[0]!.reason).toMatch(/^the browser reported the save done, but IndexedDB does not list it/);
    // What the training output says, at once.
    expect(reported).toHaveLength(4);
    expect(reported[0]).toMatch(/^Epoch 3: checkpoint "epoch-03" was not saved: the browser reported the save done, but IndexedDB does not list it \(the site's storage is probably full\)\. Training goes on; the checkpoint stored is epoch 2 \("epoch-02"\)\./);
    expect((await store.list()).map((c) => c.name).sort()).toEqual(['epoch-01', 'epoch-02']);
    expect(String(checkpoint)).toMatch(/^ModelCheckpoint\(val_loss, min\): saved 2 times; "epoch-02" holds epoch 2 \(val_loss 0\.3000\); 4 saves failed \(epochs 3, 4, 5, 6: the browser reported/);
  });

  it('a failed save of the best weights keeps the earlier best, and a later epoch that beats it is saved', async () => {
    let epoch = 0;
    const store = new CheckpointStore(storeThatFillsUp(2, () => (epoch === 2 ? 2 : 0)), textStore());
    const checkpoint = new ModelCheckpoint(store, { name: 'best_weights', monitor: 'val_acc', saveBestOnly: true });
    checkpoint.onTrainBegin({ model: model(8) });
    for (const logs of epochs) {
      epoch = logs.epoch;
      await checkpoint.onEpochEnd(logs);
    }
    // Epoch 2 (0.7) was not stored; epoch 1 (0.6) still is, so epoch 3 (0.65) beats it, then epoch 4 (0.72).
    expect(checkpoint.saves.map((save) => save.epoch)).toEqual([1, 3, 4]);
    expect((await store.list()).map((c) => [c.name, c.epoch])).toEqual([['best_weights', 4]]);
    expect(checkpoint.failures).toEqual([{ epoch: 2, name: 'best_weights', reason: expect.stringMatching(/IndexedDB does not list it/) }]);
  });

  it('handles a full localStorage at the checkpoint index: no orphaned weights, no raw QuotaExceededError, training goes on', async () => {
    const models = memoryModelStore();
    const full: TextStore = { getItem: () => null, setItem: () => { throw new DOMException('exceeded the quota', 'QuotaExceededError'); } };
    const store = new CheckpointStore(models, full);
    await expect(store.save(model(9), { name: 'best', lesson: 'l', epoch: 1, monitor: 'val_acc', value: 0.5 })).rejects.toThrow(CheckpointNotSaved);
    await expect(store.save(model(9), { name: 'best', lesson: 'l', epoch: 1, monitor: 'val_acc', value: 0.5 })).rejects.toThrow(
      'checkpoint "best" was not saved: the checkpoint list (localStorage) is full (the browser\'s storage quota for this site)');
    expect(await models.keys()).toEqual([]);
    const checkpoint = new ModelCheckpoint(store, { name: 'best', monitor: 'val_acc' });
    await run(checkpoint, model(9));
    expect(checkpoint.saves).toEqual([]);
    expect(checkpoint.failures).toHaveLength(6);
    expect(String(checkpoint)).toMatch(/^ModelCheckpoint\(val_acc, max\): nothing saved; 6 saves failed/);
  });
});
