/**
 * The lesson library: every name a cell can use without importing it. Each part is a module of its
 * own (data, training, evaluation, one per technique), bound to the same cell context; each cell run
 * gets its own copy, bound to that cell's output area and Stop button.
 */
import type * as tf from '@tensorflow/tfjs';
import type { CellContext } from './context';
// Named here, though unused, so that the generated declarations (scripts/lib/lessonLibraryTypes.ts) and the
// editor's hover say `ImageSet` and `History` rather than `import("lesson:ml/imageSet").ImageSet`.
import type { ImageSet } from '../ml/imageSet';
import type { History, TrainCallbacks } from '../ml/train';
import type { EvaluationReport } from './evaluation/evaluationReport';
import type { FitOptions } from './training/fit';
import { registerTensorflowViews } from './display';
import { dataLibrary } from './data/loadDataset';
import { datasetChoiceLibrary } from './data/datasetChoice';
import { trainingLibrary } from './training/fit';
import { runComparisonLibrary } from './training/comparingRuns';
import { evaluationLibrary } from './evaluation/evaluate';
import { photoTrialLibrary } from './evaluation/tryYourPhoto';
import { earlyStoppingLibrary } from './techniques/earlyStopping';
import { dropoutLibrary } from './techniques/dropout';
import { batchNormLibrary } from './techniques/batchNorm';
import { augmentationLibrary } from './techniques/augmentation';
import { checkpointLibrary } from './techniques/checkpoints';

export type { FitOptions };

/** Every name a cell can use without importing it. */
export function createLessonLibrary(context: CellContext) {
  // Tensors and models in cell output are shown by the kit's views (the notebook knows no TF.js).
  registerTensorflowViews();
  return {
    display: context.display,
    ...dataLibrary(context),
    ...datasetChoiceLibrary(context),
    ...trainingLibrary(context),
    ...runComparisonLibrary(context),
    ...evaluationLibrary(context),
    ...photoTrialLibrary(context),
    ...earlyStoppingLibrary(context),
    ...dropoutLibrary(context),
    ...batchNormLibrary(context),
    ...augmentationLibrary(context),
    ...checkpointLibrary(context),
  };
}

export type LessonLibrary = ReturnType<typeof createLessonLibrary>;
