import { readFileSync } from 'node:fs';
import type { KernelBinaries } from '../../src/ml/fast/courseKernels';

/** The compiled kernels (test/setup/buildKernels.ts builds them before the unit tests). */
export function kernelBinaries(): KernelBinaries {
  const load = (name: string) => new WebAssembly.Module(readFileSync(new URL(`../../src/ml/fast/kernels/${name}`, import.meta.url)));
  return { plain: load('kernels.wasm'), shared: load('kernels-shared.wasm') };
}
