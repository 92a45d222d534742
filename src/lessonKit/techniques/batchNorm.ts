import type * as tf from '@tensorflow/tfjs';
import type { CellContext } from '../context';
import type { ImageSet } from '../../ml/imageSet';
import type { BatchProgress, TrainCallbacks } from '../../ml/train';
import { observeBatchNorm } from '../../ml/batchNormProbe';
import { batchNormPanelView, traceOf, type BatchNormTracePoint } from '../../viz/batchNormPanel';

export interface BatchNormPanelOptions {
  /** The BatchNormalization layer: index, name, or the first one (default). */
  layer?: number | string;
  /** Redraw after every `every` training batches, or once per epoch (default). */
  every?: number | 'epoch';
  /** How many images of the set form the fixed batch the statistics are measured on. */
  batchSize?: number;
}

/** The names of the batch-normalization lesson: a live view of a BatchNormalization layer's statistics during training. */
export function batchNormLibrary(context: CellContext) {
  const doc = context.document;

  /**
   * A live panel of a BatchNormalization layer's statistics, shown in the cell now and redrawn
   * during training: pass the result to `fit` in `callbacks`.
   */
  function batchNormPanel(model: tf.LayersModel, data: ImageSet, { layer = 'BatchNormalization', every = 'epoch', batchSize = 128 }: BatchNormPanelOptions = {}): TrainCallbacks & { trace: BatchNormTracePoint[] } {
    if (every !== 'epoch' && (!Number.isInteger(every) || every < 1)) throw new Error(`invalid every: ${every} (expected 'epoch' or a whole number of batches ≥ 1)`);
    const w = context.t.batchNorm;
    const view = batchNormPanelView(w, doc);
    const indices = Array.from({ length: Math.min(batchSize, data.count) }, (_, i) => i);
    const trace: BatchNormTracePoint[] = [];
    let batches = 0;
    const update = (epoch: number, label: string) => {
      const snapshot = observeBatchNorm(model, data, { layer, indices });
      trace.push(traceOf(snapshot, batches, epoch));
      view.update(snapshot, trace, label);
    };
    update(0, w.beforeTraining);
    context.display(view.element);
    return {
      trace,
      onTrainBegin() {
        batches = 0;
        trace.length = 0;
        update(0, w.beforeTraining);
      },
      onBatchEnd(progress: BatchProgress) {
        batches++;
        if (every !== 'epoch' && batches % every === 0) update(progress.epoch, w.atBatch(progress.epoch, progress.batch));
      },
      onEpochEnd(logs) {
        if (every === 'epoch') update(logs.epoch, w.afterEpoch(logs.epoch));
      },
      onTrainEnd(history) {
        const last = history.epochs.at(-1)?.epoch ?? 0;
        if (trace.at(-1)?.batches !== batches) update(last, w.afterTraining(last));
      },
    };
  }

  return { batchNormPanel };
}
