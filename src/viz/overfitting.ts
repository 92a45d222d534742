/** Where validation loss stopped improving: the epoch the baseline lesson marks. */
export interface LossCurvePoint {
  epoch: number;
  loss: number;
  val_loss?: number;
}

/**
 * The epoch with the lowest validation loss, if validation loss rose (or stalled) after it:
 * from there on the network fits the training images better and the others worse.
 */
export function bestValidationEpoch(epochs: readonly LossCurvePoint[]): { epoch: number; valLoss: number; epochsAfter: number } | undefined {
  let best: LossCurvePoint | undefined;
  for (const point of epochs) {
    if (point.val_loss === undefined || !Number.isFinite(point.val_loss)) continue;
    if (!best || point.val_loss < best.val_loss!) best = point;
  }
  if (!best) return undefined;
  const last = epochs.at(-1)!.epoch;
  return { epoch: best.epoch, valLoss: best.val_loss!, epochsAfter: last - best.epoch };
}
