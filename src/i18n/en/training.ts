/** What the lesson library prints about a training run, beside its curves. */
export const training = {
  /** The two classes, by label: 0 and 1. */
  classNames: ['non-emergency', 'emergency'] as [string, string],
  /** The live progress line under the bar (src/viz/trainingProgress.ts). */
  progressLabel: 'Training progress',
  starting: (epochs: number, expected: string | undefined) =>
    `Epoch 0/${epochs}: starting…` + (expected === undefined ? '' : ` · expected to take about ${expected} (measured on this device before)`),
  batchStatus: ({ epoch, epochs, batch, batches, loss, elapsed, eta, rate }: { epoch: number; epochs: number; batch: number; batches: number; loss: string; elapsed: string; eta: string; rate: string | undefined }) =>
    `Epoch ${epoch}/${epochs} · batch ${batch}/${batches} · loss ${loss} · elapsed ${elapsed} · ${eta}` + (rate === undefined ? '' : ` · ${rate} images/s`),
  eta: (remaining: string) => `ETA ${remaining}`,
  etaAbout: (remaining: string) => `ETA about ${remaining}`,
  etaMeasuring: 'ETA: measuring…',
  /** The line once training ended: how, how long, the last epoch's accuracies, the speed and where it was measured. */
  finished: ({ how, epochs, duration, training, validation, rate, backend, coursePath }: { how: 'completed' | 'stopped by the reader' | 'stopped by a callback'; epochs: number; duration: string; training?: string; validation?: string; rate?: string; backend: string; coursePath: boolean }) =>
    `${how === 'completed' ? 'Finished' : `Training ${how}`}: ${epochs} epoch${epochs === 1 ? '' : 's'} in ${duration}` +
    (training === undefined ? '' : ` · training accuracy ${training}` + (validation === undefined ? '' : ` · validation accuracy ${validation}`)) +
    (rate === undefined ? '' : ` · ${rate} images/s (${backend}${coursePath ? ', course training path' : ''})`),
  /** ?maxEpochs=N in the page's address. */
  epochsLimited: (limit: number, asked: number) => `This page limits training to ${limit} epochs (?maxEpochs=${limit} in its address); the cell asked for ${asked}.`,
  /** Validation accuracy sat at the majority class's share: the network answered that class for every image. */
  majorityPlateau: ({ from, to, rate, majority, minority }: { from: number; to: number; rate: string; majority: string; minority: string }) =>
    `${from === to ? `In epoch ${from}` : `From epoch ${from} to ${to}`} validation accuracy stayed at ${rate}, the share of ${majority} images in the validation set: ` +
    `the network answered "${majority}" for every image. That is where a network starts when the class balance is the only pattern it has found yet — ` +
    `answering the larger class is right ${rate} of the time, and the loss rewards it before the first layer has learned any feature of ${minority} vehicles. ` +
    'It usually ends by itself: keep training. A larger learning rate, batch normalization or inputs scaled to mean 0 get the network off it sooner.',
};
