/**
 * Runs an attempt at an exercise in Node the way the lesson page does: the reader's code as a cell of a
 * notebook (src/notebook/notebook.ts) after prelude cells standing for the lesson's, then the grading of
 * src/exercises/grade.ts. TF.js runs on its cpu backend; `fit` is a stand-in that "trains" by recording a
 * given history in a run log, as the lesson library's fit records its runs, so behaviour checks read real
 * run records of the model the cell built.
 */
import * as tf from '@tensorflow/tfjs';
import { join } from 'node:path';
import { createNotebook } from '../../src/notebook/notebook';
import { gradeOutcome, unattemptedVerdict } from '../../src/exercises/grade';
import { lessonExercises } from '../../src/exercises/files';
import { readRuns, recordRun, runFromTraining, type RunRecord } from '../../src/ml/runLog';
import type { ExerciseDefinition, Verdict } from '../../src/exercises/define';
import type { EpochLogs, History, TrainCallbacks } from '../../src/ml/train';
import { EarlyStopping, type EarlyStoppingOptions } from '../../src/ml/earlyStopping';
import { CheckpointStore, memoryModelStore, ModelCheckpoint, type ModelCheckpointOptions } from '../../src/ml/checkpoints';

await tf.setBackend('cpu');

export interface AttemptOptions {
  /** Cells run before the attempt, standing for the lesson's (they must run without error). */
  prelude?: string[];
  /** Runs already recorded (e.g. the baseline's), oldest first. */
  runs?: RunRecord[];
  /** The histories `fit` "trains", one per call, in order. */
  histories?: Array<Partial<History> & { epochs: EpochLogs[] }>;
  /** The lesson the runs are recorded in (the page's data-lesson). */
  lesson?: string;
}

/** A run log in memory (localStorage's interface). */
function memoryStore(): Storage {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
    clear: () => items.clear(),
    key: (index) => [...items.keys()][index] ?? null,
    get length() { return items.size; },
  };
}

export async function exerciseOf(lesson: string, id: string): Promise<{ definition: ExerciseDefinition; starter: string; solution: string }> {
  const files = lessonExercises(join('content/lessons', lesson)).find((exercise) => exercise.id === id);
  if (!files) throw new Error(`no exercise ${lesson}/${id}`);
  const definition = ((await import(`../../content/lessons/${lesson}/exercises/${id}/exercise.ts`)) as { default: ExerciseDefinition }).default;
  return { definition, starter: files.starter, solution: files.solution };
}

/** The verdict on `code` as an attempt at `<lesson>/<id>`. */
export async function attempt(lesson: string, id: string, code: string, options: AttemptOptions = {}): Promise<Verdict> {
  const { definition, starter } = await exerciseOf(lesson, id);
  const before = unattemptedVerdict(code, starter);
  if (before) return before;
  const store = memoryStore();
  for (const run of options.runs ?? []) recordRun(store, run);
  const histories = [...(options.histories ?? [])];
  const fit = async (model: tf.LayersModel, train: { count: number; size: number }, fitOptions: { validation?: { count: number }; epochs: number; batchSize: number; callbacks?: object[]; augment?: unknown }): Promise<History> => {
    const given = histories.shift();
    if (!given) throw new Error('the test gave no history for this fit');
    const callbacks = (Array.isArray(fitOptions.callbacks) ? fitOptions.callbacks : fitOptions.callbacks ? [fitOptions.callbacks] : []) as TrainCallbacks[];
    // The callbacks see the given epochs as train() would show them, and may stop the run (early stopping).
    const history: History = { stopReason: 'completed', batchesRun: 0, elapsedMs: 1000, ...given, epochs: [] };
    for (const callback of callbacks) callback.onTrainBegin?.({ epochs: fitOptions.epochs, batchesPerEpoch: 1, samples: train.count, validationSamples: fitOptions.validation?.count ?? 0, model });
    for (const logs of given.epochs.slice(0, fitOptions.epochs)) {
      history.epochs.push(logs);
      const answers = await Promise.all(callbacks.map((callback) => callback.onEpochEnd?.(logs, history.epochs)));
      if (answers.includes('stop')) {
        history.stopReason = 'stopped by a callback';
        break;
      }
    }
    for (const callback of callbacks) callback.onTrainEnd?.(history);
    recordRun(store, runFromTraining({ lesson: options.lesson ?? lesson, model, train, validation: fitOptions.validation, epochsAsked: fitOptions.epochs, batchSize: fitOptions.batchSize, augmented: Boolean(fitOptions.augment), callbacks, history }));
    return history;
  };
  const notebook = createNotebook({ importModule: async (specifier) => { if (specifier === '@tensorflow/tfjs') return tf; throw new Error(`cannot import ${specifier}`); } });
  const checkpoints = new CheckpointStore(memoryModelStore(), memoryStore());
  const builtins = {
    fit,
    display: () => undefined,
    earlyStopping: (stopping: EarlyStoppingOptions) => new EarlyStopping(stopping),
    modelCheckpoint: (checkpoint: ModelCheckpointOptions) => new ModelCheckpoint(checkpoints, checkpoint),
  };
  for (const [index, source] of (options.prelude ?? []).entries()) {
    const result = await notebook.run({ id: `prelude-${index}`, label: `prelude ${index}`, source }, { builtins });
    if (result.status !== 'done') throw new Error(`prelude cell ${index} failed: ${result.error.message}`);
  }
  const known = new Set(readRuns(store).map((run) => run.id));
  const result = await notebook.run({ id: `exercise-${id}`, label: `exercise ${id}`, source: code }, { builtins });
  const runs = readRuns(store);
  return gradeOutcome(definition, result.status === 'done' ? { status: 'done', value: result.value } : { status: 'error', message: `${result.error.name}: ${result.error.message}` }, {
    get: (name) => notebook.get(name),
    has: (name) => notebook.has(name),
    runs,
    newRuns: runs.filter((run) => !known.has(run.id)),
    tf,
  });
}

/** A history whose accuracies and losses follow the given per-epoch arrays. */
export function history(figures: { acc: number[]; val_acc: number[]; loss?: number[]; val_loss?: number[] }, extra: Partial<History> = {}): Partial<History> & { epochs: EpochLogs[] } {
  return {
    ...extra,
    epochs: figures.acc.map((acc, epoch) => ({ epoch, acc, val_acc: figures.val_acc[epoch], loss: figures.loss?.[epoch] ?? 1 - acc, val_loss: figures.val_loss?.[epoch] ?? 1 - figures.val_acc[epoch]! })),
  };
}
