/** The dropout mask viewer (src/viz/dropoutMaskViewer.ts). */
export const dropout = {
  step: (n: number) => `step ${n}`,
  inference: 'inference',
  states: { kept: 'kept', dropped: 'dropped' },
  unit: (unit: number, state: string) => `unit ${unit}: ${state}`,
  chartLabel: (units: number, layer: string, steps: number) => `which of the ${units} units of ${layer} were dropped on ${steps} training steps, and at inference`,
  columns: ['units dropped (whole batch)', 'kept units scaled by', 'changed since the previous step (first image)'],
  trainingStep: (n: number) => `training step ${n}`,
  changedUnits: (changed: number, units: number) => `${changed} of ${units} units`,
  unchanged: '×1.00 (unchanged)',
  changedBy: (amount: string) => `changed by up to ${amount}`,
  caption: ({ layer, rate, steps, batch, dropped, asked, scale, atInference, unchanged }: { layer: string; rate: number; steps: number; batch: number; dropped: string; asked: string; scale: string; atInference: string; unchanged: boolean }) =>
    `${layer}, rate ${rate}: on ${steps} training steps of ${batch} images, ${dropped} of the units were dropped (the rate asks for ${asked}), ` +
    `a new random set every step. The kept units were multiplied by ${scale} = 1 / (1 − ${rate}) (inverted dropout), so the next layer receives the same total on average. ` +
    `At inference the layer drops ${atInference} and ${unchanged ? 'passes every activation through unchanged' : 'changes activations'}.`,
};
