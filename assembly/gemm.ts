// Matrix products for the course's training path, compiled to wasm with SIMD (see
// scripts/build-kernels.ts). The module owns no memory: it imports TF.js's wasm memory and
// works on tensors where they lie, so several workers can share one product (each computes
// a band of rows of C). Every pointer is a byte offset into that memory.

// Register tile: 4 rows × 8 columns of C in 8 SIMD accumulators (x86 has 16 SIMD registers).
const MR = 4;
const NR = 8;
// Cache blocks: a packed panel of A (MC×KC, 32 KB) stays in L1/L2, one of B (KC×NC, 64 KB) in L2.
const MC = 64;
const KC = 128;
const NC = 128;

/** Bytes of scratch memory one call of `gemm` needs (packed panels and one tile). */
export function gemmScratchBytes(): i32 {
  return (MC * KC + KC * NC + MR * NR) * 4;
}

/**
 * C[i, j] = Σₖ a(i, k)·b(k, j) for rows rowStart ≤ i < rowEnd, where a(i, k) = A[i·aRow + k·aCol]
 * and b(k, j) = B[k·bRow + j·bCol] (strides in floats, so either operand may be transposed),
 * C is row-major m×n. Sums run over k in blocks of KC, each added to C in order.
 */
export function gemm(
  a: usize, b: usize, c: usize, n: i32, k: i32,
  aRow: i32, aCol: i32, bRow: i32, bCol: i32,
  rowStart: i32, rowEnd: i32, scratch: usize,
): void {
  const packedA = scratch;
  const packedB = scratch + <usize>(MC * KC * 4);
  const tile = packedB + <usize>(KC * NC * 4);
  for (let j0 = 0; j0 < n; j0 += NC) {
    const nc = min(NC, n - j0);
    for (let k0 = 0; k0 < k; k0 += KC) {
      const kc = min(KC, k - k0);
      packB(b, packedB, k0, kc, j0, nc, bRow, bCol);
      for (let i0 = rowStart; i0 < rowEnd; i0 += MC) {
        const mc = min(MC, rowEnd - i0);
        packA(a, packedA, i0, mc, k0, kc, aRow, aCol);
        for (let t = 0; t < nc; t += NR) {
          for (let s = 0; s < mc; s += MR) {
            const cTile = c + ((<usize>(i0 + s) * n + <usize>(j0 + t)) << 2);
            microKernel(kc, packedA + (<usize>(s * kc) << 2), packedB + (<usize>(t * kc) << 2), cTile, n, min(MR, mc - s), min(NR, nc - t), k0 > 0, tile);
          }
        }
      }
    }
  }
}

/** A[i0..i0+mc, k0..k0+kc] as strips of MR rows: strip s holds a(i0+MR·s+r, k0+κ) at [κ·MR + r]; rows past mc are 0. */
function packA(a: usize, packed: usize, i0: i32, mc: i32, k0: i32, kc: i32, aRow: i32, aCol: i32): void {
  for (let s = 0; s < mc; s += MR) {
    const strip = packed + (<usize>(s * kc) << 2);
    const rows = min(MR, mc - s);
    if (aRow == 1 && rows == MR) {
      // A stored transposed (k-major): the strip's MR values of each k lie side by side.
      for (let kk = 0; kk < kc; kk++) {
        v128.store(strip + (<usize>(kk * MR) << 2), v128.load(a + ((<usize>(k0 + kk) * aCol + <usize>(i0 + s)) << 2)));
      }
      continue;
    }
    for (let r = 0; r < MR; r++) {
      if (r >= rows) {
        for (let kk = 0; kk < kc; kk++) store<f32>(strip + (<usize>(kk * MR + r) << 2), 0);
        continue;
      }
      const row = a + (<usize>(i0 + s + r) * aRow << 2);
      for (let kk = 0; kk < kc; kk++) {
        store<f32>(strip + (<usize>(kk * MR + r) << 2), load<f32>(row + (<usize>(k0 + kk) * aCol << 2)));
      }
    }
  }
}

/** B[k0..k0+kc, j0..j0+nc] as slivers of NR columns: sliver t holds b(k0+κ, j0+t+c) at [κ·NR + c]; columns past nc are 0. */
function packB(b: usize, packed: usize, k0: i32, kc: i32, j0: i32, nc: i32, bRow: i32, bCol: i32): void {
  for (let t = 0; t < nc; t += NR) {
    const sliver = packed + (<usize>(t * kc) << 2);
    const cols = min(NR, nc - t);
    if (bCol == 1 && cols == NR) {
      for (let kk = 0; kk < kc; kk++) {
        const from = b + ((<usize>(k0 + kk) * bRow + <usize>(j0 + t)) << 2);
        const to = sliver + (<usize>(kk * NR) << 2);
        v128.store(to, v128.load(from));
        v128.store(to, v128.load(from, 16), 16);
      }
      continue;
    }
    for (let col = 0; col < NR; col++) {
      if (col >= cols) {
        for (let kk = 0; kk < kc; kk++) store<f32>(sliver + (<usize>(kk * NR + col) << 2), 0);
        continue;
      }
      const column = b + (<usize>(j0 + t + col) * bCol << 2);
      for (let kk = 0; kk < kc; kk++) {
        store<f32>(sliver + (<usize>(kk * NR + col) << 2), load<f32>(column + (<usize>(k0 + kk) * bRow << 2)));
      }
    }
  }
}

// @ts-ignore: decorator
@inline
function update(target: usize, sum: v128, accumulate: bool): void {
  v128.store(target, accumulate ? f32x4.add(v128.load(target), sum) : sum);
}

/** C[tile] (+)= packed strip × packed sliver; a partial tile goes through `tile` and is copied element by element. */
function microKernel(kc: i32, ap: usize, bp: usize, c: usize, ldc: i32, rows: i32, cols: i32, accumulate: bool, tile: usize): void {
  let c00 = f32x4.splat(0), c01 = f32x4.splat(0);
  let c10 = f32x4.splat(0), c11 = f32x4.splat(0);
  let c20 = f32x4.splat(0), c21 = f32x4.splat(0);
  let c30 = f32x4.splat(0), c31 = f32x4.splat(0);
  for (let kk = 0; kk < kc; kk++) {
    const b0 = v128.load(bp);
    const b1 = v128.load(bp, 16);
    const a0 = v128.load32_splat(ap);
    c00 = f32x4.add(c00, f32x4.mul(a0, b0));
    c01 = f32x4.add(c01, f32x4.mul(a0, b1));
    const a1 = v128.load32_splat(ap, 4);
    c10 = f32x4.add(c10, f32x4.mul(a1, b0));
    c11 = f32x4.add(c11, f32x4.mul(a1, b1));
    const a2 = v128.load32_splat(ap, 8);
    c20 = f32x4.add(c20, f32x4.mul(a2, b0));
    c21 = f32x4.add(c21, f32x4.mul(a2, b1));
    const a3 = v128.load32_splat(ap, 12);
    c30 = f32x4.add(c30, f32x4.mul(a3, b0));
    c31 = f32x4.add(c31, f32x4.mul(a3, b1));
    ap += MR * 4;
    bp += NR * 4;
  }
  const stride = <usize>ldc << 2;
  if (rows == MR && cols == NR) {
    update(c, c00, accumulate); update(c + 16, c01, accumulate); c += stride;
    update(c, c10, accumulate); update(c + 16, c11, accumulate); c += stride;
    update(c, c20, accumulate); update(c + 16, c21, accumulate); c += stride;
    update(c, c30, accumulate); update(c + 16, c31, accumulate);
    return;
  }
  v128.store(tile, c00); v128.store(tile, c01, 16);
  v128.store(tile, c10, 32); v128.store(tile, c11, 48);
  v128.store(tile, c20, 64); v128.store(tile, c21, 80);
  v128.store(tile, c30, 96); v128.store(tile, c31, 112);
  for (let r = 0; r < rows; r++) {
    for (let col = 0; col < cols; col++) {
      const target = c + <usize>r * stride + (<usize>col << 2);
      const value = load<f32>(tile + (<usize>(r * NR + col) << 2));
      store<f32>(target, accumulate ? load<f32>(target) + value : value);
    }
  }
}

/** Transposes rows [rowStart, rowEnd) of the rows×cols matrix at `source` into `target` (cols×rows), in 16×16 tiles. */
export function transpose(source: usize, target: usize, rows: i32, cols: i32, rowStart: i32, rowEnd: i32): void {
  for (let r0 = rowStart; r0 < rowEnd; r0 += 16) {
    const r1 = min(rowEnd, r0 + 16);
    for (let c0 = 0; c0 < cols; c0 += 16) {
      const c1 = min(cols, c0 + 16);
      for (let c = c0; c < c1; c++) {
        const to = target + (<usize>c * rows << 2);
        for (let r = r0; r < r1; r++) store<f32>(to + (<usize>r << 2), load<f32>(source + ((<usize>r * cols + <usize>c) << 2)));
      }
    }
  }
}
