// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { augmentationGallery, pixelHash, type GalleryRow } from '../../src/viz/augmentationGallery';
import { checkpointFigure, checkpointList } from '../../src/viz/checkpointList';
import { runComparison } from '../../src/viz/runComparison';
import type { RunRecord } from '../../src/ml/runLog';
import type { EpochLogs } from '../../src/ml/train';
import { createRandom } from '../../src/lib/random';
import { expectSnapshot } from './snapshot';
import * as en from '../../src/i18n/en';

const image = (value: number) => Uint8Array.from({ length: 2 * 2 * 3 }, (_, i) => (value + i) % 256);

describe('augmentationGallery', () => {
  const rows: GalleryRow[] = [
    { id: 'original', title: 'Original', render: () => [image(0), image(100)] },
    {
      id: 'brighten', title: 'Brighten', note: 'Adds to every byte.',
      controls: [{ id: 'amount', label: 'Amount', min: 0, max: 50, step: 5, value: 10, unit: ' levels' }],
      render: ({ amount }) => [image(amount!), image(100 + amount!)],
    },
    { id: 'random', title: 'Random, as in training', redrawLabel: 'Draw again', render: (() => { let n = 0; return () => [image(++n), image(++n)]; })() },
  ];
  const images = [{ name: '1.jpg', label: 'emergency', rgb: image(0) }, { name: '2.jpg', label: 'non-emergency', rgb: image(100) }];

  it('draws every row with labelled sliders, and matches its snapshot', () => {
    const gallery = augmentationGallery(images, rows, { size: 2 });
    expect([...gallery.querySelectorAll('[data-augmentation]')].map((row) => row.querySelector('legend')!.textContent)).toEqual(['Original', 'Brighten', 'Random, as in training']);
    const slider = gallery.querySelector<HTMLInputElement>('input[type="range"][data-control="amount"]')!;
    expect(slider.closest('label')!.textContent).toBe('Amount10 levels');
    expect(slider.getAttribute('aria-valuetext')).toBe('10 levels');
    expectSnapshot(gallery, 'augmentation-gallery');
  });

  it('redraws a row when its slider moves or its button is pressed', () => {
    const gallery = augmentationGallery(images, rows, { size: 2 });
    const row = gallery.querySelector('[data-augmentation="brighten"]')!;
    const canvas = row.querySelector('canvas')!;
    expect(canvas.getAttribute('data-pixels')).toBe(pixelHash(image(10)));
    const slider = row.querySelector<HTMLInputElement>('input')!;
    slider.value = '35';
    slider.dispatchEvent(new Event('input'));
    expect(canvas.getAttribute('data-pixels')).toBe(pixelHash(image(35)));
    expect(row.querySelector('output')!.textContent).toBe('35 levels');
    expect(canvas.getAttribute('aria-label')).toBe('1.jpg (emergency), brighten: amount 35 levels');
    const random = gallery.querySelector('[data-augmentation="random"]')!;
    const before = random.querySelector('canvas')!.getAttribute('data-pixels');
    random.querySelector('button')!.click();
    expect(random.querySelector('canvas')!.getAttribute('data-pixels')).not.toBe(before);
  });
});

describe('checkpoint views', () => {
  const checkpoints = [
    { name: 'best_weights', lesson: '06-checkpointing', epoch: 48, monitor: 'val_acc' as const, value: 0.724, savedAt: Date.UTC(2026, 2, 1, 9, 30) },
    { name: 'epoch-10', lesson: '07-all-together', epoch: 10, monitor: 'val_loss' as const, value: 0.55123, savedAt: Date.UTC(2026, 1, 1, 9, 30) },
  ];

  it('lists name, lesson, epoch, monitored value and date, with a button per action', async () => {
    const ran: string[] = [];
    const table = checkpointList(checkpoints, { words: en.checkpoints, timeZone: 'UTC', actions: [{ label: 'Restore', run: (name) => { ran.push(name); return 'restored'; } }] });
    expect(table.querySelector('caption')!.textContent).toBe('2 checkpoints saved in this browser (IndexedDB), newest first');
    const cells = [...table.querySelectorAll('tr[data-checkpoint="best_weights"] > *')].map((cell) => cell.textContent);
    expect(cells.slice(0, 4)).toEqual(['best_weights', '06-checkpointing', '48', 'validation accuracy 72.4 %']);
    table.querySelector<HTMLButtonElement>('button[aria-label="Restore epoch-10"]')!.click();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(ran).toEqual(['epoch-10']);
    expect(table.querySelector('tr[data-checkpoint="epoch-10"] [role="status"]')!.textContent).toBe('restored');
    expectSnapshot(checkpointList(checkpoints, { words: en.checkpoints, timeZone: 'UTC' }), 'checkpoint-list');
    expect(checkpointList([], { words: en.checkpoints }).querySelector('caption')!.textContent).toBe('No checkpoint is saved in this browser yet.');
  });

  it('marks the best epoch (what the checkpoint holds) against the last', () => {
    const epochs: EpochLogs[] = [0.6, 0.68, 0.7, 0.66, 0.69, 0.67].map((valAcc, i) => ({ epoch: i + 1, loss: 0.6, acc: 0.7, val_loss: 0.6, val_acc: valAcc }));
    const saves = [{ epoch: 1, value: 0.6, name: 'best' }, { epoch: 2, value: 0.68, name: 'best' }, { epoch: 3, value: 0.7, name: 'best' }];
    const figure = checkpointFigure(epochs, { words: en.checkpoints, curves: en.curves, monitor: 'val_acc', saves });
    expect(figure.querySelectorAll('g[aria-label="dot"] circle')).toHaveLength(3);
    expect(figure.textContent).toContain('checkpoint: epoch 3');
    expect(figure.textContent).toContain('last: epoch 6');
    expect(figure.querySelector('figcaption')!.textContent).toBe('3 saves (green dots). The checkpoint holds epoch 3 (validation accuracy 70.0 %); training ended at epoch 6 with 67.0 %.');
    expectSnapshot(figure, 'checkpoint-figure');
  });

  it('writes the checkpoint label on the side with room, so the frame does not cut it off', () => {
    const epochs: EpochLogs[] = [0.6, 0.65, 0.7].map((valAcc, i) => ({ epoch: i + 1, loss: 0.6, acc: 0.7, val_loss: 0.6, val_acc: valAcc }));
    const label = (saves: { epoch: number; value: number; name: string }[]) =>
      [...checkpointFigure(epochs, { words: en.checkpoints, curves: en.curves, monitor: 'val_acc', saves }).querySelectorAll('text')].find((text) => text.textContent?.startsWith('checkpoint: epoch'))!;
    // Saved at the last epoch (the right edge): the label ends at the marker; early on it starts there.
    expect(label([{ epoch: 3, value: 0.7, name: 'best' }]).closest('[text-anchor]')!.getAttribute('text-anchor')).toBe('end');
    expect(label([{ epoch: 1, value: 0.6, name: 'best' }]).closest('[text-anchor]')!.getAttribute('text-anchor')).toBe('start');
  });
});

describe('runComparison', () => {
  const random = createRandom(3);
  const record = (label: string, lesson: string, epochs: number, peak: number, finishedAt: number): RunRecord => ({
    id: label, label, lesson, finishedAt, elapsedMs: 60_000, stopReason: epochs < 10 ? 'stopped by a callback' : 'completed',
    settings: { epochsAsked: 10, batchSize: 128, trainingImages: 1646, validationImages: 706, resolution: 64, layers: 'dense 100 sigmoid → dense 1 sigmoid', augmented: lesson === '05-augmentation', callbacks: epochs < 10 ? ['early stopping'] : [] },
    epochs: Array.from({ length: epochs }, (_, i) => ({
      epoch: i + 1, loss: Math.round((0.7 - 0.04 * i) * 100) / 100, acc: Math.round((0.55 + 0.04 * i) * 100) / 100,
      val_loss: Math.round((0.69 - 0.02 * i + random.uniform(0, 0.02)) * 100) / 100, val_acc: Math.round(Math.min(peak, 0.55 + 0.03 * i) * 100) / 100,
    })),
  });
  const runs = [record('MLP', '01-baseline', 10, 0.71, Date.UTC(2026, 0, 1)), record('MLP + early stopping (patience 5)', '02-early-stopping', 6, 0.7, Date.UTC(2026, 0, 2)), record('MLP + augmentation', '05-augmentation', 10, 0.72, Date.UTC(2026, 0, 3))];

  it('overlays validation loss and accuracy of every run and tabulates them', () => {
    const figure = runComparison(runs, { words: en.curves, timeZone: 'UTC' });
    expect([...figure.querySelectorAll('[data-metric]')].map((chart) => chart.getAttribute('data-metric'))).toEqual(['val_loss', 'val_acc']);
    expect(figure.querySelectorAll('[data-metric="val_acc"] g[aria-label="line"] path')).toHaveLength(3);
    const rows = [...figure.querySelectorAll('table[data-figure="run-table"] tr[data-run]')].map((row) => [...row.children].map((cell) => cell.textContent));
    // Named by what the run was; the lesson is the secondary label under the name.
    expect(rows.map((row) => row[0])).toEqual(['MLP01-baseline', 'MLP + early stopping (patience 5)02-early-stopping', 'MLP + augmentation05-augmentation']);
    expect([...figure.querySelectorAll('tr[data-run] .run-lesson')].map((span) => span.textContent)).toEqual(['01-baseline', '02-early-stopping', '05-augmentation']);
    expect(rows[1]!.slice(1)).toEqual(['dense 100 sigmoid → dense 1 sigmoid · early stopping', '6 of 10 (stopped by a callback)', '70.0 % (epoch 6)', '70.0 %', '75.0 %', '2 Jan 2026, 00:00']);
    expect(rows[2]![1]).toBe('dense 100 sigmoid → dense 1 sigmoid · augmented');
    expectSnapshot(figure, 'run-comparison');
  });

  it('says how to get runs when none is recorded', () => {
    expect(runComparison([], { words: en.curves }).textContent).toMatch(/^No training run has been recorded in this browser yet/);
  });
});
