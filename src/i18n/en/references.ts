/** Reference bands of the training figures (issue 16): several seeded runs made when the course was built. */
export const references = {
  label: (runs: number, dataset: string) => `Reference: ${runs} runs made when the course was built, ${dataset}`,
  defaultDataset: 'default dataset',
  capped: (epochs: number) => ` (training capped at ${epochs} epochs)`,
  explain: 'Shaded: from the lowest to the highest of the runs, epoch by epoch; dashed: their median. Run the cell to draw your own run over it.',
  final: (what: string, low: string, high: string, median: string, epochs: string) => `Final ${what}: ${low} to ${high} (median ${median}) after ${epochs} epochs.`,
  validationAccuracy: 'validation accuracy',
  trainingAccuracy: 'training accuracy',
  behindRun: (runs: number) => `Behind your run: the band and dashed median of the ${runs} reference runs. A curve inside the band is seed-to-seed noise; outside it is a real difference.`,
  cellsChanged: 'Stale: the lesson’s cells differ from those this reference was made from (other than the seed); run `npm run references` to make it again.',
  otherDataset: 'This reference is for the default dataset; run `npm run references` for yours.',
  edited: 'You edited a cell of this lesson: this reference was made from its cells as published. Run the cell to see whether it still applies.',
  chart: (metric: string, runs: number) => `${metric} per epoch: band and median of ${runs} reference runs, training and validation`,
};
