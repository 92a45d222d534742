// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { ImageSet } from '../../src/ml/imageSet';
import { messages } from '../../src/i18n';
import { thresholdExplorer } from '../../src/viz/thresholdExplorer';
import { GALLERY_PAGE_SIZE } from '../../src/viz/confusionCellGallery';
import { expectSnapshot } from './snapshot';

// 40 images: 16 emergency with probabilities 0.30–0.90, 24 others with 0.05–0.74 (seeded, so fixed).
function evaluation() {
  const count = 40;
  const labels = Uint8Array.from({ length: count }, (_, i) => (i % 5 < 2 ? 1 : 0));
  const probabilities = Float32Array.from(labels, (y, i) => (y ? 0.3 + ((i * 37) % 61) / 100 : 0.05 + ((i * 53) % 70) / 100));
  const set = new ImageSet(2, new Uint8Array(count * 12), labels, Array.from({ length: count }, (_, i) => `${i}.jpg`));
  return { set, probabilities, labels };
}

const count = (root: Element, cell: string) => Number(root.querySelector(`[data-confusion-cell="${cell}"]`)!.textContent);

describe('thresholdExplorer', () => {
  it('renders the control, the matrix, the missed vehicles, both curves and the cost suggestion at 0.5', () => {
    const { set, probabilities } = evaluation();
    const { element } = thresholdExplorer(set, probabilities, messages('en').figures);
    const slider = element.querySelector<HTMLInputElement>('input[type="range"]')!;
    expect(Number(slider.value)).toBe(0.5);
    expect(element.querySelector(`label[for="${slider.id}"]`)!.textContent).toBe('Decision threshold');
    expect(slider.getAttribute('aria-describedby')).toBeTruthy();
    const summary = element.querySelector('[data-threshold-summary]')!;
    expect(summary.getAttribute('aria-live')).toBe('polite');
    expect(summary.textContent).toMatch(/^At threshold 0\.50: \d+ of 16 emergency vehicles missed \(false negatives\), \d+ of 24 other vehicles flagged/);
    expect(element.querySelectorAll('[data-curve]')).toHaveLength(2);
    expect(element.querySelector('[data-curve="roc"]')!.textContent).toContain('false positive rate');
    expectSnapshot(element, 'threshold-explorer');
  });

  it('updates the counts, the missed thumbnails and the text alternatives as the threshold moves', () => {
    const { set, probabilities, labels } = evaluation();
    const explorer = thresholdExplorer(set, probabilities, messages('en').figures);
    const { element } = explorer;
    const missedAt = (t: number) => Array.from(labels).filter((y, i) => y && !(probabilities[i]! > t)).length;
    const slider = element.querySelector<HTMLInputElement>('input[type="range"]')!;
    for (const t of [0.2, 0.5, 0.8]) {
      slider.value = String(t);
      slider.dispatchEvent(new Event('input'));
      expect(count(element, 'falseNegatives')).toBe(missedAt(t));
      expect(count(element, 'falseNegatives') + count(element, 'truePositives')).toBe(16);
      expect(element.querySelector('[data-threshold-summary]')!.getAttribute('data-false-negatives')).toBe(String(missedAt(t)));
      expect(element.querySelector('[data-missed]')!.getAttribute('data-missed')).toBe(String(missedAt(t)));
      expect(element.querySelectorAll('.threshold-missed canvas')).toHaveLength(Math.min(8, missedAt(t)));
      expect(slider.getAttribute('aria-valuetext')).toBe(`${t.toFixed(2)}: ${missedAt(t)} missed, ${count(element, 'falsePositives')} false alarms`);
      expect(element.querySelector('.threshold-curves figcaption')!.textContent).toContain(`current threshold, ${t.toFixed(2)}`);
    }
    expect(missedAt(0.2)).toBeLessThan(missedAt(0.8));
  });

  it('suggests the cheapest threshold for the cost ratio and moves there on request', () => {
    const { set, probabilities } = evaluation();
    const { element } = thresholdExplorer(set, probabilities, messages('en').figures);
    const cost = element.querySelector<HTMLInputElement>('[data-cost-ratio]')!;
    cost.value = '50';
    cost.dispatchEvent(new Event('input'));
    const suggestion = element.querySelector('[data-cost-suggestion]')!;
    // When a miss costs 50 false alarms, catching every emergency is cheapest: below the lowest emergency probability.
    expect(Number(suggestion.getAttribute('data-suggested-threshold'))).toBeLessThanOrEqual(0.3);
    expect(suggestion.textContent).toMatch(/^Lowest cost at threshold 0\.\d\d: 0 missed/);
    element.querySelector<HTMLButtonElement>('[data-use-threshold]')!.click();
    expect(element.querySelector<HTMLInputElement>('input[type="range"]')!.value).toBe(suggestion.getAttribute('data-suggested-threshold'));
    expect(count(element, 'falseNegatives')).toBe(0);
    cost.value = '-3';
    cost.dispatchEvent(new Event('input'));
    expect(suggestion.textContent).toBe('"-3" is not a number of false alarms (0 or more); the suggestion is kept as it was.');
  });

  it('opens a matrix cell as pages of its images, each with the model’s probability', () => {
    const { set, probabilities, labels } = evaluation();
    const { element, setThreshold } = thresholdExplorer(set, probabilities, messages('en').figures);
    setThreshold(0.9); // nearly every image is called non-emergency: the true-negative cell holds all 24 others
    const button = element.querySelector<HTMLButtonElement>('[data-confusion-cell="trueNegatives"] button')!;
    expect(button.getAttribute('aria-label')).toBe('24: show the other vehicles called other');
    button.click();
    const gallery = element.querySelector('[data-confusion-gallery="trueNegatives"]')!;
    expect(gallery.querySelector('.gallery-heading')!.textContent).toBe('24 other vehicles called other at threshold 0.90');
    expect(gallery.querySelectorAll('canvas')).toHaveLength(Math.min(24, GALLERY_PAGE_SIZE));
    const first = Array.from(labels).findIndex((y) => !y);
    expect(gallery.querySelector('figcaption')!.textContent).toBe(`${first}.jpg · p = ${probabilities[first]!.toFixed(3)}`);
    expect(gallery.querySelector('[data-gallery-page]')!.textContent).toBe(`Images 1–${Math.min(24, GALLERY_PAGE_SIZE)} of 24`);
    // Moving the threshold refreshes the open cell.
    setThreshold(0.5);
    const refreshed = element.querySelector('[data-confusion-gallery="trueNegatives"]')!;
    expect(refreshed.querySelectorAll('canvas')).toHaveLength(count(element, 'trueNegatives'));
    refreshed.querySelector<HTMLButtonElement>('[data-gallery-action="close"]')!.click();
    expect(element.querySelector('[data-confusion-gallery]')).toBeNull();
  });

  it('pages through a cell with more images than a page', () => {
    const labels = new Uint8Array(60);
    const probabilities = Float32Array.from({ length: 60 }, (_, i) => i / 100);
    const set = new ImageSet(2, new Uint8Array(60 * 12), labels, Array.from({ length: 60 }, (_, i) => `${i}.jpg`));
    const { element, setThreshold } = thresholdExplorer(set, probabilities, messages('en').figures);
    setThreshold(1);
    element.querySelector<HTMLButtonElement>('[data-confusion-cell="trueNegatives"] button')!.click();
    const gallery = () => element.querySelector('[data-confusion-gallery]')!;
    const next = () => gallery().querySelector<HTMLButtonElement>('[data-gallery-action="next"]')!;
    expect(gallery().querySelector<HTMLButtonElement>('[data-gallery-action="previous"]')!.disabled).toBe(true);
    next().click();
    expect(gallery().querySelector('[data-gallery-page]')!.textContent).toBe('Images 25–48 of 60');
    next().click();
    expect(gallery().querySelector('[data-gallery-page]')!.textContent).toBe('Images 49–60 of 60');
    expect(gallery().querySelectorAll('canvas')).toHaveLength(12);
    expect(next().disabled).toBe(true);
  });

  it('speaks Chinese on a Chinese page', () => {
    const { set, probabilities } = evaluation();
    const { element } = thresholdExplorer(set, probabilities, messages('zh').figures);
    expect(element.querySelector('label')!.textContent).toBe('判定阈值');
    expect(element.querySelector('[data-threshold-summary]')!.textContent).toMatch(/^阈值 0\.50：16 辆紧急车辆中漏掉 \d+ 辆/);
  });
});
