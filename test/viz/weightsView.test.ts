// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { weightsView } from '../../src/viz/weightsView';
import { messages } from '../../src/i18n';

function model(): tf.Sequential {
  return tf.sequential({ layers: [tf.layers.dense({ inputShape: [12], units: 3, activation: 'sigmoid' }), tf.layers.dense({ units: 1, activation: 'sigmoid' })] });
}

describe('weightsView', () => {
  it('records every epoch’s histograms, draws the units only while open, and the last state at the end', () => {
    const m = model();
    const view = weightsView(2, messages('en').figures);
    view.epoch(m, 1);
    expect(view.element.querySelector('.unit-pictures')!.hasAttribute('data-epoch')).toBe(false); // closed: nothing drawn
    (view.element as HTMLDetailsElement).open = true;
    view.epoch(m, 2);
    expect(view.element.querySelector('.unit-pictures')!.getAttribute('data-epoch')).toBe('2');
    view.epoch(m, 3); // within the redraw interval: the pictures wait
    expect(view.element.querySelector('.unit-pictures')!.getAttribute('data-epoch')).toBe('2');
    view.finish(m, 4, '01-baseline: dense 3 sigmoid → dense 1 sigmoid');
    expect(view.element.querySelector('.unit-pictures')!.getAttribute('data-epoch')).toBe('4');
    expect(view.element.querySelector('[data-unit-grid]')!.getAttribute('aria-label')).toBe("The first layer's 3 units as weight pictures after epoch 4");
    expect(view.element.querySelector('.unit-pictures figcaption')!.textContent).toMatch(/^Each square is one of the first layer’s 3 units: its 2×2×3 weights/);
    const layers = [...view.element.querySelectorAll('svg[data-layer]')].map((svg) => svg.getAttribute('data-layer'));
    expect(layers).toEqual(m.layers.map((layer) => layer.name));
    expect(view.element.querySelector('.weight-histograms figcaption')!.textContent).toContain('at epoch 4');
    m.dispose();
  });

  it('shows no unit pictures when the first layer does not read the image’s pixels', () => {
    const m = model();
    const view = weightsView(4, messages('en').figures); // 4×4×3 = 48 inputs, the layer has 12
    view.finish(m, 1, 'notebook');
    expect((view.element.querySelector('.unit-pictures') as HTMLElement).hidden).toBe(true);
    expect(view.element.querySelectorAll('svg[data-layer]')).toHaveLength(2);
    m.dispose();
  });
});
