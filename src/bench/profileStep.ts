import * as tf from '@tensorflow/tfjs';
import type { ImageSet } from '../ml/imageSet';
import { createBatcher } from '../ml/batches';
import { beginFastTraining } from '../ml/fast';
import { productBranches } from '../ml/fast/wasmKernels';

/** Where one training step's time goes: milliseconds per TF.js kernel, and which branch each matrix product took. */
export interface StepProfile {
  stepMs: number;
  /** Kernel name → [calls, milliseconds], slowest first. */
  kernels: Array<[string, number, number]>;
  /** Milliseconds of the step outside any kernel (JavaScript: tape, layers, optimizer bookkeeping). */
  outsideKernelsMs: number;
  branches: Record<string, number>;
}

/** Profiles the median of `steps` training steps of `model` on one batch of `data` (after two warm-up steps). */
export async function profileStep(model: tf.LayersModel, data: ImageSet, batchSize: number, steps = 5): Promise<StepProfile> {
  const batch = createBatcher(data, batchSize)(Array.from({ length: Math.min(batchSize, data.count) }, (_, i) => i));
  const end = beginFastTraining(model);
  try {
    for (let i = 0; i < 2; i++) await model.trainOnBatch(batch.xs, batch.ys);
    const profiles: StepProfile[] = [];
    for (let i = 0; i < steps; i++) {
      for (const key of Object.keys(productBranches) as Array<keyof typeof productBranches>) productBranches[key] = 0;
      const started = performance.now();
      const info = await tf.profile(async () => { await model.trainOnBatch(batch.xs, batch.ys); });
      const stepMs = performance.now() - started;
      const byName = new Map<string, [number, number]>();
      for (const kernel of info.kernels) {
        const [calls, ms] = byName.get(kernel.name) ?? [0, 0];
        byName.set(kernel.name, [calls + 1, ms + (typeof kernel.kernelTimeMs === 'number' ? kernel.kernelTimeMs : 0)]);
      }
      const kernels = [...byName].map(([name, [calls, ms]]) => [name, calls, ms] as [string, number, number]).sort((a, b) => b[2] - a[2]);
      profiles.push({ stepMs, kernels, outsideKernelsMs: stepMs - kernels.reduce((sum, k) => sum + k[2], 0), branches: { ...productBranches } });
    }
    return profiles.sort((a, b) => a.stepMs - b.stepMs)[Math.floor(steps / 2)]!;
  } finally {
    end();
    tf.dispose([batch.xs, batch.ys]);
  }
}

/** One line per profile: the step, the kernels taking most of it, the time outside kernels, the product branches. */
export function describeProfile(label: string, profile: StepProfile): string {
  const top = profile.kernels.slice(0, 6).map(([name, calls, ms]) => `${name}×${calls} ${ms.toFixed(1)}`).join(', ');
  const branches = Object.entries(profile.branches).filter(([, n]) => n > 0).map(([name, n]) => `${name} ${n}`).join(', ');
  return `${label}: step ${profile.stepMs.toFixed(1)} ms — ${top}; outside kernels ${profile.outsideKernelsMs.toFixed(1)} ms; products: ${branches || 'none counted'}`;
}
