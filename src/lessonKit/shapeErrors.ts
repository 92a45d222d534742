/**
 * TF.js's shape mismatches said in the lesson's words. The course's models read images as rows of
 * size×size×3 numbers, so a mismatch is almost always a model built for one resolution fed images
 * loaded at another: the explanation names both sizes and the resolution the data was loaded at.
 */

import type { Messages } from '../i18n';

/** Resolutions loadDataset offers. */
const RESOLUTIONS = [32, 64, 224];

interface Mismatch {
  /** Numbers per example the model (or layer) expects, and what it got. */
  expected: number;
  actual: number;
}

const PATTERNS: Array<{ pattern: RegExp; read: (match: RegExpExecArray) => Mismatch }> = [
  // model.fit / predict / evaluate: "expected dense_Dense1_input to have shape [null,12288] but got array with shape [128,3072]"
  { pattern: /expected \S+ to have shape \[null,(\d+)\] but got array with shape \[\d+,(\d+)\]/, read: (m) => ({ expected: Number(m[1]), actual: Number(m[2]) }) },
  // A layer called on the wrong width: "expected axis -1 of input shape to have value 12288 but got shape 128,3072"
  { pattern: /expected axis -1 of input shape to have value (\d+) but got shape (?:[\d,]*,)?(\d+)\b/, read: (m) => ({ expected: Number(m[1]), actual: Number(m[2]) }) },
  // The course's fit: "the model expects 12288 inputs per image but the data has 3072 (32×32×3)…"
  { pattern: /the model expects (\d+) inputs per image but the data has (\d+)/, read: (m) => ({ expected: Number(m[1]), actual: Number(m[2]) }) },
  // A matrix product: "inner shapes (3072) and (12288) of Tensors with shapes 128,3072 and 12288,100 … must match"
  { pattern: /inner shapes \((\d+)\) and \((\d+)\) of Tensors/, read: (m) => ({ expected: Number(m[2]), actual: Number(m[1]) }) },
];

/** The side of a square RGB image of `numbers` values, if it is one. */
function imageSide(numbers: number): number | undefined {
  const side = Math.round(Math.sqrt(numbers / 3));
  return side > 0 && side * side * 3 === numbers ? side : undefined;
}

const asImage = (numbers: number, words: Messages['errors']) => {
  const side = imageSide(numbers);
  return side ? words.numbersPerImage(numbers, side) : words.numbersPerExample(numbers);
};

/**
 * An explanation of a shape mismatch in `message`, or undefined when it is not one. E.g. "the model
 * expects 12288 numbers per image (64×64×3) but the data has 3072 (32×32×3): the images were loaded at
 * resolution 32".
 */
export function explainShapeMismatch(message: string, words: Messages['errors']): string | undefined {
  for (const { pattern, read } of PATTERNS) {
    const match = pattern.exec(message);
    if (!match) continue;
    const { expected, actual } = read(match);
    const wanted = imageSide(expected);
    const got = imageSide(actual);
    const what = words.mismatch(asImage(expected, words), actual, got);
    if (wanted && got && RESOLUTIONS.includes(got)) {
      return words.resolutionMismatch(what, got, wanted, RESOLUTIONS.includes(wanted) ? words.loadAt(wanted) : words.rebuild);
    }
    return words.layerMismatch(what);
  }
  return undefined;
}
