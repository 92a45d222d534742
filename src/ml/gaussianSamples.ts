import seedrandom from 'seedrandom';

/**
 * TF.js's `randomNormal(shape, mean, stdDev, 'float32', seed)` as a stream: the same seedrandom alea
 * generator (seeded by seedrandom itself) and the same Marsaglia polar method, in one loop over local
 * variables instead of two method calls per value, 2–3× faster. Its values, read in order across any
 * number of calls, are the tensor's values bit for bit; so noise for several images can be added
 * image by image where they lie, and still be the noise of one randomNormal over all of them.
 * `seed` must not be 0 (TF.js draws a random seed then).
 */
export class GaussianStream {
  private c: number;
  private s0: number;
  private s1: number;
  private s2: number;
  /** The polar method makes values in pairs: the second one, waiting for the next call. */
  private spare = Number.NaN;

  constructor(readonly mean: number, readonly stdDev: number, seed: number) {
    if (!seed) throw new Error(`gaussianSamples needs a seed other than 0, got ${seed}`);
    const state = seedrandom.alea(String(seed), { state: true }).state() as { c: number; s0: number; s1: number; s2: number };
    ({ c: this.c, s0: this.s0, s1: this.s1, s2: this.s2 } = state);
  }

  /**
   * Writes the next `count` values into `out` from `offset`, or, with `addTo` set, adds them to the
   * float32 values there in float32 (as tf.add does) and, with `clip`, keeps the sums in [0, 1]
   * (as tf.clipByValue(…, 0, 1) does).
   */
  next(out: Float32Array, offset: number, count: number, { add = false, clip = false }: { add?: boolean; clip?: boolean } = {}): void {
    let { c, s0, s1, s2 } = this;
    const { mean, stdDev } = this;
    const end = offset + count;
    let i = offset;
    const put = (value: number) => {
      const sample = Math.fround(value);
      if (!add) {
        out[i++] = sample;
        return;
      }
      const sum = Math.fround(out[i]! + sample);
      out[i++] = clip ? (sum < 0 ? 0 : sum > 1 ? 1 : sum) : sum;
    };
    if (i < end && !Number.isNaN(this.spare)) {
      put(this.spare);
      this.spare = Number.NaN;
    }
    while (i < end) {
      let v1: number, v2: number, s: number;
      do {
        // Two steps of alea, as seedrandom computes them.
        let t = 2091639 * s0 + c * 2.3283064365386963e-10;
        s0 = s1; s1 = s2; c = t | 0; s2 = t - c;
        v1 = 2 * s2 - 1;
        t = 2091639 * s0 + c * 2.3283064365386963e-10;
        s0 = s1; s1 = s2; c = t | 0; s2 = t - c;
        v2 = 2 * s2 - 1;
        s = v1 * v1 + v2 * v2;
      } while (s >= 1 || s === 0);
      const scale = Math.sqrt((-2.0 * Math.log(s)) / s);
      put(mean + stdDev * v1 * scale);
      if (i < end) put(mean + stdDev * v2 * scale);
      else this.spare = mean + stdDev * v2 * scale;
    }
    Object.assign(this, { c, s0, s1, s2 });
  }
}

/**
 * The values of TF.js's `randomNormal([count], mean, stdDev, 'float32', seed)`, bit for bit (TF.js
 * drops the last pair's second value when `count` is odd, and so does this).
 */
export function gaussianSamples(count: number, mean: number, stdDev: number, seed: number): Float32Array {
  const out = new Float32Array(count);
  new GaussianStream(mean, stdDev, seed).next(out, 0, count);
  return out;
}
