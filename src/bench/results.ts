/** What `npm run bench` measures, as written to bench-results.json. */
export interface BenchEnvironment {
  userAgent: string;
  crossOriginIsolated: boolean;
  hardwareConcurrency: number;
  wasmSimd: boolean;
  wasmThreads: boolean;
  wasmThreadCount: number;
  webglRenderer: string | null;
}

export interface BenchMeasurement {
  model: string;
  size: number;
  /** "stock-wasm", "stock-webgl" or "fast-wasm" (the project's path). */
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
}

export interface BenchResults {
  createdAt: string;
  environment: BenchEnvironment;
  measurements: BenchMeasurement[];
  ratios: BenchRatio[];
  /** Tensor counts after each of 10 consecutive short training runs on the project's path. */
  repeatedRuns: { tensorCounts: number[]; leaked: boolean };
  /** The baseline lesson's 50 epochs at 64×64 (1646 images + validation of 706), estimated from the MLP figures. */
  baselineLessonSeconds: { stockWasm: number | null; fastWasm: number | null };
}

export const PATH_LABELS: Record<string, string> = {
  'stock-wasm': 'stock TF.js, wasm',
  'stock-webgl': 'stock TF.js, webgl',
  'fast-wasm': 'project path (wasm)',
};

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
  const format = (ratio: number | null) => (ratio == null ? '–' : `${ratio.toFixed(1)}×`);
  return [['model', 'size', 'project / stock wasm', 'project / stock webgl'], ...results.ratios.map((r) => [r.model, `${r.size}×${r.size}`, format(r.fastOverStockWasm), format(r.fastOverStockWebgl)])];
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
