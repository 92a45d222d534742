/**
 * What a finished (or stopped) training run did that a reader should hear about (the all-one-class plateau
 * has its own explanation, src/ml/majorityPlateau.ts, shown beside these): each detector reads
 * only the run's history and a few facts about the model and data, so each is tested on recorded or
 * synthetic histories. The words are in src/i18n (area `hints`); src/viz/runHintsView.ts shows them.
 */
import type { EpochLogs, TrainCallbacks } from './train';
import { overfittingPoint } from '../viz/overfitting';

export interface RunFacts {
  /** The model has a dropout layer (active while training, not while validating). */
  hasDropout?: boolean;
}

export type RunHint =
  | { kind: 'nonFinite'; epoch: number; metric: 'loss' | 'val_loss' }
  | { kind: 'noMovement'; epochs: number; lossChange: number }
  | { kind: 'validationAboveTraining'; epochs: number; total: number }
  | { kind: 'overfitting'; epoch: number; valLoss: number; epochsAfter: number };

/** The first epochs where "no movement" is judged. */
const EARLY_EPOCHS = 3;
/** Less than this relative change of the training loss over the first epochs is "almost no movement". */
const STILL_LOSS = 0.01;

/** The first epoch whose loss or validation loss is NaN or infinite. */
export function firstNonFinite(epochs: readonly EpochLogs[]): { epoch: number; metric: 'loss' | 'val_loss' } | undefined {
  for (const logs of epochs) {
    if (!Number.isFinite(logs.loss)) return { epoch: logs.epoch, metric: 'loss' };
    if (logs.val_loss !== undefined && !Number.isFinite(logs.val_loss)) return { epoch: logs.epoch, metric: 'val_loss' };
  }
  return undefined;
}

/** Ends training after the first epoch whose loss is not a number: such weights never recover. */
export const stopOnNonFiniteLoss: TrainCallbacks = {
  onEpochEnd: (logs) => (firstNonFinite([logs]) ? 'stop' : undefined),
};

/** Every hint the run calls for, the most urgent first; a run whose loss is not a number gets only that one. */
export function runHints(epochs: readonly EpochLogs[], facts: RunFacts = {}): RunHint[] {
  const broken = firstNonFinite(epochs);
  if (broken) return [{ kind: 'nonFinite', ...broken }];
  const hints: RunHint[] = [];
  if (epochs.length >= EARLY_EPOCHS) {
    const first = epochs[0]!.loss;
    const later = epochs[EARLY_EPOCHS - 1]!.loss;
    const lossChange = Math.abs(later - first) / Math.max(Math.abs(first), 1e-12);
    if (lossChange < STILL_LOSS) hints.push({ kind: 'noMovement', epochs: EARLY_EPOCHS, lossChange });
  }
  if (facts.hasDropout) {
    const compared = epochs.filter((logs) => logs.val_acc !== undefined);
    const above = compared.filter((logs) => logs.val_acc! > logs.acc).length;
    if (compared.length > 0 && above * 2 > compared.length) hints.push({ kind: 'validationAboveTraining', epochs: above, total: compared.length });
  }
  // The course's one rule for the overfitting point (src/viz/overfitting.ts: min delta 0.01, patience 5), as the figures mark it.
  const point = overfittingPoint(epochs);
  if (point) hints.push({ kind: 'overfitting', epoch: point.bestEpoch, valLoss: point.bestValLoss, epochsAfter: point.epochsAfter });
  return hints;
}
