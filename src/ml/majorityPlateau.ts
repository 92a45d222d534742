import type { EpochLogs } from './train';

/** Epochs in which the network answered the majority class for every validation image. */
export interface MajorityPlateau {
  /** First and last epoch of the longest such stretch. */
  from: number;
  to: number;
  /** The share of the validation set in the majority class: the accuracy of always answering it. */
  rate: number;
  /** 0 (non-emergency) or 1 (emergency). */
  majorityLabel: 0 | 1;
}

/**
 * The longest stretch of at least `minEpochs` epochs whose validation accuracy is exactly the
 * majority class's share (to one image): a network that answers one class for everything.
 * A sigmoid network starts there often: the class balance is the first pattern the loss rewards,
 * and until the weights of the first layer find features, "always non-emergency" is the best it has.
 */
export function majorityPlateau(epochs: readonly EpochLogs[], validationLabels: ArrayLike<number>, { minEpochs = 3 } = {}): MajorityPlateau | undefined {
  const count = validationLabels.length;
  if (count === 0) return undefined;
  let positives = 0;
  for (let i = 0; i < count; i++) positives += validationLabels[i] ? 1 : 0;
  const majorityLabel = positives > count - positives ? 1 : 0;
  const rate = Math.max(positives, count - positives) / count;
  const onPlateau = (logs: EpochLogs) => logs.val_acc !== undefined && Math.abs(logs.val_acc - rate) < 0.5 / count;
  let best: { from: number; to: number } | undefined;
  let start: number | undefined;
  epochs.forEach((logs, i) => {
    if (onPlateau(logs)) {
      start ??= i;
      const length = i - start + 1;
      if (length >= minEpochs && (!best || length > best.to - best.from + 1)) best = { from: epochs[start]!.epoch, to: logs.epoch };
    } else {
      start = undefined;
    }
  });
  return best && { ...best, rate, majorityLabel };
}
