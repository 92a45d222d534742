/** Binary classification metrics computed from probabilities, the way Keras reports them. */

// Keras clips probabilities to [ε, 1 − ε] before the log in binary cross-entropy.
const EPSILON = 1e-7;

export interface ConfusionMatrix {
  /** Non-emergency called non-emergency. */
  trueNegatives: number;
  /** Non-emergency called emergency. */
  falsePositives: number;
  /** Emergency called non-emergency: the costly mistake in this course's story. */
  falseNegatives: number;
  /** Emergency called emergency. */
  truePositives: number;
}

export interface BinaryMetrics {
  count: number;
  loss: number;
  accuracy: number;
  confusion: ConfusionMatrix;
  /** Positions (in the evaluated set) of the emergency vehicles the model missed. */
  falseNegativeIndices: number[];
  falsePositiveIndices: number[];
}

function binaryCrossEntropy(probabilities: ArrayLike<number>, labels: ArrayLike<number>): number {
  if (probabilities.length !== labels.length) throw new Error(`${probabilities.length} predictions for ${labels.length} labels`);
  if (labels.length === 0) return Number.NaN;
  let total = 0;
  for (let i = 0; i < labels.length; i++) {
    const p = Math.min(1 - EPSILON, Math.max(EPSILON, probabilities[i]!));
    total += labels[i] ? -Math.log(p) : -Math.log(1 - p);
  }
  return total / labels.length;
}

export function binaryMetrics(probabilities: ArrayLike<number>, labels: ArrayLike<number>, threshold = 0.5): BinaryMetrics {
  const confusion: ConfusionMatrix = { trueNegatives: 0, falsePositives: 0, falseNegatives: 0, truePositives: 0 };
  const falseNegativeIndices: number[] = [];
  const falsePositiveIndices: number[] = [];
  for (let i = 0; i < labels.length; i++) {
    const predicted = probabilities[i]! > threshold ? 1 : 0;
    if (labels[i]) {
      if (predicted) confusion.truePositives++;
      else { confusion.falseNegatives++; falseNegativeIndices.push(i); }
    } else if (predicted) { confusion.falsePositives++; falsePositiveIndices.push(i); }
    else confusion.trueNegatives++;
  }
  const correct = confusion.truePositives + confusion.trueNegatives;
  return {
    count: labels.length,
    loss: binaryCrossEntropy(probabilities, labels),
    accuracy: labels.length === 0 ? Number.NaN : correct / labels.length,
    confusion,
    falseNegativeIndices,
    falsePositiveIndices,
  };
}
