import { buildKernels } from '../../scripts/build-kernels';

/** The unit tests load the compiled wasm kernels: compile them first (a no-op when up to date). */
export default async function setup(): Promise<void> {
  await buildKernels();
}
