/** The batch-norm panel (src/viz/batchNormPanel.ts, src/lessonKit/techniques/batchNorm.ts). */
export const batchNorm = {
  beforeTraining: 'before training',
  afterEpoch: (epoch: number) => `after epoch ${epoch}`,
  atBatch: (epoch: number, batch: number) => `at epoch ${epoch}, batch ${batch}`,
  afterTraining: (epochs: number) => `after training (${epochs} epoch${epochs === 1 ? '' : 's'})`,
  waiting: 'The batch-norm panel appears after the first update.',
  heading: (layer: string, when: string | undefined, units: number, images: number) => `${layer}${when ? ` ${when}` : ''}: ${units} units, statistics of a batch of ${images} training images.`,
  unit: 'unit',
  series: { batchMean: 'batch mean', movingMean: 'moving mean', batchVariance: 'batch variance', movingVariance: 'moving variance', gamma: 'gamma (scale)', beta: 'beta (shift)' },
  axes: { mean: 'mean of the input', variance: 'variance of the input', learned: 'learned value', activations: 'activations', before: 'activation before batch norm (sigmoid output)', after: 'activation after batch norm (training mode)', batches: 'training batches', average: 'average over units' },
  perUnit: (what: string, units: number) => `${what} of each of the ${units} units`,
  histogramLabel: (entering: boolean) => `histogram of the activations ${entering ? 'entering' : 'leaving'} the layer`,
  gaps: { mean: '|batch − moving| mean', variance: '|batch − moving| variance' },
  traceLabel: 'how far the moving statistics are from the batch statistics, over training',
  summary: ({ before, beforeSpread, after, afterSpread, gamma, beta }: { before: string; beforeSpread: string; after: string; afterSpread: string; gamma: string; beta: string }) =>
    `Before: activations average ${before} (spread ${beforeSpread}); after: ${after} (spread ${afterSpread}). Gamma averages ${gamma}, beta ${beta}.`,
  smallVariance: (median: string, epsilon: number) =>
    ` Most units vary little over the batch (median variance ${median}), not much more than epsilon (${epsilon}), which is added to the variance before dividing: their normalized spread stays below 1.`,
  movingGap: (mean: string, variance: string, batches: number) => ` Moving statistics differ from this batch's by ${mean} (mean) and ${variance} (variance) on average, after ${batches} batches.`,
};
