import type { BatchProgress, EpochLogs } from '../ml/train';
import { historyFigure } from './historyFigure';

/** A live training panel: progress bar with epoch, batch, elapsed time and ETA, and curves redrawn every epoch. */
export interface TrainingProgressView {
  element: HTMLElement;
  batch(progress: BatchProgress): void;
  epoch(epochs: readonly EpochLogs[]): void;
  finish(message: string): void;
}

export function trainingProgress(totalEpochs: number, doc: Document = document): TrainingProgressView {
  const element = doc.createElement('div');
  element.className = 'training-progress';
  element.setAttribute('data-training-progress', '');
  const bar = doc.createElement('progress');
  bar.max = 1;
  bar.value = 0;
  bar.setAttribute('aria-label', 'Training progress');
  const status = doc.createElement('p');
  status.className = 'training-status';
  status.setAttribute('data-training-status', '');
  status.textContent = `Epoch 0/${totalEpochs}: starting…`;
  const figureSlot = doc.createElement('div');
  figureSlot.className = 'training-figure';
  element.append(bar, status, figureSlot);

  return {
    element,
    batch(progress) {
      const done = (progress.epoch - 1) * progress.batches + progress.batch;
      const total = progress.epochs * progress.batches;
      bar.value = done / total;
      const remaining = (progress.elapsed / done) * (total - done);
      status.textContent =
        `Epoch ${progress.epoch}/${progress.epochs} · batch ${progress.batch}/${progress.batches} · ` +
        `loss ${progress.loss.toFixed(4)} · elapsed ${formatDuration(progress.elapsed)} · ETA ${formatDuration(remaining)}`;
    },
    epoch(epochs) {
      figureSlot.replaceChildren(historyFigure(epochs, { totalEpochs, document: doc }));
    },
    finish(message) {
      status.textContent = message;
      element.setAttribute('data-finished', '');
    },
  };
}

export function formatDuration(milliseconds: number): string {
  if (!Number.isFinite(milliseconds)) return '…';
  const seconds = Math.round(milliseconds / 1000);
  const minutes = Math.floor(seconds / 60);
  return minutes >= 60
    ? `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`
    : `${minutes}:${String(seconds % 60).padStart(2, '0')}`;
}
