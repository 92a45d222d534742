export interface AdamHyperparameters {
  learningRate: number;
  beta1: number;
  beta2: number;
  epsilon: number;
  /** 1 − β1ᵗ and 1 − β2ᵗ for this step (TF.js keeps βᵗ in `accBeta1`/`accBeta2`). */
  biasCorrection1: number;
  biasCorrection2: number;
}

/**
 * One Adam step over a flat parameter array, in a single pass: the same formula as
 * TF.js's AdamOptimizer (moments, bias correction, ε added after the square root),
 * which there takes eleven element-wise ops, each a full read and write of the array.
 */
export function adamUpdate(
  value: Float32Array,
  gradient: Float32Array,
  firstMoment: Float32Array,
  secondMoment: Float32Array,
  out: { value: Float32Array; firstMoment: Float32Array; secondMoment: Float32Array },
  { learningRate, beta1, beta2, epsilon, biasCorrection1, biasCorrection2 }: AdamHyperparameters,
): void {
  const n = value.length;
  const keep1 = 1 - beta1;
  const keep2 = 1 - beta2;
  // m̂/(√v̂ + ε) with m̂ = m/c1 and v̂ = v/c2, rearranged to one division per element.
  const stepSize = learningRate / biasCorrection1;
  const sqrtCorrection2 = 1 / Math.sqrt(biasCorrection2);
  const outValue = out.value;
  const outFirst = out.firstMoment;
  const outSecond = out.secondMoment;
  for (let i = 0; i < n; i++) {
    const g = gradient[i]!;
    const m = firstMoment[i]! * beta1 + g * keep1;
    const v = secondMoment[i]! * beta2 + g * g * keep2;
    outFirst[i] = m;
    outSecond[i] = v;
    outValue[i] = value[i]! - (stepSize * m) / (Math.sqrt(v) * sqrtCorrection2 + epsilon);
  }
}
