/**
 * What changes when the decision threshold moves: the confusion matrix at any threshold, the ROC and
 * precision–recall curves over all thresholds, their areas, and the threshold with the lowest cost when a
 * missed emergency costs as much as N false alarms. An image is called emergency when its probability is
 * above the threshold (p > t), as `binaryMetrics` does.
 */
import type { ConfusionMatrix } from './metrics';

export interface CurvePoint {
  /** Images with a probability above this are called emergency. */
  threshold: number;
  falsePositiveRate: number;
  /** Also the recall: the share of emergency vehicles caught. */
  truePositiveRate: number;
  /** Undefined where nothing is called emergency (0/0). */
  precision: number | undefined;
}

export function confusionAt(probabilities: ArrayLike<number>, labels: ArrayLike<number>, threshold: number): ConfusionMatrix {
  checkLengths(probabilities, labels);
  const confusion: ConfusionMatrix = { trueNegatives: 0, falsePositives: 0, falseNegatives: 0, truePositives: 0 };
  for (let i = 0; i < labels.length; i++) {
    const predicted = probabilities[i]! > threshold;
    if (labels[i]) { if (predicted) confusion.truePositives++; else confusion.falseNegatives++; }
    else if (predicted) confusion.falsePositives++;
    else confusion.trueNegatives++;
  }
  return confusion;
}

/**
 * One point per distinct probability, from the strictest threshold (nothing called emergency: (0, 0))
 * to the loosest (everything: (1, 1)). Images with equal probabilities cross the threshold together,
 * so ties make one diagonal step, as scikit-learn's roc_curve does.
 */
export function thresholdCurve(probabilities: ArrayLike<number>, labels: ArrayLike<number>): CurvePoint[] {
  checkLengths(probabilities, labels);
  const order = Array.from({ length: labels.length }, (_, i) => i).sort((a, b) => probabilities[b]! - probabilities[a]!);
  let positives = 0;
  for (let i = 0; i < labels.length; i++) if (labels[i]) positives++;
  const negatives = labels.length - positives;
  const point = (threshold: number, tp: number, fp: number): CurvePoint => ({
    threshold,
    falsePositiveRate: negatives === 0 ? 0 : fp / negatives,
    truePositiveRate: positives === 0 ? 0 : tp / positives,
    precision: tp + fp === 0 ? undefined : tp / (tp + fp),
  });
  const points: CurvePoint[] = [point(1, 0, 0)];
  let tp = 0;
  let fp = 0;
  for (let k = 0; k < order.length;) {
    const value = probabilities[order[k]!]!;
    while (k < order.length && probabilities[order[k]!]! === value) {
      if (labels[order[k]!]) tp++; else fp++;
      k++;
    }
    // Everything from this probability up is now called emergency: the threshold is just below it.
    const next = k < order.length ? probabilities[order[k]!]! : Math.min(0, value - 1e-9);
    points.push(point(next, tp, fp));
  }
  return points;
}

/** Area under the ROC curve (trapezoids): the chance that an emergency vehicle gets a higher probability than another vehicle. */
export function rocArea(points: readonly CurvePoint[]): number {
  let area = 0;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    area += (b.falsePositiveRate - a.falsePositiveRate) * (a.truePositiveRate + b.truePositiveRate) / 2;
  }
  return area;
}

/** Average precision (scikit-learn's summary of the precision–recall curve): precision weighted by each step in recall. */
export function averagePrecision(points: readonly CurvePoint[]): number {
  let sum = 0;
  for (let i = 1; i < points.length; i++) {
    const { precision } = points[i]!;
    if (precision !== undefined) sum += (points[i]!.truePositiveRate - points[i - 1]!.truePositiveRate) * precision;
  }
  return sum;
}

/** The thresholds the page's control offers: 0, 0.01, …, 1. */
const THRESHOLD_STEPS = Array.from({ length: 101 }, (_, i) => i / 100);

export interface CostChoice {
  threshold: number;
  /** missCost × false negatives + false positives, in units of one false alarm. */
  cost: number;
  confusion: ConfusionMatrix;
}

/**
 * Of the control's thresholds, the one with the lowest cost when one missed emergency costs `missCost`
 * false alarms; among equal costs, the one nearest 0.5 (the usual default).
 */
export function lowestCostThreshold(probabilities: ArrayLike<number>, labels: ArrayLike<number>, missCost: number, thresholds: readonly number[] = THRESHOLD_STEPS): CostChoice {
  if (!(missCost >= 0) || !Number.isFinite(missCost)) throw new Error(`invalid cost of a missed emergency: ${missCost} (expected a number of false alarms, 0 or more)`);
  let best: CostChoice | undefined;
  for (const threshold of thresholds) {
    const confusion = confusionAt(probabilities, labels, threshold);
    const cost = missCost * confusion.falseNegatives + confusion.falsePositives;
    if (!best || cost < best.cost || (cost === best.cost && Math.abs(threshold - 0.5) < Math.abs(best.threshold - 0.5))) best = { threshold, cost, confusion };
  }
  return best!;
}

function checkLengths(probabilities: ArrayLike<number>, labels: ArrayLike<number>): void {
  if (probabilities.length !== labels.length) throw new Error(`${probabilities.length} probabilities for ${labels.length} labels`);
}
