/** The training curves' words: axes, legends and captions of the history and early-stopping figures (src/viz/epochCharts.ts and the figures built on it). */
export const curves = {
  epoch: 'epoch',
  metrics: { loss: 'loss', accuracy: 'accuracy' },
  accuracyAxis: 'accuracy',
  lossAxis: 'loss (binary cross-entropy)',
  lossWithPenaltyAxis: 'loss (binary cross-entropy + weight penalty)',
  series: { training: 'training', validation: 'validation' },
  /** The legend's label when both losses include the weight penalty. */
  withPenalty: (series: string) => `${series} loss + weight penalty`,
  /** The charts' aria-labels. */
  perEpoch: (metric: string) => `${metric} per epoch, training and validation`,
  perEpochEarlyStopping: (metric: string) => `${metric} per epoch with early stopping`,
  noEpochYet: 'No epoch has finished yet.',
  /** "After 9 epochs: training accuracy 91.0 %, validation accuracy 64.0 %.", then what the overfitting marker says. */
  after: (epochs: number, training: string, validation: string | undefined, note: string | undefined) =>
    `After ${epochs} epoch${epochs === 1 ? '' : 's'}: training accuracy ${training}` + (validation === undefined ? '' : `, validation accuracy ${validation}`) + `.${note ? ` ${note}` : ''}`,
  stopsImproving: (epoch: number) => `validation loss stops improving (epoch ${epoch})`,
  /** The overfitting marker's sentence, by whether patience ran out ({@link overfittingSentence}). */
  stoppedImproving: ({ minDelta, patience, best, after }: { minDelta: number; patience: number; best: number; after: number }) =>
    `Validation loss last fell by more than ${minDelta} at epoch ${best} and not in the ${after} epochs after it (the rule of early stopping: min delta ${minDelta}, patience ${patience}). ` +
    'The shaded epochs fit the training images better and the validation images no better: overfitting.',
  stillImproving: ({ minDelta, patience, best }: { minDelta: number; patience: number; best: number }) =>
    `Validation loss is still improving: it fell by more than ${minDelta} in the last epoch, ${best} (the rule of early stopping: min delta ${minDelta}, patience ${patience}), so no epoch is marked as the start of overfitting.`,
  notYet: ({ minDelta, patience, best, after }: { minDelta: number; patience: number; best: number; after: number }) =>
    `Validation loss last fell by more than ${minDelta} at epoch ${best}; only ${after} epoch${after === 1 ? ' has' : 's have'} followed, fewer than the patience of ${patience} ` +
    `(the rule of early stopping: min delta ${minDelta}, patience ${patience}), so no epoch is marked as the start of overfitting yet.`,
  lowestNote: ({ lowest, lowestEpoch, minDelta, best, bestValue }: { lowest: string; lowestEpoch: number; minDelta: number; best: number; bestValue: string }) =>
    ` (Its lowest value, ${lowest} at epoch ${lowestEpoch}, was less than ${minDelta} below epoch ${best}'s ${bestValue}, so it does not count as an improvement.)`,
  // Early stopping (src/viz/earlyStoppingFigure.ts).
  overfitting: 'overfitting',
  stoppedAt: (epoch: number) => `stopped at epoch ${epoch}`,
  ranAll: (epochs: number) => `ran all ${epochs} epochs`,
  bestMark: (monitor: string, epoch: number, restored: boolean) => `best ${monitor} (epoch ${epoch})${restored ? ': weights restored' : ''}`,
  rule: ({ monitor, minDelta, patience, baseline }: { monitor: string; minDelta: number; patience: number; baseline?: number }, reason: string) =>
    `EarlyStopping(${monitor}, min delta ${minDelta}, patience ${patience}${baseline === undefined ? '' : `, baseline ${baseline}`}): ${reason}.`,
  /** Sentences of a caption, one after the other (spaced in English, not in Chinese). */
  sentences: (parts: string[]) => parts.join(' '),
  /** Why training stopped or did not, as src/ml/earlyStopping.ts's reason() says it in English. */
  stoppedBecause: ({ epoch, monitor, decrease, minDelta, wait, baseline }: { epoch: number; monitor: string; decrease: boolean; minDelta: number; wait: number; baseline?: number }) =>
    `stopped after epoch ${epoch}: no ${decrease ? 'decrease' : 'increase'} of ${monitor}${minDelta > 0 ? ` by more than ${minDelta}` : ''} for ${wait} epoch${wait === 1 ? '' : 's'}` +
    (baseline === undefined ? '' : ` (never beat the baseline ${baseline})`),
  noEpochFinished: 'no epoch has finished',
  didNotStop: (epochs: number, wait: number, patience: number) => `did not stop: ran all ${epochs} epochs; ${wait} of ${patience} epochs of patience used`,
  ended: (how: string, training: string, validation: string | undefined) =>
    `${how[0]!.toUpperCase()}${how.slice(1)}: training accuracy ${training}` + (validation === undefined ? '' : `, validation accuracy ${validation}`) + '.',
  best: (monitor: string, value: string, epoch: number) => `Best ${monitor} ${value} at epoch ${epoch}.`,
  bestUnderMinDelta: ({ monitor, value, epoch, minDelta, highest, extreme, extremeEpoch }: { monitor: string; value: string; epoch: number; minDelta: number; highest: boolean; extreme: string; extremeEpoch: number }) =>
    `Best ${monitor} ${value} at epoch ${epoch}: the last epoch that beat the best before it by more than the min delta ${minDelta}. ` +
    `The ${highest ? 'highest' : 'lowest'} ${monitor}, ${extreme} at epoch ${extremeEpoch}, beat it by less than ${minDelta}, which early stopping does not count as an improvement, so epoch ${epoch} stays the best.`,
  shaded: (after: number, monitor: string, minDelta: number) =>
    `Shaded: the ${after} epoch${after === 1 ? '' : 's'} after it, in which ${monitor} did not improve by more than ${minDelta}: overfitting had begun.`,
  restoredLast: (epoch: number) => `The model holds the weights of epoch ${epoch}, which is also its last epoch: restoring changed nothing.`,
  // Runs compared on the same axes (src/viz/comparisonFigure.ts).
  perEpochOf: (metric: string, runs: string) => `${metric} per epoch of ${runs}`,
  runStopped: (run: string, epoch: number) => `${run}: stopped at epoch ${epoch}`,
  runPoint: (run: string, series: string, epoch: number, value: string) => `${run}, ${series}, epoch ${epoch}: ${value}`,
  comparisonKey: (several: boolean) => `Solid: validation; dashed: training${several ? '; the earlier runs are the wider, paler lines underneath' : ''}.`,
  runNoEpochs: (run: string) => `${run}: no epochs.`,
  runSummary: ({ run, stoppedEarly, epochs, training, validation }: { run: string; stoppedEarly: boolean; epochs: number; training: string; validation: string | undefined }) =>
    `${run}: ${stoppedEarly ? 'stopped early after ' : ''}${epochs} epoch${epochs === 1 ? '' : 's'}, training accuracy ${training}` + (validation === undefined ? '' : `, validation accuracy ${validation}`) + '.',
  // Runs recorded in this browser (src/viz/runComparison.ts, compareRuns()).
  runsEmpty: 'No training run has been recorded in this browser yet: train a model in any lesson, then run this cell again.',
  runsCleared: 'The record of training runs in this browser is now empty.',
  validationLoss: 'validation loss',
  validationAccuracy: 'validation accuracy',
  runsTable: (count: number) => `${count} training run${count === 1 ? '' : 's'} recorded in this browser, oldest first`,
  runColumns: { run: 'run', model: 'model', epochs: 'epochs', bestValidation: 'best validation accuracy', finalValidation: 'final validation accuracy', finalTraining: 'final training accuracy', finished: 'finished' },
  augmented: 'augmented',
  epochsOf: (run: number, asked: number, stopped: string | undefined) => `${run} of ${asked}${stopped === undefined ? '' : ` (${stopped})`}`,
  stopReasons: { 'stopped by the reader': 'stopped by the reader', 'stopped by a callback': 'stopped by a callback' },
  atEpoch: (value: string, epoch: number) => `${value} (epoch ${epoch})`,
  /** The locale of the dates in the table. */
  dateLocale: 'en-GB',
  restored: (epoch: number, last: number) => `The model now holds the weights of epoch ${epoch}, not those of the last epoch (${last}).`,
};
