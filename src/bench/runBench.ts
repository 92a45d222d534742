import * as tf from '@tensorflow/tfjs';
import { getThreadsCount } from '@tensorflow/tfjs-backend-wasm';
import { initBackend, webglRenderer } from '../client/tfBackend';
import { startCourseKernels } from '../client/courseKernelsLoader';
import { loadDataset } from '../ml/loadDataset';
import { trainTestSplitIndices } from '../ml/split';
import { train } from '../ml/train';
import { predictProbabilities } from '../ml/predict';
import { setTrainingPath } from '../ml/fast';
import { articleAugmentation } from '../ml/articleAugmentation';
import type { ImageSet } from '../ml/imageSet';
import { buildBenchModel, type BenchModel } from './models';
import { describeProfile, profileStep } from './profileStep';
import { findInversions, median, type BenchEnvironment, type BenchMeasurement, type BenchProfile, type BenchResults } from './results';

export interface BenchOptions {
  /** Folder of the dataset payload (the site's data/). */
  datasetUrl: string;
  sizes?: number[];
  models?: BenchModel[];
  paths?: BenchPath[];
  /** Epochs per configuration, the first being the warm-up (at least 4: median of 3). */
  epochs?: number;
  /** Training images per epoch at 224×224 (the whole training split at smaller sizes). */
  samplesAt224?: number;
  onLog?: (line: string) => void;
}

/** "fast-wasm-1" is the course path with its kernels on one thread (the scaling column). */
export type BenchPath = 'stock-wasm' | 'stock-webgl' | 'fast-wasm' | 'fast-wasm-1';

const BATCH_SIZE = 128;
const LESSON_EPOCHS = 50;
// The lessons' learning rate (1e-5 scaled by the pixel count, see the baseline lesson).
const learningRate = (size: number) => (1e-5 * 224 * 224) / (size * size);

/**
 * Trains every configuration in this page and returns the figures. The models of one size and
 * path train in alternating epochs, so a change in the machine's load hits them alike and their
 * ratio (the plain MLP against MLP + BN + dropout) is not an artefact of which ran first.
 */
export async function runBench(options: BenchOptions): Promise<BenchResults> {
  const { sizes = [64, 224], models = ['mlp', 'mlp-bn-dropout'], paths = ['stock-wasm', 'stock-webgl', 'fast-wasm-1', 'fast-wasm'], epochs = 4, samplesAt224 = 256 } = options;
  if (epochs < 4) throw new Error(`the benchmark needs at least 4 epochs (1 warm-up + median of 3), got ${epochs}`);
  const log = options.onLog ?? (() => {});
  await initBackend();
  const environment = await describeEnvironment();
  log(`cross-origin isolated: ${environment.crossOriginIsolated}; wasm SIMD: ${environment.wasmSimd}; TF.js wasm threads: ${environment.wasmThreads} (${environment.wasmThreadCount}); course kernels: ${environment.courseKernelThreads} threads${environment.courseKernelNote ? ` (${environment.courseKernelNote})` : ''}; WebGL: ${environment.webglRenderer ?? 'none'}`);

  const measurements: BenchMeasurement[] = [];
  const profiles: BenchProfile[] = [];
  const validationSeconds: Record<string, number> = {};
  for (const size of sizes) {
    log(`loading the dataset at ${size}×${size}…`);
    const { train: trainSet, validation } = await benchData(options.datasetUrl, size, samplesAt224);
    for (const path of paths) {
      log(`${size}×${size}, ${path}: ${models.join(' and ')} in alternating epochs, ${epochs} each, of ${trainSet.count} images…`);
      // On the course path the combined model also trains on augmented batches, in the same alternation.
      const kinds: BenchModel[] = path === 'fast-wasm' && models.includes('mlp-bn-dropout') ? [...models, 'mlp-bn-dropout-augmented'] : models;
      const measured = await measureInterleaved(kinds, size, path, trainSet, epochs);
      measurements.push(...measured);
      for (const m of measured) log(m.error ? `  ${m.model}: failed: ${m.error}` : `  ${m.model}: ${m.samplesPerSecond.toFixed(1)} samples/s`);
      if (measured.some((m) => m.model === 'mlp' && !m.error) && path !== 'fast-wasm-1') validationSeconds[`${size}:${path}`] = await timeValidation(path, validation);
      // Step profiles of the wasm paths (stock wasm at 224×224 would take minutes: 9 s a step).
      if (path === 'stock-webgl' || (path === 'stock-wasm' && size >= 224)) continue;
      for (const model of models) {
        await usePath(path);
        const built = buildBenchModel(model, trainSet.featureCount, learningRate(size));
        const profile = await profileStep(built, trainSet, BATCH_SIZE);
        built.optimizer.dispose();
        built.dispose();
        profiles.push({ model, size, path, ...profile });
        log(`  ${describeProfile(`${model} step`, profile)}`);
      }
    }
  }

  const ratios = sizes.flatMap((size) => models.map((model) => {
    const rate = (path: BenchPath) => measurements.find((m) => m.size === size && m.model === model && m.path === path && !m.error)?.samplesPerSecond;
    const fast = rate('fast-wasm');
    const ratio = (other?: number) => (fast && other ? fast / other : null);
    return { model, size, fastOverStockWasm: ratio(rate('stock-wasm')), fastOverStockWebgl: ratio(rate('stock-webgl')), threadScaling: ratio(rate('fast-wasm-1')) };
  }));
  const augmentation = sizes.map((size) => {
    const rate = (model: BenchModel) => measurements.find((m) => m.size === size && m.model === model && m.path === 'fast-wasm' && !m.error)?.samplesPerSecond;
    const [augmented, plain] = [rate('mlp-bn-dropout-augmented'), rate('mlp-bn-dropout')];
    return { size, augmentedOverPlain: augmented && plain ? augmented / plain : null };
  });

  // The baseline lesson: 50 epochs over the article's 1646 training images, validating 706 after each.
  const lessonSeconds = (path: BenchPath, size = 64) => {
    const m = measurements.find((x) => x.size === size && x.model === 'mlp' && x.path === path && !x.error);
    const validating = validationSeconds[`${size}:${path}`];
    return m && validating != null ? LESSON_EPOCHS * (1646 / m.samplesPerSecond + validating) : null;
  };

  log('10 consecutive training runs on the project path…');
  await usePath('fast-wasm');
  const repeatedRuns = sizes.includes(64) ? await repeatedRunTensorCounts(options.datasetUrl) : { tensorCounts: [], leaked: false };
  return {
    createdAt: new Date().toISOString(),
    environment,
    measurements,
    ratios,
    augmentation,
    inversions: findInversions(measurements),
    profiles,
    repeatedRuns,
    baselineLessonSeconds: { stockWasm: lessonSeconds('stock-wasm'), fastWasm: lessonSeconds('fast-wasm'), fastWasmAt224: lessonSeconds('fast-wasm', 224) },
  };
}

async function benchData(datasetUrl: string, size: number, samplesAt224: number): Promise<{ train: ImageSet; validation: ImageSet }> {
  const { images } = await loadDataset(datasetUrl, { resolution: size });
  // The article's split (70/30, random_state 42); at 224 a slice of it keeps the stock runs to minutes.
  const split = trainTestSplitIndices(images.count);
  const trainIndices = size >= 224 ? split.train.slice(0, samplesAt224) : split.train;
  return { train: images.subset(trainIndices), validation: images.subset(split.validation) };
}

async function usePath(path: BenchPath): Promise<void> {
  setTrainingPath(path.startsWith('fast') ? 'fast' : 'stock');
  const backend = path === 'stock-webgl' ? 'webgl' : 'wasm';
  if (!(await tf.setBackend(backend))) throw new Error(`the ${backend} backend did not start`);
  await tf.ready();
  if (path.startsWith('fast')) await startCourseKernels({ threads: path === 'fast-wasm-1' ? 1 : navigator.hardwareConcurrency });
}

function emptyMeasurement(model: BenchModel, size: number, path: BenchPath, data: ImageSet): BenchMeasurement {
  return {
    model, size, path, samplesPerEpoch: data.count, batchSize: BATCH_SIZE, epochSeconds: [], samplesPerSecond: 0,
    finalLoss: Number.NaN, tensorsAfter: 0, tensorsLeaked: 0, peakTensorMegabytes: 0, wasmHeapMegabytes: null,
  };
}

/** Trains each model for `epochs` epochs, one epoch of each in turn, timing every epoch. */
async function measureInterleaved(kinds: BenchModel[], size: number, path: BenchPath, data: ImageSet, epochs: number): Promise<BenchMeasurement[]> {
  const results = kinds.map((kind) => emptyMeasurement(kind, size, path, data));
  const built: Array<tf.LayersModel | undefined> = [];
  try {
    await usePath(path);
    const tensorsBefore = tf.memory().numTensors;
    kinds.forEach((kind) => built.push(buildBenchModel(kind, data.featureCount, learningRate(size))));
    const augmentations = kinds.map((kind) => (kind.endsWith('-augmented') ? articleAugmentation({ seed: 1 }) : undefined));
    for (let epoch = 0; epoch < epochs; epoch++) {
      for (const [i, result] of results.entries()) {
        if (result.error) continue;
        try {
          let peakBytes = 0;
          const started = performance.now();
          const history = await train(built[i]!, data, {
            augment: augmentations[i],
            epochs: 1,
            batchSize: BATCH_SIZE,
            seed: epoch + 1,
            callbacks: { onBatchEnd: () => { peakBytes = Math.max(peakBytes, tf.memory().numBytes); } },
          });
          result.epochSeconds.push((performance.now() - started) / 1000);
          result.finalLoss = history.epochs.at(-1)!.loss;
          result.peakTensorMegabytes = Math.max(result.peakTensorMegabytes, peakBytes / 1e6);
        } catch (error) {
          result.error = error instanceof Error ? error.message : String(error);
        }
      }
    }
    for (const result of results) {
      if (!result.error) result.samplesPerSecond = data.count / median(result.epochSeconds.slice(1));
      result.wasmHeapMegabytes = tf.getBackend() === 'wasm' ? (tf.backend() as unknown as { wasm: { HEAPU8: Uint8Array } }).wasm.HEAPU8.length / 1e6 : null;
    }
    for (const model of built.splice(0)) {
      model!.optimizer.dispose();
      model!.dispose();
    }
    const after = tf.memory().numTensors;
    for (const result of results) {
      result.tensorsAfter = after;
      result.tensorsLeaked = after - tensorsBefore;
    }
  } catch (error) {
    for (const result of results) result.error ??= error instanceof Error ? error.message : String(error);
    built.forEach((model) => model?.dispose());
  }
  return results;
}

/** Seconds of one validation pass (the 706 validation images) with the path's backend. */
async function timeValidation(path: BenchPath, validation: ImageSet): Promise<number> {
  await usePath(path);
  const model = buildBenchModel('mlp', validation.featureCount, learningRate(validation.size));
  await predictProbabilities(model, validation); // warm-up
  const started = performance.now();
  await predictProbabilities(model, validation);
  const seconds = (performance.now() - started) / 1000;
  model.optimizer.dispose();
  model.dispose();
  return seconds;
}

async function repeatedRunTensorCounts(datasetUrl: string): Promise<{ tensorCounts: number[]; leaked: boolean }> {
  const { train: data } = await benchData(datasetUrl, 64, 0);
  const small = data.subset(Array.from({ length: 256 }, (_, i) => i));
  const tensorCounts: number[] = [];
  for (let run = 0; run < 10; run++) {
    const model = buildBenchModel('mlp-bn-dropout', small.featureCount, learningRate(64));
    await train(model, small, { epochs: 1, batchSize: BATCH_SIZE, validation: small });
    model.optimizer.dispose();
    model.dispose();
    tensorCounts.push(tf.memory().numTensors);
  }
  return { tensorCounts, leaked: new Set(tensorCounts).size > 1 };
}

async function describeEnvironment(): Promise<BenchEnvironment> {
  await tf.setBackend('wasm');
  await tf.ready();
  const env = tf.env();
  const kernels = await startCourseKernels();
  return {
    userAgent: navigator.userAgent,
    crossOriginIsolated: globalThis.crossOriginIsolated === true,
    hardwareConcurrency: navigator.hardwareConcurrency,
    wasmSimd: Boolean(await env.getAsync('WASM_HAS_SIMD_SUPPORT')),
    wasmThreads: Boolean(await env.getAsync('WASM_HAS_MULTITHREAD_SUPPORT')),
    wasmThreadCount: getThreadsCount(),
    courseKernelThreads: kernels.unavailable ? 0 : kernels.threads,
    courseKernelNote: kernels.singleThreadedBecause ?? null,
    webglRenderer: webglRenderer() ?? null,
  };
}
