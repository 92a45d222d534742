// Adam's step for elements [start, end) of one variable, in float32 SIMD: the formula of TF.js's
// AdamOptimizer (moments, bias correction, ε added after the square root) in one pass.
// `stepSize` is lr / (1 − β1ᵗ) and `rootCorrection` is 1 / √(1 − β2ᵗ). Pointers are byte offsets.
export function adam(
  value: usize, gradient: usize, first: usize, second: usize,
  outValue: usize, outFirst: usize, outSecond: usize, start: i32, end: i32,
  stepSize: f32, rootCorrection: f32, beta1: f32, beta2: f32, epsilon: f32,
): void {
  const keep1: f32 = <f32>1 - beta1;
  const keep2: f32 = <f32>1 - beta2;
  const b1 = f32x4.splat(beta1), k1 = f32x4.splat(keep1);
  const b2 = f32x4.splat(beta2), k2 = f32x4.splat(keep2);
  const step = f32x4.splat(stepSize), root = f32x4.splat(rootCorrection), eps = f32x4.splat(epsilon);
  let i = start;
  for (; i + 4 <= end; i += 4) {
    const at = <usize>i << 2;
    const g = v128.load(gradient + at);
    const m = f32x4.add(f32x4.mul(v128.load(first + at), b1), f32x4.mul(g, k1));
    const v = f32x4.add(f32x4.mul(v128.load(second + at), b2), f32x4.mul(f32x4.mul(g, g), k2));
    v128.store(outFirst + at, m);
    v128.store(outSecond + at, v);
    v128.store(outValue + at, f32x4.sub(v128.load(value + at), f32x4.div(f32x4.mul(step, m), f32x4.add(f32x4.mul(f32x4.sqrt(v), root), eps))));
  }
  for (; i < end; i++) {
    const at = <usize>i << 2;
    const g = load<f32>(gradient + at);
    const m = load<f32>(first + at) * beta1 + g * keep1;
    const v = load<f32>(second + at) * beta2 + g * g * keep2;
    store<f32>(outFirst + at, m);
    store<f32>(outSecond + at, v);
    store<f32>(outValue + at, load<f32>(value + at) - (stepSize * m) / (sqrt<f32>(v) * rootCorrection + epsilon));
  }
}
