/** evaluate()'s report (src/lessonKit/evaluation/evaluationReport.ts). */
export const evaluation = {
  /** The names cells give their sets (`evaluate(model, validation, { name: 'Validation' })`), as the page says them. */
  setNames: { Training: 'Training', Validation: 'Validation' } as Record<string, string>,
  accuracy: (set: string, percent: string) => `${set} accuracy: ${percent}`,
  detail: (images: number, loss: string) => ` (${images} images, loss ${loss})`,
};
