/** What `npm run bench` measures, as written to bench-results.json. */
export interface BenchEnvironment {
  userAgent: string;
  crossOriginIsolated: boolean;
  hardwareConcurrency: number;
  wasmSimd: boolean;
  wasmThreads: boolean;
  wasmThreadCount: number;
  /** Threads the course kernels use (0: they did not start). */
  courseKernelThreads: number;
  /** Why they use one thread, when they do. */
  courseKernelNote: string | null;
  webglRenderer: string | null;
}

export interface BenchMeasurement {
  model: string;
  size: number;
  /** "stock-wasm", "stock-webgl", "fast-wasm" (the project's path) or "fast-wasm-1" (its kernels on one thread). */
  path: string;
  samplesPerEpoch: number;
  batchSize: number;
  /** Seconds of every epoch; the first is the warm-up and is not counted. */
  epochSeconds: number[];
  samplesPerSecond: number;
  finalLoss: number;
  tensorsAfter: number;
  /** Tensors left behind by the run (after the model and optimizer are disposed). */
  tensorsLeaked: number;
  peakTensorMegabytes: number;
  wasmHeapMegabytes: number | null;
  error?: string;
}

export interface BenchRatio {
  model: string;
  size: number;
  fastOverStockWasm: number | null;
  fastOverStockWebgl: number | null;
  /** The project path with every thread against one thread. */
  threadScaling: number | null;
}

/** A simpler model that trained slower than a bigger one on the same path and size (the plain MLP below MLP + BN + dropout). */
export interface BenchInversion {
  size: number;
  path: string;
  simpler: string;
  simplerRate: number;
  bigger: string;
  biggerRate: number;
}

export interface BenchProfile {
  model: string;
  size: number;
  path: string;
  stepMs: number;
  kernels: Array<[string, number, number]>;
  outsideKernelsMs: number;
  branches: Record<string, number>;
}

/** Native PyTorch on the same recipe (scripts/bench_torch.py), when Debian's python3-torch is installed. */
export interface NativeMeasurement {
  model: string;
  size: number;
  threads: number;
  samplesPerSecond: number;
  epochSeconds: number[];
}

export interface BenchResults {
  createdAt: string;
  environment: BenchEnvironment;
  measurements: BenchMeasurement[];
  ratios: BenchRatio[];
  /** The combined model with on-the-fly augmentation against without, on the course path. */
  augmentation: Array<{ size: number; augmentedOverPlain: number | null }>;
  inversions: BenchInversion[];
  profiles: BenchProfile[];
  /** The baseline lesson's training cell on its own page (scripts/bench.ts), for the page's overhead. */
  lessonPage?: { status: string; samplesPerSecond: number | null };
  /** Added by scripts/bench.ts after the browser part; empty when PyTorch is not installed. */
  native?: { torchVersion: string; measurements: NativeMeasurement[] } | { unavailable: string };
  /** Tensor counts after each of 10 consecutive short training runs on the project's path. */
  repeatedRuns: { tensorCounts: number[]; leaked: boolean };
  /** The baseline lesson's 50 epochs at 64×64 (1646 images + validation of 706), estimated from the MLP figures. */
  baselineLessonSeconds: { stockWasm: number | null; fastWasm: number | null; fastWasmAt224?: number | null };
}

const PATH_LABELS: Record<string, string> = {
  'stock-wasm': 'stock TF.js, wasm',
  'stock-webgl': 'stock TF.js, webgl',
  'fast-wasm': 'project path (wasm)',
  'fast-wasm-1': 'project path, 1 thread',
};

// Models in order of size: a model later in this list does strictly more work per image.
const MODEL_ORDER = ['mlp', 'mlp-bn-dropout'];

/** Where a simpler model trained slower than a bigger one (same path, size, run). */
export function findInversions(measurements: readonly BenchMeasurement[]): BenchInversion[] {
  const found: BenchInversion[] = [];
  for (const simpler of measurements) {
    for (const bigger of measurements) {
      if (simpler.error || bigger.error || simpler.path !== bigger.path || simpler.size !== bigger.size) continue;
      if (MODEL_ORDER.indexOf(simpler.model) < 0 || MODEL_ORDER.indexOf(simpler.model) >= MODEL_ORDER.indexOf(bigger.model)) continue;
      if (simpler.samplesPerSecond < bigger.samplesPerSecond) {
        found.push({ size: simpler.size, path: simpler.path, simpler: simpler.model, simplerRate: simpler.samplesPerSecond, bigger: bigger.model, biggerRate: bigger.samplesPerSecond });
      }
    }
  }
  return found;
}

/** Rows of the summary table (header first), shared by the page and the command line. */
export function resultTable(results: BenchResults): string[][] {
  const rows = [['model', 'size', 'path', 'samples/s', 'epoch s (median)', 'leaked tensors', 'peak MB']];
  for (const m of results.measurements) {
    rows.push([
      m.model,
      `${m.size}×${m.size}`,
      PATH_LABELS[m.path] ?? m.path,
      m.error ? `failed: ${m.error}` : m.samplesPerSecond.toFixed(1),
      m.error ? '' : median(m.epochSeconds.slice(1)).toFixed(2),
      m.error ? '' : String(m.tensorsLeaked),
      m.error ? '' : m.peakTensorMegabytes.toFixed(0),
    ]);
  }
  return rows;
}

export function ratioTable(results: BenchResults): string[][] {
  const format = (ratio: number | null | undefined, digits = 1) => (ratio == null ? '–' : `${ratio.toFixed(digits)}×`);
  const native = results.native && 'measurements' in results.native ? results.native.measurements : [];
  const rate = (model: string, size: number, path: string) => results.measurements.find((m) => m.model === model && m.size === size && m.path === path && !m.error)?.samplesPerSecond;
  return [
    ['model', 'size', 'project / stock wasm', 'project / stock webgl', 'all threads / 1 thread', 'native PyTorch, best (images/s)', 'project / PyTorch'],
    ...results.ratios.map((r) => {
      // PyTorch's best thread count: on a loaded machine its 2 threads can be far slower than 1.
      const torch = native.filter((n) => n.model === r.model && n.size === r.size).sort((a, b) => b.samplesPerSecond - a.samplesPerSecond)[0];
      const fast = rate(r.model, r.size, 'fast-wasm');
      return [
        r.model, `${r.size}×${r.size}`, format(r.fastOverStockWasm), format(r.fastOverStockWebgl), format(r.threadScaling, 2),
        torch ? `${torch.samplesPerSecond.toFixed(1)} (${torch.threads} threads)` : '–',
        format(torch && fast ? fast / torch.samplesPerSecond : null, 2),
      ];
    }),
  ];
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
