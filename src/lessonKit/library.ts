import type * as tf from '@tensorflow/tfjs';
import type { CellContext } from './context';
import { ImageSet } from '../ml/imageSet';
import { loadDataset as loadPayload, type LoadedDataset } from '../ml/loadDataset';
import { trainTestSplitIndices } from '../ml/split';
import { countLeakedValidationImages, groupAwareSplitIndices } from '../ml/groupSplit';
import { callbackList, train, type History, type TrainCallbacks } from '../ml/train';
import { predictProbabilities } from '../ml/predict';
import { binaryMetrics } from '../ml/metrics';
import { historyFigure } from '../viz/historyFigure';
import { imageGrid } from '../viz/imageGrid';
import { trainingProgress, formatDuration, formatRate } from '../viz/trainingProgress';
import { estimateTrainingMs } from '../ml/trainingClock';
import { recalledThroughput, rememberThroughput, type ThroughputKey } from '../ml/throughputLog';
import { trainingSetup } from '../ml/fast';
import { EvaluationReport } from './evaluationReport';
import { runHints, stopOnNonFiniteLoss, type RunFacts } from '../ml/runHints';
import { runHintsView } from '../viz/runHintsView';
import { techniquesLibrary } from './techniques';
import { describeLayers, recordRun, runFromTraining } from '../ml/runLog';
import { weightsView } from '../viz/weightsView';
import { regularizationLibrary } from './regularization';
import { majorityPlateau } from '../ml/majorityPlateau';
import { langOfTag, messages } from '../i18n';
import { registerTensorflowViews } from './display';
import { formatPercent } from '../lib/numbers';
import { datasetChoiceLibrary, locateDataset } from './datasetChoice';
import { photoTrialLibrary } from './tryYourPhoto';

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

// A dataset is fetched and decoded once per page and resolution, however often its cell reruns.
const loadedDatasets = new Map<string, Promise<LoadedDataset>>();
// Groups of identical images (from the import's quality report) of each loaded dataset.
const duplicateGroupsOf = new WeakMap<ImageSet, number[][]>();

/** What the run hints need to know beyond the history. */
function runFacts(model: tf.LayersModel): RunFacts {
  return { hasDropout: model.layers.some((layer) => layer.getClassName() === 'Dropout') };
}

/**
 * The core of the lesson library, used by every lesson. Each cell run gets its own copy,
 * bound to that cell's output area and Stop button.
 */
export function coreLibrary(context: CellContext) {
  const doc = context.document;

  /**
   * Loads the course's active dataset at 32, 64 or 224 pixels a side (64 by default): the built-in one, or
   * the one imported in this browser that the reader chose; `dataset` names another (a stored id, or "built-in").
   */
  async function loadDataset({ resolution = 64, dataset }: { resolution?: number; dataset?: string } = {}): Promise<ImageSet> {
    const location = await locateDataset(dataset, context.datasetUrl);
    const key = `${location.url}@${resolution}`;
    if (location.notice) context.display(Object.assign(doc.createElement('p'), { className: 'notice', textContent: location.notice }));
    const line = doc.createElement('p');
    line.className = 'load-status';
    line.textContent = `Loading the dataset at ${resolution}×${resolution}…`;
    context.display(line);
    let pending = loadedDatasets.get(key);
    if (!pending) {
      pending = loadPayload(location.url, {
        resolution,
        fetch: location.fetch,
        onProgress: (p) => { if (p.phase === 'images') line.textContent = `Loading the dataset at ${resolution}×${resolution}: ${p.done}/${p.total} files, ${(p.bytes / 1e6).toFixed(1)} MB`; },
      });
      loadedDatasets.set(key, pending);
      pending.catch(() => loadedDatasets.delete(key));
    }
    const loaded = await pending;
    duplicateGroupsOf.set(loaded.images, loaded.manifest.duplicateGroups ?? []);
    const [negatives, positives] = loaded.images.classCounts();
    line.textContent = `Loaded ${loaded.manifest.dataset.title}: ${loaded.images.count} images at ${resolution}×${resolution} ` +
      `(${positives} emergency, ${negatives} non-emergency; ${(loaded.bytes / 1e6).toFixed(1)} MB in ${(loaded.milliseconds / 1000).toFixed(1)} s).`;
    line.setAttribute('data-dataset-loaded', String(loaded.images.count));
    return loaded.images;
  }

  /**
   * scikit-learn's train_test_split(X, y, test_size, random_state), with the same permutation.
   * `keepDuplicatesTogether` puts every group of identical images on one side, so that no
   * validation image has a copy in the training set; `leaked` counts those that do.
   */
  function trainTestSplit(data: ImageSet, { testSize = 0.3, randomState = 42, keepDuplicatesTogether = false }: { testSize?: number; randomState?: number; keepDuplicatesTogether?: boolean } = {}) {
    const groups = duplicateGroupsOf.get(data) ?? [];
    const split = keepDuplicatesTogether
      ? groupAwareSplitIndices(data.count, groups, { testSize, seed: randomState })
      : trainTestSplitIndices(data.count, { testSize, seed: randomState });
    return {
      train: data.subset(split.train),
      validation: data.subset(split.validation),
      leaked: countLeakedValidationImages(split.train, split.validation, groups),
    };
  }

  /** Trains with a live progress bar and curves; Stop ends it after the current batch and keeps the history. */
  async function fit(model: tf.LayersModel, data: ImageSet, options: FitOptions): Promise<History> {
    let epochs = options.epochs;
    if (context.maxEpochs !== undefined && epochs > context.maxEpochs) {
      const note = doc.createElement('p');
      note.className = 'notice';
      note.textContent = `This page limits training to ${context.maxEpochs} epochs (?maxEpochs=${context.maxEpochs} in its address); the cell asked for ${epochs}.`;
      context.display(note);
      epochs = context.maxEpochs;
    }
    const speedKey: ThroughputKey = { ...trainingSetup(), features: data.featureCount, parameters: model.countParams(), batchSize: options.batchSize };
    const known = recalledThroughput(context.storage, speedKey);
    const view = trainingProgress({
      totalEpochs: epochs,
      batchesPerEpoch: Math.ceil(data.count / options.batchSize),
      estimatedMs: known === undefined ? undefined : estimateTrainingMs(known, data.count, epochs),
      document: doc,
    });
    context.display(view.element);
    const text = messages(langOfTag(doc.documentElement.lang));
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
      view.finish(
        `${history.stopReason === 'completed' ? 'Finished' : `Training ${history.stopReason}`}: ${history.epochs.length} epoch${history.epochs.length === 1 ? '' : 's'} in ${formatDuration(history.elapsedMs)}` +
        (last ? ` · training accuracy ${formatPercent(last.acc)}` + (last.val_acc === undefined ? '' : ` · validation accuracy ${formatPercent(last.val_acc)}`) : '') +
        (rate === undefined ? '' : ` · ${formatRate(rate)} images/s (${speedKey.backend}${speedKey.path === 'fast' ? ', course training path' : ''})`),
      );
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
    const t = messages(langOfTag(doc.documentElement.lang)).training;
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

  /** Accuracy, confusion matrix and the missed emergency vehicles of a model on a set. */
  async function evaluate(model: tf.LayersModel, data: ImageSet, { name = 'Validation' }: { name?: string } = {}): Promise<EvaluationReport> {
    const probabilities = await predictProbabilities(model, data);
    return new EvaluationReport(name, binaryMetrics(probabilities, data.labels), data, probabilities, langOfTag(doc.documentElement.lang));
  }

  /** Loss and accuracy curves of a finished training run, with the start of overfitting marked. */
  function plotHistory(history: History, { markOverfitting = true }: { markOverfitting?: boolean } = {}): HTMLElement {
    return historyFigure(history.epochs, { markOverfitting, document: doc });
  }

  /** Thumbnails of a few images of a set with their labels. */
  function showImages(data: ImageSet, { count = 12, indices }: { count?: number; indices?: number[] } = {}): HTMLElement {
    return imageGrid(data, { indices: indices ?? Array.from({ length: Math.min(count, data.count) }, (_, i) => i), document: doc });
  }

  return { display: context.display, loadDataset, trainTestSplit, fit, evaluate, plotHistory, showImages };
}

/**
 * Every name a cell can use without importing it: the core above plus the parts each
 * technique lesson adds (each part is a module of its own, bound to the same cell context).
 */
export function createLessonLibrary(context: CellContext) {
  // Tensors and models in cell output are shown by the kit's views (the notebook knows no TF.js).
  registerTensorflowViews();
  return {
    ...coreLibrary(context),
    ...datasetChoiceLibrary(context),
    ...photoTrialLibrary(context),
    ...techniquesLibrary(context),
    ...regularizationLibrary(context),
  };
}

export type LessonLibrary = ReturnType<typeof createLessonLibrary>;
