import * as tf from '@tensorflow/tfjs';
import type { ImageSet } from './imageSet';
import { batchRanges, createBatcher, valuesInWasmMemory } from './batches';
import { predictProbabilities } from './predict';
import { binaryMetrics } from './metrics';
import { createRandom } from '../lib/random';
import { yieldToPage } from './yieldToPage';
import { beginFastTraining } from './fast';
import { seedDropoutMasks } from './seededDropout';
import { fromTheStart, inPlaceVersion } from './augment';

/** One epoch's figures, named as Keras names them in `history.history`. */
export interface EpochLogs {
  epoch: number;
  loss: number;
  acc: number;
  val_loss?: number;
  val_acc?: number;
  /**
   * The weight penalty (L1/L2 regularizers) at the epoch's end, when the model has one. TF.js's
   * training loss includes it; `val_loss` includes it too (as Keras's does), so the two curves
   * compare like with like instead of showing a gap the penalty alone makes.
   */
  penalty?: number;
}

export interface BatchProgress {
  epoch: number;
  epochs: number;
  batch: number;
  batches: number;
  /** Images in this batch (the last batch of an epoch may be smaller). */
  samples: number;
  loss: number;
  /** Milliseconds since training started. */
  elapsed: number;
}

export interface TrainCallbacks {
  /** `model` lets a callback read or restore weights (early stopping's restoreBestWeights does). */
  onTrainBegin?(info: { epochs: number; batchesPerEpoch: number; samples: number; validationSamples: number; model: tf.LayersModel; report?: (text: string) => void }): void;
  onBatchEnd?(progress: BatchProgress): void;
  /** Return 'stop' to end training after this epoch (early stopping does). */
  onEpochEnd?(logs: EpochLogs, history: readonly EpochLogs[]): void | 'stop' | Promise<void | 'stop'>;
  onTrainEnd?(history: History): void;
}

export interface TrainOptions {
  epochs: number;
  batchSize: number;
  validation?: ImageSet;
  /** Shuffle the training order every epoch (Keras does by default). */
  shuffle?: boolean;
  /** Seed of the shuffling order and of the dropout masks (the same seed gives the same run). */
  seed?: number;
  /** Aborting ends training after the current batch; the history so far is returned. */
  signal?: AbortSignal;
  callbacks?: TrainCallbacks | TrainCallbacks[];
  /** Changes every training batch before the model sees it (image augmentation): images [n, size, size, 3] in [0, 1]. */
  augment?: (images: tf.Tensor4D) => tf.Tensor4D;
  /** Where a callback says something during training (a checkpoint that was not saved): the training's output. */
  report?: (text: string) => void;
}

export interface History {
  epochs: EpochLogs[];
  /** Why training ended. */
  stopReason: 'completed' | 'stopped by the reader' | 'stopped by a callback';
  /** Batches run in total (the last epoch may be partial when the reader stopped). */
  batchesRun: number;
  elapsedMs: number;
}

/**
 * Trains a compiled binary classifier batch by batch, the way Keras's `fit` does
 * (per-epoch shuffling, averaged training loss and accuracy, validation at each epoch end),
 * yielding to the page after every batch and disposing every tensor it creates.
 */
export async function train(model: tf.LayersModel, data: ImageSet, options: TrainOptions): Promise<History> {
  const { epochs, batchSize, validation, shuffle = true, seed = 0, signal } = options;
  if (!Number.isInteger(epochs) || epochs < 1) throw new Error(`invalid epochs: ${epochs} (expected a whole number ≥ 1)`);
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error(`invalid batch size: ${batchSize} (expected a whole number ≥ 1)`);
  if (data.count === 0) throw new Error('cannot train on an empty image set');
  const expected = (model.inputs[0]?.shape ?? []).at(-1);
  if (expected != null && expected !== data.featureCount) {
    throw new Error(`the model expects ${expected} inputs per image but the data has ${data.featureCount} (${data.size}×${data.size}×3): build the model with inputShape [${data.featureCount}]`);
  }
  if (!model.optimizer) throw new Error('the model is not compiled: call model.compile({ optimizer, loss, metrics }) first');

  const callbacks = callbackList(options.callbacks);
  const batchesPerEpoch = Math.ceil(data.count / batchSize);
  const random = createRandom(seed);
  const order = Array.from({ length: data.count }, (_, i) => i);
  const nextBatch = createBatcher(data, batchSize);
  const history: History = { epochs: [], stopReason: 'completed', batchesRun: 0, elapsedMs: 0 };
  const started = performance.now();

  callbacks.forEach((callback) => callback.onTrainBegin?.({ epochs, batchesPerEpoch, samples: data.count, validationSamples: validation?.count ?? 0, model, report: options.report }));

  const dropoutMasks = seedDropoutMasks(model, seed);
  const augment = options.augment && fromTheStart(options.augment);
  const augmentInPlace = augment && inPlaceVersion(augment);
  const endFastTraining = beginFastTraining(model);
  try {
    await runEpochs();
  } finally {
    endFastTraining();
    dropoutMasks.restore();
  }

  history.elapsedMs = performance.now() - started;
  callbacks.forEach((callback) => callback.onTrainEnd?.(history));
  return history;

  async function runEpochs(): Promise<void> {
    training: for (let epoch = 1; epoch <= epochs; epoch++) {
      if (shuffle) random.shuffle(order);
      let lossSum = 0;
      let accSum = 0;
      let seen = 0;
      let batch = 0;
      for (const [start, end] of batchRanges(data.count, batchSize)) {
        const { xs, ys } = nextBatch(order.slice(start, end));
        let result: number | number[];
        let inputs: tf.Tensor = xs;
        try {
          // A fresh batch is this loop's own: an augmentation that can works on its values in wasm memory.
          const values = augmentInPlace && valuesInWasmMemory(xs);
          if (values) augmentInPlace(values, [end - start, data.size, data.size, 3]);
          else if (augment) {
            inputs = tf.tidy(() => augment(xs.reshape([end - start, data.size, data.size, 3])).reshape([end - start, data.featureCount]));
          }
          dropoutMasks.beforeBatch();
          result = await model.trainOnBatch(inputs, ys);
        } finally {
          tf.dispose([xs, ys, inputs]);
        }
        const [loss, acc = Number.NaN] = Array.isArray(result) ? result : [result];
        const size = end - start;
        lossSum += loss! * size;
        accSum += acc * size;
        seen += size;
        batch++;
        history.batchesRun++;
        const elapsed = performance.now() - started;
        callbacks.forEach((callback) => callback.onBatchEnd?.({ epoch, epochs, batch, batches: batchesPerEpoch, samples: size, loss: loss!, elapsed }));
        await yieldToPage();
        if (signal?.aborted) {
          history.stopReason = 'stopped by the reader';
          if (batch < batchesPerEpoch) break training; // a partial epoch is not reported as an epoch
        }
      }

      const logs: EpochLogs = { epoch, loss: lossSum / seen, acc: accSum / seen };
      if (validation && validation.count > 0) {
        const metrics = binaryMetrics(await predictProbabilities(model, validation), validation.labels);
        logs.val_loss = metrics.loss;
        logs.val_acc = metrics.accuracy;
      }
      const penalty = weightPenalty(model);
      if (penalty !== undefined) {
        logs.penalty = penalty;
        if (logs.val_loss !== undefined) logs.val_loss += penalty;
      }
      history.epochs.push(logs);
      for (const callback of callbacks) {
        if ((await callback.onEpochEnd?.(logs, history.epochs)) === 'stop' && history.stopReason === 'completed') {
          history.stopReason = 'stopped by a callback';
        }
      }
      if (history.stopReason !== 'completed') break;
    }
  }
}

/** The sum of the model's regularizer penalties with its current weights, or undefined when it has none. */
function weightPenalty(model: tf.LayersModel): number | undefined {
  const losses = model.calculateLosses();
  if (losses.length === 0) return undefined;
  const total = tf.tidy(() => tf.addN(losses).dataSync()[0]!);
  tf.dispose(losses);
  return total;
}

/** `callbacks` as `fit` takes them (none, one, or a list) as a list. */
export function callbackList(callbacks: TrainCallbacks | TrainCallbacks[] | undefined): TrainCallbacks[] {
  return Array.isArray(callbacks) ? callbacks : callbacks ? [callbacks] : [];
}
