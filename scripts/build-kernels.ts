/**
 * Compiles the course's wasm kernels (assembly/*.ts, AssemblyScript) into src/ml/fast/kernels/,
 * in two builds of the same source: one importing a shared memory (TF.js's threaded build, used
 * by several workers at once) and one importing a plain memory (pages that are not cross-origin
 * isolated, and Node). Run by `npm run build`, `npm run dev` and the unit tests' setup; skips the
 * work when sources, flags and compiler are unchanged. By hand: `npx tsx scripts/build-kernels.ts`.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE = resolve(root, 'assembly/kernels.ts');
const OUT_DIR = resolve(root, 'src/ml/fast/kernels');
// No runtime, no assertions, no abort: the module must not write anything of its own into
// TF.js's memory (a data segment would land on TF.js's heap), which `checkNoData` verifies.
const COMMON = ['-O3', '--noAssert', '--runtime', 'stub', '--use', 'abort=', '--importMemory', '--initialMemory', '1', '--maximumMemory', '65536', '--enable', 'simd'];
const BUILDS = {
  'kernels.wasm': COMMON,
  'kernels-shared.wasm': [...COMMON, '--sharedMemory', '--enable', 'threads'],
};

export async function buildKernels(): Promise<void> {
  const sources = ['assembly/kernels.ts', 'assembly/gemm.ts', 'assembly/adam.ts'].filter((file) => existsSync(resolve(root, file)));
  const compilerVersion = JSON.parse(readFileSync(resolve(root, 'node_modules/assemblyscript/package.json'), 'utf8')).version as string;
  const stamp = createHash('sha256')
    .update(JSON.stringify({ compilerVersion, BUILDS }))
    .update(sources.map((file) => readFileSync(resolve(root, file), 'utf8')).join('\0'))
    .digest('hex');
  const stampFile = resolve(OUT_DIR, 'build-stamp.txt');
  const outputs = Object.keys(BUILDS).map((name) => resolve(OUT_DIR, name));
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp && outputs.every((file) => existsSync(file))) return;

  mkdirSync(OUT_DIR, { recursive: true });
  const asc = (await import('assemblyscript/asc')).default;
  for (const [name, flags] of Object.entries(BUILDS)) {
    const target = resolve(OUT_DIR, name);
    const { error, stderr } = await asc.main([SOURCE, '-o', `${target}.tmp`, ...flags]);
    if (error) throw new Error(`compiling ${SOURCE} for ${name} failed: ${error.message}\n${stderr.toString()}`);
    checkNoData(readFileSync(`${target}.tmp`), name);
    renameSync(`${target}.tmp`, target);
  }
  writeFileSync(stampFile, stamp);
  console.log(`Compiled the wasm kernels (${Object.keys(BUILDS).join(', ')}) with AssemblyScript ${compilerVersion}.`);
}

/** Refuses a module with a data section (id 11): it would overwrite TF.js's memory when instantiated. */
function checkNoData(bytes: Uint8Array, name: string): void {
  let offset = 8;
  while (offset < bytes.length) {
    const id = bytes[offset++]!;
    let size = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = bytes[offset++]!;
      size |= (byte & 0x7f) << shift;
      if (byte < 0x80) break;
    }
    if (id === 11 && size > 1) throw new Error(`${name} has a data section of ${size} bytes: the kernels must not own memory (remove strings or static arrays from assembly/)`);
    offset += size;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildKernels();
}
