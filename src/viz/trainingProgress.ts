import type { BatchProgress, EpochLogs } from '../ml/train';
import { TrainingClock } from '../ml/trainingClock';
import { historyFigure, type HistoryFigureOptions } from './historyFigure';
import type { Messages } from '../i18n';

/** A live training panel: progress bar with epoch, batch, elapsed time, ETA and throughput, and curves redrawn every epoch. */
export interface TrainingProgressView {
  element: HTMLElement;
  batch(progress: BatchProgress): void;
  epoch(epochs: readonly EpochLogs[]): void;
  finish(message: string): void;
  /** Training images per second so far (first batch excluded), once known. */
  samplesPerSecond(): number | undefined;
}

export interface TrainingProgressOptions {
  /** The page's words: the status line's (`context.t.training`) and the curves' (`context.t.curves`). */
  words: { training: Messages['training']; curves: Messages['curves'] };
  totalEpochs: number;
  batchesPerEpoch: number;
  /** An estimate of the whole run from earlier runs on this device, shown until the run's own batches give one. */
  estimatedMs?: number;
  document?: Document;
  now?: () => number;
  /** The cell's reference band, drawn under the live curves (src/viz/referenceBand.ts). */
  reference?: HistoryFigureOptions['reference'];
}

// The page is redrawn for what changed, on the training thread: the status line is written at most
// this often (and at each epoch's first and last batch), the curves at most this often (or ten times what
// their last redraw took), the rest at the end. Per batch, they cost ~20 % of a 64×64 run.
const STATUS_EVERY_MS = 250;
const FIGURE_EVERY_MS = 1000;

export function trainingProgress({ words, totalEpochs, batchesPerEpoch, estimatedMs, document: doc = document, now = () => performance.now(), reference }: TrainingProgressOptions): TrainingProgressView {
  const t = words.training;
  const clock = new TrainingClock(totalEpochs, batchesPerEpoch, now);
  const element = doc.createElement('div');
  element.className = 'training-progress';
  element.setAttribute('data-training-progress', '');
  const bar = doc.createElement('progress');
  bar.max = 1;
  bar.value = 0;
  bar.setAttribute('aria-label', t.progressLabel);
  const status = doc.createElement('p');
  status.className = 'training-status';
  status.setAttribute('data-training-status', '');
  status.textContent = t.starting(totalEpochs, estimatedMs === undefined ? undefined : formatDuration(estimatedMs));
  const figureSlot = doc.createElement('div');
  figureSlot.className = 'training-figure';
  element.append(bar, status, figureSlot);
  let lastEpoch = 0;
  let statusWritten = -Infinity;
  let figureDrawn = -Infinity;
  let figureCostMs = 0;
  let pendingEpochs: readonly EpochLogs[] | undefined;
  const drawFigure = (epochs: readonly EpochLogs[]) => {
    const started = now();
    figureSlot.replaceChildren(historyFigure(epochs, { words: words.curves, totalEpochs, document: doc, reference }));
    figureDrawn = now();
    figureCostMs = figureDrawn - started;
    pendingEpochs = undefined;
  };
  // The reference band is there from the start: the reader sees where the runs went before their first epoch ends.
  if (reference) drawFigure([]);

  return {
    element,
    batch(progress) {
      clock.batchEnded(progress.epoch, progress.batch, progress.samples);
      const time = now();
      const edge = progress.batch === 1 || progress.batch === progress.batches;
      if (!edge && time - statusWritten < STATUS_EVERY_MS) return;
      statusWritten = time;
      const done = (progress.epoch - 1) * progress.batches + progress.batch;
      bar.value = done / (progress.epochs * progress.batches);
      const remaining = clock.remainingMs();
      const rate = clock.samplesPerSecond();
      const eta = remaining !== undefined ? t.eta(formatDuration(remaining)) : estimatedMs !== undefined ? t.etaAbout(formatDuration(Math.max(0, estimatedMs - progress.elapsed))) : t.etaMeasuring;
      status.textContent = t.batchStatus({
        epoch: progress.epoch, epochs: progress.epochs, batch: progress.batch, batches: progress.batches,
        loss: progress.loss.toFixed(4), elapsed: formatDuration(progress.elapsed), eta, rate: rate === undefined ? undefined : formatRate(rate),
      });
    },
    epoch(epochs) {
      lastEpoch = epochs.length;
      clock.epochEnded(lastEpoch);
      if (lastEpoch === 1 || lastEpoch === totalEpochs || now() - figureDrawn >= Math.max(FIGURE_EVERY_MS, 10 * figureCostMs)) drawFigure(epochs);
      else pendingEpochs = [...epochs];
    },
    finish(message) {
      if (pendingEpochs) drawFigure(pendingEpochs);
      status.textContent = message;
      element.setAttribute('data-finished', '');
    },
    samplesPerSecond: () => clock.samplesPerSecond(),
  };
}

export function formatRate(samplesPerSecond: number): string {
  return samplesPerSecond >= 100 ? Math.round(samplesPerSecond).toLocaleString('en-US') : samplesPerSecond.toFixed(1);
}

export function formatDuration(milliseconds: number): string {
  if (!Number.isFinite(milliseconds)) return '…';
  const seconds = Math.round(milliseconds / 1000);
  const minutes = Math.floor(seconds / 60);
  return minutes >= 60
    ? `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`
    : `${minutes}:${String(seconds % 60).padStart(2, '0')}`;
}
