/**
 * Where validation loss stopped improving, by the course's own rule: the rule of early stopping
 * (lesson 2). An epoch improves on the best so far only if its validation loss is lower by more
 * than `minDelta`; the overfitting point is the last epoch that did, once `patience` epochs have
 * followed it without an improvement. A curve that improved within the last `patience` epochs is
 * still improving and gets no mark: a low point near the end of a falling curve is noise, not the
 * start of overfitting.
 */
export interface LossCurvePoint {
  epoch: number;
  loss: number;
  val_loss?: number;
}

export interface OverfittingRule {
  /** Smallest fall of validation loss that counts as an improvement (early stopping's min delta). */
  minDelta: number;
  /** Epochs without an improvement after which the curve has stopped improving. */
  patience: number;
}

/** The rule the course's figures mark by: the early-stopping lesson's min delta 0.01 and patience 5. */
export const DEFAULT_OVERFITTING_RULE: OverfittingRule = { minDelta: 0.01, patience: 5 };

export interface ValidationLossReading {
  rule: OverfittingRule;
  /** The last epoch that beat the best before it by more than min delta. */
  bestEpoch: number;
  bestValLoss: number;
  /** The epoch with the lowest validation loss (later than bestEpoch when it beat it by less than min delta). */
  lowestEpoch: number;
  lowestValLoss: number;
  /** Epochs after bestEpoch up to the last one. */
  epochsAfter: number;
  /** True once `patience` epochs have followed bestEpoch without an improvement: the point to mark. */
  stoppedImproving: boolean;
}

/** Reads a validation-loss curve by the rule; undefined without validation figures. */
export function readValidationLoss(epochs: readonly LossCurvePoint[], rule: OverfittingRule = DEFAULT_OVERFITTING_RULE): ValidationLossReading | undefined {
  const minDelta = Math.abs(rule.minDelta);
  let best: LossCurvePoint | undefined;
  let lowest: LossCurvePoint | undefined;
  for (const point of epochs) {
    if (point.val_loss === undefined || !Number.isFinite(point.val_loss)) continue;
    // The comparison EarlyStopping.isImprovement makes in 'min' mode.
    if (!best || point.val_loss - -minDelta < best.val_loss!) best = point;
    if (!lowest || point.val_loss < lowest.val_loss!) lowest = point;
  }
  if (!best || !lowest) return undefined;
  const epochsAfter = epochs.at(-1)!.epoch - best.epoch;
  return {
    rule: { minDelta, patience: rule.patience },
    bestEpoch: best.epoch,
    bestValLoss: best.val_loss!,
    lowestEpoch: lowest.epoch,
    lowestValLoss: lowest.val_loss!,
    epochsAfter,
    stoppedImproving: epochsAfter >= Math.max(1, rule.patience),
  };
}

/** The overfitting point to mark, or undefined while the curve is still improving (or has no validation). */
export function overfittingPoint(epochs: readonly LossCurvePoint[], rule: OverfittingRule = DEFAULT_OVERFITTING_RULE): ValidationLossReading | undefined {
  const reading = readValidationLoss(epochs, rule);
  return reading?.stoppedImproving ? reading : undefined;
}
