import type * as tf from '@tensorflow/tfjs';
import type { CellContext } from '../context';
import type { ImageSet } from '../../ml/imageSet';
import { callbackList, train, type History, type TrainCallbacks } from '../../ml/train';
import { historyFigure } from '../../viz/historyFigure';
import { trainingProgress, formatDuration, formatRate } from '../../viz/trainingProgress';
import { estimateTrainingMs } from '../../ml/trainingClock';
import { recalledThroughput, rememberThroughput, type ThroughputKey } from '../../ml/throughputLog';
import { trainingSetup } from '../../ml/fast';
import { runHints, stopOnNonFiniteLoss, type RunFacts } from '../../ml/runHints';
import { runHintsView } from '../../viz/runHintsView';
import { describeLayers, recordRun, runFromTraining } from '../../ml/runLog';
import { weightsView } from '../../viz/weightsView';
import { majorityPlateau } from '../../ml/majorityPlateau';
import { formatPercent } from '../../lib/numbers';
import { manifestHashOf, runReference } from '../runReference';

export interface FitOptions {
  validation?: ImageSet;
  epochs: number;
  batchSize: number;
  /** Seed of the per-epoch shuffling order. */
  seed?: number;
  callbacks?: TrainCallbacks | TrainCallbacks[];
  /** Changes every training batch before the model sees it (image augmentation). */
  augment?: (images: tf.Tensor4D) => tf.Tensor4D;
}

/** What the run hints need to know beyond the history. */
function runFacts(model: tf.LayersModel): RunFacts {
  return { hasDropout: model.layers.some((layer) => layer.getClassName() === 'Dropout') };
}

/** Training as every lesson does it: `fit` with its live progress, figures and hints, and the curves afterwards. */
export function trainingLibrary(context: CellContext) {
  const doc = context.document;

  /** Trains with a live progress bar and curves; Stop ends it after the current batch and keeps the history. */
  async function fit(model: tf.LayersModel, data: ImageSet, options: FitOptions): Promise<History> {
    let epochs = options.epochs;
    if (context.maxEpochs !== undefined && epochs > context.maxEpochs) {
      const note = doc.createElement('p');
      note.className = 'notice';
      note.textContent = context.t.training.epochsLimited(context.maxEpochs, epochs);
      context.display(note);
      epochs = context.maxEpochs;
    }
    const speedKey: ThroughputKey = { ...trainingSetup(), features: data.featureCount, parameters: model.countParams(), batchSize: options.batchSize };
    const known = recalledThroughput(context.storage, speedKey);
    const view = trainingProgress({
      words: context.t,
      totalEpochs: epochs,
      batchesPerEpoch: Math.ceil(data.count / options.batchSize),
      estimatedMs: known === undefined ? undefined : estimateTrainingMs(known, data.count, epochs),
      document: doc,
      reference: runReference(context.reference, { cellId: context.cellId, cells: context.cells?.() ?? [], manifestHash: manifestHashOf.get(data) }, context.t.references),
    });
    context.display(view.element);
    const text = context.t;
    const weights = weightsView(data.size, text.figures, doc);
    context.display(weights.element);
    const release = context.handleStopCooperatively();
    try {
      const history = await train(model, data, {
        epochs,
        batchSize: options.batchSize,
        validation: options.validation,
        seed: options.seed,
        signal: context.stopSignal,
        augment: options.augment,
        // A callback's message during training (a checkpoint not saved) goes below the progress bar, at once.
        report: (text) => {
          const line = doc.createElement('p');
          line.className = 'notice';
          line.textContent = text;
          context.display(line);
        },
        callbacks: [
          { onBatchEnd: (progress) => view.batch(progress), onEpochEnd: (_logs, all) => view.epoch(all) },
          // A loss that is not a number never recovers: stop at once, and the hint below says why.
          stopOnNonFiniteLoss,
          { onEpochEnd: (logs) => weights.epoch(model, logs.epoch) },
          ...callbackList(options.callbacks),
        ],
      });
      if (history.epochs.length > 0) {
        try {
          const extra = callbackList(options.callbacks);
          recordRun(context.storage, runFromTraining({ lesson: context.lessonId, model, train: data, validation: options.validation, epochsAsked: options.epochs, batchSize: options.batchSize, augmented: Boolean(options.augment), callbacks: extra, history }));
        } catch { /* the record of runs is a convenience: it never breaks training */ }
      }
      const rate = view.samplesPerSecond();
      if (rate !== undefined) rememberThroughput(context.storage, speedKey, rate);
      const last = history.epochs.at(-1);
      view.finish(text.training.finished({
        how: history.stopReason,
        epochs: history.epochs.length,
        duration: formatDuration(history.elapsedMs),
        training: last && formatPercent(last.acc),
        validation: last?.val_acc === undefined ? undefined : formatPercent(last.val_acc),
        rate: rate === undefined ? undefined : formatRate(rate),
        backend: speedKey.backend,
        coursePath: speedKey.path === 'fast',
      }));
      if (options.validation) explainMajorityPlateau(history, options.validation);
      if (history.epochs.length > 0) {
        weights.finish(model, history.epochs.at(-1)!.epoch, `${context.lessonId}: ${describeLayers(model)}${options.augment ? ' + augmentation' : ''}`, context.storage);
      }
      const hints = runHintsView(runHints(history.epochs, runFacts(model)), text.hints, doc);
      if (hints) context.display(hints);
      return history;
    } finally {
      release();
    }
  }

  /** Says why validation accuracy sat at the majority class's share, when it did for a few epochs. */
  function explainMajorityPlateau(history: History, validation: ImageSet): void {
    const plateau = majorityPlateau(history.epochs, validation.labels);
    if (!plateau) return;
    const t = context.t.training;
    const note = doc.createElement('p');
    note.className = 'notice';
    note.setAttribute('data-majority-plateau', `${plateau.from}-${plateau.to}`);
    note.textContent = t.majorityPlateau({
      from: plateau.from,
      to: plateau.to,
      rate: `${(100 * plateau.rate).toFixed(1)} %`,
      majority: t.classNames[plateau.majorityLabel],
      minority: t.classNames[1 - plateau.majorityLabel]!,
    });
    context.display(note);
  }

  /** Loss and accuracy curves of a finished training run, with the start of overfitting marked. */
  function plotHistory(history: History, { markOverfitting = true }: { markOverfitting?: boolean } = {}): HTMLElement {
    return historyFigure(history.epochs, { words: context.t.curves, markOverfitting, document: doc });
  }

  return { fit, plotHistory };
}

