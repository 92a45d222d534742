import { describe, expect, it } from 'vitest';
import { averagePrecision, confusionAt, lowestCostThreshold, rocArea, thresholdCurve } from '../../src/ml/thresholds';
import { binaryMetrics } from '../../src/ml/metrics';

// scikit-learn's documented example: roc_auc_score → 0.75, average_precision_score → 0.8333…
const SK_LABELS = [0, 0, 1, 1];
const SK_SCORES = [0.1, 0.4, 0.35, 0.8];

describe('thresholdCurve', () => {
  it('gives scikit-learn roc_curve and precision_recall_curve points on its example', () => {
    const points = thresholdCurve(SK_SCORES, SK_LABELS);
    expect(points.map((p) => [p.falsePositiveRate, p.truePositiveRate])).toEqual([[0, 0], [0, 0.5], [0.5, 0.5], [0.5, 1], [1, 1]]);
    expect(points.map((p) => p.precision)).toEqual([undefined, 1, 0.5, 2 / 3, 0.5]);
    // Each point's threshold reproduces it: recount the confusion matrix there.
    for (const point of points) {
      const c = confusionAt(SK_SCORES, SK_LABELS, point.threshold);
      expect(c.truePositives / 2).toBe(point.truePositiveRate);
      expect(c.falsePositives / 2).toBe(point.falsePositiveRate);
    }
  });

  it('moves tied probabilities together (one diagonal step)', () => {
    const points = thresholdCurve([0.5, 0.5, 0.2], [1, 0, 0]);
    expect(points.map((p) => [p.falsePositiveRate, p.truePositiveRate])).toEqual([[0, 0], [0.5, 1], [1, 1]]);
  });

  it('refuses probabilities and labels of different lengths', () => {
    expect(() => thresholdCurve([0.1], [0, 1])).toThrow('1 probabilities for 2 labels');
  });
});

describe('areas', () => {
  it('match scikit-learn on its example', () => {
    const points = thresholdCurve(SK_SCORES, SK_LABELS);
    expect(rocArea(points)).toBeCloseTo(0.75, 12);
    expect(averagePrecision(points)).toBeCloseTo(0.8333333333, 9);
  });

  it('ROC area is the chance that an emergency vehicle outranks another vehicle (ties count half)', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const labels = Array.from({ length: 300 }, () => (random() < 0.4 ? 1 : 0));
    // Rounded to two decimals so that many probabilities tie.
    const scores = labels.map((y) => Math.round(100 * Math.min(1, Math.max(0, random() * 0.7 + 0.25 * y))) / 100);
    let wins = 0;
    let pairs = 0;
    for (let i = 0; i < labels.length; i++) for (let j = 0; j < labels.length; j++) {
      if (labels[i] !== 1 || labels[j] !== 0) continue;
      pairs++;
      wins += scores[i]! > scores[j]! ? 1 : scores[i] === scores[j] ? 0.5 : 0;
    }
    expect(rocArea(thresholdCurve(scores, labels))).toBeCloseTo(wins / pairs, 10);
  });

  it('is 1 for a perfect ranking and 0.5 for one that ranks nothing', () => {
    expect(rocArea(thresholdCurve([0.9, 0.8, 0.2, 0.1], [1, 1, 0, 0]))).toBe(1);
    expect(rocArea(thresholdCurve([0.5, 0.5, 0.5, 0.5], [1, 0, 1, 0]))).toBe(0.5);
  });
});

describe('confusionAt', () => {
  it('agrees with binaryMetrics at any threshold', () => {
    const scores = [0.05, 0.3, 0.5, 0.51, 0.7, 0.95];
    const labels = [0, 1, 0, 1, 0, 1];
    for (const t of [0, 0.3, 0.5, 0.75, 1]) expect(confusionAt(scores, labels, t)).toEqual(binaryMetrics(scores, labels, t).confusion);
  });
});

describe('lowestCostThreshold', () => {
  const scores = [0.1, 0.2, 0.3, 0.4, 0.6, 0.7, 0.8, 0.9];
  const labels = [0, 1, 0, 1, 0, 1, 1, 1];

  it('takes, among equally cheap thresholds, the one nearest 0.5', () => {
    // At 0.5: two misses (0.2, 0.4) and one false alarm (0.6), cost 3. At 0.6–0.69: two misses, no alarm;
    // at 0.10–0.19: no miss, two alarms (0.3, 0.6): both cost 2, and 0.6 is nearer 0.5.
    const choice = lowestCostThreshold(scores, labels, 1);
    expect(choice.cost).toBe(2);
    expect(choice.threshold).toBe(0.6);
    expect(choice.confusion).toEqual({ trueNegatives: 3, falsePositives: 0, falseNegatives: 2, truePositives: 3 });
  });

  it('lowers the threshold when misses cost more, until every emergency is caught', () => {
    const choice = lowestCostThreshold(scores, labels, 10);
    // Below 0.2 every emergency is caught, at the price of two false alarms (0.3, 0.6) … or three below 0.1.
    expect(choice.confusion.falseNegatives).toBe(0);
    expect(choice.cost).toBe(2);
    expect(choice.threshold).toBeCloseTo(0.19, 10);
  });

  it('raises the threshold when misses cost nothing', () => {
    const choice = lowestCostThreshold(scores, labels, 0);
    expect(choice.confusion.falsePositives).toBe(0);
    expect(choice.threshold).toBe(0.6);
  });

  it('says what is wrong with a cost that is not a number of false alarms', () => {
    expect(() => lowestCostThreshold(scores, labels, -1)).toThrow('invalid cost of a missed emergency: -1');
    expect(() => lowestCostThreshold(scores, labels, Number.NaN)).toThrow('invalid cost of a missed emergency: NaN');
  });
});
