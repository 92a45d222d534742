/**
 * The article's train/validation split, reproduced bit-exactly:
 * scikit-learn `train_test_split(X, y, test_size=0.3, random_state=42)` is
 * `np.random.RandomState(42).permutation(n)` cut into validation (first ceil(0.3·n)) and training (the rest).
 *
 * This module re-implements NumPy's *legacy* RandomState path (MT19937 + `random_interval` shuffle),
 * which NumPy keeps frozen for reproducibility. Checked against NumPy by test/fixtures/numpy-permutations.json.
 */

const STATE_LENGTH = 624;
const SHIFT = 397;
const MATRIX_A = 0x9908b0df;
const UPPER_MASK = 0x80000000;
const LOWER_MASK = 0x7fffffff;

/** MT19937 as NumPy's legacy `RandomState(int)` seeds it. */
class LegacyMersenneTwister {
  private readonly state = new Uint32Array(STATE_LENGTH);
  private position = STATE_LENGTH;

  constructor(seed: number) {
    // NumPy's `_legacy_seeding` sends an integer seed to `mt19937_seed`, i.e. Matsumoto & Nishimura's
    // init_genrand (init_by_array is used only for array seeds such as RandomState([42])).
    const state = this.state;
    state[0] = seed >>> 0;
    for (let i = 1; i < STATE_LENGTH; i++) {
      const previous = state[i - 1];
      state[i] = (Math.imul(1812433253, previous ^ (previous >>> 30)) + i) >>> 0;
    }
  }

  /** genrand_int32: the next uniformly distributed 32-bit unsigned integer. */
  nextUint32(): number {
    if (this.position >= STATE_LENGTH) this.regenerate();
    let y = this.state[this.position++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  private regenerate(): void {
    const state = this.state;
    for (let i = 0; i < STATE_LENGTH; i++) {
      const y = (state[i] & UPPER_MASK) | (state[(i + 1) % STATE_LENGTH] & LOWER_MASK);
      state[i] = state[(i + SHIFT) % STATE_LENGTH] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    }
    this.position = 0;
  }
}

/**
 * NumPy's `random_interval(max)`: a uniform integer in [0, max] by masked rejection sampling
 * (draw 32 bits, keep the bits below the smallest all-ones mask ≥ max, retry while > max).
 */
function randomInterval(generator: LegacyMersenneTwister, max: number): number {
  if (max === 0) return 0;
  let mask = max;
  mask |= mask >>> 1;
  mask |= mask >>> 2;
  mask |= mask >>> 4;
  mask |= mask >>> 8;
  mask |= mask >>> 16;
  mask >>>= 0;
  let value: number;
  do {
    value = (generator.nextUint32() & mask) >>> 0;
  } while (value > max);
  return value;
}

/** Largest n handled: `random_interval` switches to 64-bit draws above 2^32 − 1, which we do not need. */
const MAX_PERMUTATION_LENGTH = 2 ** 32;

/**
 * Same values as `np.random.RandomState(seed).permutation(n)` (legacy Fisher–Yates from the end:
 * for i = n−1 … 1, swap i with random_interval(i)).
 */
export function numpyPermutation(n: number, seed: number): Uint32Array {
  if (!Number.isInteger(n) || n < 0 || n > MAX_PERMUTATION_LENGTH) {
    throw new Error(`numpyPermutation: n must be an integer in [0, 2^32], got ${n}`);
  }
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new Error(`numpyPermutation: seed must be an integer in [0, 2^32 − 1] (as NumPy requires), got ${seed}`);
  }
  const generator = new LegacyMersenneTwister(seed);
  const permutation = new Uint32Array(n);
  for (let i = 0; i < n; i++) permutation[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = randomInterval(generator, i);
    const swap = permutation[i];
    permutation[i] = permutation[j];
    permutation[j] = swap;
  }
  return permutation;
}

export interface TrainTestSplitOptions {
  /** Fraction of samples for validation, strictly between 0 and 1 (scikit-learn's float `test_size`). */
  testSize?: number;
  /** scikit-learn's integer `random_state`. */
  seed?: number;
}

export interface TrainTestSplit {
  train: number[];
  validation: number[];
}

/**
 * Sample indices of scikit-learn's `train_test_split(..., test_size, random_state=seed)`, without
 * stratification: n_test = ceil(testSize·n), n_train = n − n_test, validation = perm[:n_test],
 * train = perm[n_test:]. For n = 2352 and the defaults: 706 validation, 1646 training.
 */
export function trainTestSplitIndices(n: number, { testSize = 0.3, seed = 42 }: TrainTestSplitOptions = {}): TrainTestSplit {
  if (!(testSize > 0 && testSize < 1)) {
    throw new Error(`trainTestSplitIndices: testSize must be a fraction strictly between 0 and 1, got ${testSize}`);
  }
  if (!Number.isInteger(n) || n < 0) throw new Error(`trainTestSplitIndices: n must be a non-negative integer, got ${n}`);
  // Same double arithmetic as Python's math.ceil(test_size * n_samples), so the boundary matches exactly.
  const testCount = Math.ceil(testSize * n);
  const trainCount = n - testCount;
  if (trainCount <= 0) {
    throw new Error(`trainTestSplitIndices: with n = ${n} and testSize = ${testSize} the training set would be empty`);
  }
  const permutation = numpyPermutation(n, seed);
  return {
    validation: Array.from(permutation.subarray(0, testCount)),
    train: Array.from(permutation.subarray(testCount, testCount + trainCount)),
  };
}
