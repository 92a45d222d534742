// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { diverging, histogram, largestMagnitude, spread, unitPicture, type DenseKernel } from '../../src/ml/weightStats';
import { epochHistogram, histogramFigure } from '../../src/viz/weightsPanel';
import { recallWeightPictures, rememberWeightPicture } from '../../src/viz/weightPictures';
import { messages } from '../../src/i18n';
import { expectSnapshot } from '../viz/snapshot';

/** A 2×2 RGB first layer with 3 units: unit 0 weighs the top-left pixel's red, unit 1 is all negative, unit 2 all zero. */
function kernel(): DenseKernel {
  const inputs = 12;
  const units = 3;
  const values = new Float32Array(inputs * units);
  values[0 * units + 0] = 0.5; // input 0 = pixel 0, red
  values[1 * units + 0] = 0.5; // pixel 0, green
  values[2 * units + 0] = 0.5; // pixel 0, blue
  values[9 * units + 0] = -0.25; // pixel 3, red
  for (let i = 0; i < inputs; i++) values[i * units + 1] = -0.1;
  return { layer: 'dense_1', values, inputs, units };
}

describe('unitPicture', () => {
  it('draws a unit’s weights where their pixels are, scaled to its own largest weight', () => {
    const picture = unitPicture(kernel(), 0, 2);
    expect(Array.from(picture.slice(0, 4))).toEqual([...diverging(1), 255]); // the strongest weight: full orange
    expect(Array.from(picture.slice(4, 8))).toEqual([255, 255, 255, 255]); // weight 0: white
    expect(Array.from(picture.slice(12, 16))).toEqual([...diverging(-0.25 / 3 / 0.5), 255]); // a weak negative: pale blue
  });

  it('scales each unit by itself: a uniformly negative unit is fully blue, an all-zero unit white', () => {
    expect(Array.from(unitPicture(kernel(), 1, 2).slice(0, 3))).toEqual(diverging(-1));
    expect(Array.from(unitPicture(kernel(), 2, 2).slice(0, 3))).toEqual([255, 255, 255]);
  });

  it('draws colour channels in rgb mode, zero as mid grey', () => {
    const picture = unitPicture(kernel(), 0, 2, 'rgb');
    expect(Array.from(picture.slice(0, 3))).toEqual([255, 255, 255]);
    expect(Array.from(picture.slice(12, 15))).toEqual([64, 128, 128]);
  });

  it('says so when the layer does not read an image of that size', () => {
    expect(() => unitPicture(kernel(), 0, 3)).toThrow('the first layer has 12 inputs, not 27 (3×3 RGB)');
    expect(() => unitPicture(kernel(), 5, 2)).toThrow('unit 5 does not exist (the layer has 3)');
  });
});

describe('weight statistics', () => {
  it('bins values, clamping the extremes into the end bins', () => {
    expect(histogram([-2, -0.9, -0.1, 0.1, 0.6, 0.99, 5], 4, [-1, 1]).counts).toEqual([2, 1, 1, 3]);
    expect(() => histogram([1], 4, [1, 1])).toThrow('invalid histogram range: [1, 1]');
  });
  it('measures range and spread', () => {
    expect(largestMagnitude([0.1, -0.7, Number.NaN, 0.3])).toBeCloseTo(0.7, 6);
    expect(spread([1, -1, 1, -1])).toBe(1);
  });
});

describe('histogramFigure', () => {
  it('draws one small multiple per layer over the epochs, with the spread in words', () => {
    const records = [1, 2, 3].flatMap((epoch) => {
      const k = kernel();
      for (let i = 0; i < k.values.length; i++) k.values[i] = k.values[i]! * epoch;
      return [epochHistogram(k, epoch), epochHistogram({ ...k, layer: 'dense_2' }, epoch)];
    });
    const figure = histogramFigure(records, messages('en').figures);
    expect([...figure.querySelectorAll('svg[data-layer]')].map((svg) => svg.getAttribute('data-layer'))).toEqual(['dense_1', 'dense_2']);
    expect(figure.querySelector('figcaption')!.textContent).toMatch(/^The more solid the shade, the more weights .* dense_1 0\.\d{4} at epoch 1, 0\.\d{4} at epoch 3; dense_2/);
    expect(figure.innerHTML).not.toMatch(/#[0-9a-f]{6}/i);
    expectSnapshot(figure, 'weight-histograms');
  });
});

describe('weight pictures of this browser', () => {
  it('keeps one picture per kind of run, the newest, and ignores what it cannot read', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) } as Storage;
    rememberWeightPicture(storage, { run: '03-dropout: dense 100 sigmoid → dropout 0.5', epochs: 2, date: '2026-12-02', image: 'data:image/jpeg;base64,AA' });
    rememberWeightPicture(storage, { run: '01-baseline: dense 100 sigmoid', epochs: 2, date: '2026-12-02', image: 'data:image/jpeg;base64,BB' });
    rememberWeightPicture(storage, { run: '01-baseline: dense 100 sigmoid', epochs: 5, date: '2026-12-02', image: 'data:image/jpeg;base64,CC' });
    expect(recallWeightPictures(storage).map((p) => [p.run.slice(0, 11), p.epochs])).toEqual([['01-baseline', 5], ['03-dropout:', 2]]);
    store.set('course.weightPictures.v1', '{not json');
    expect(recallWeightPictures(storage)).toEqual([]);
  });
});
