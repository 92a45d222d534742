/** Errors the lesson library explains in the lesson's words (src/lessonKit/shapeErrors.ts) and the kernel's notices after one. */
export const errors = {
  numbersPerImage: (numbers: number, side: number) => `${numbers} numbers per image (${side}×${side}×3)`,
  numbersPerExample: (numbers: number) => `${numbers} numbers per example`,
  mismatch: (expected: string, actual: number, actualSide: number | undefined) => `the model expects ${expected} but the data has ${actual}${actualSide ? ` (${actualSide}×${actualSide}×3)` : ''}`,
  loadAt: (wanted: number) => `load the data with loadDataset({ resolution: ${wanted} }), or rebuild the model with inputShape: [data.featureCount] and train it again`,
  rebuild: 'rebuild the model with inputShape: [data.featureCount] and train it again',
  resolutionMismatch: (what: string, got: number, wanted: number, fix: string) => `${what}: the images were loaded at resolution ${got}, the model was built for ${wanted}×${wanted} — ${fix}`,
  layerMismatch: (what: string) => `${what}: a layer's input size does not match what comes before it — check inputShape and the previous layer's units`,
  /** The explanation first, TF.js's own message after. */
  withEngineMessage: (explanation: string, message: string) => `${explanation}. (TF.js: ${message})`,
  backendRestarted: 'TensorFlow.js could not go on after running out of memory and was restarted: the tensors and models made before are gone, so run the cells from the top again.',
};
