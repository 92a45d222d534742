/**
 * A train/validation split without leakage: every group of identical images lands wholly on one side.
 * It starts from the article's split (the same NumPy permutation) and changes as few images as it can,
 * so its figures stay comparable with the article's. Shared by Node and browser.
 */
import { numpyPermutation, trainTestSplitIndices, type TrainTestSplit, type TrainTestSplitOptions } from './split';

export interface GroupSplit extends TrainTestSplit {
  /** Images whose side differs from the article's split. */
  moved: number;
}

/**
 * Like `trainTestSplitIndices(n, options)`, but each group in `groups` (indices of identical images) goes
 * wholly to the side where its first member (lowest index) landed. Images in no group are then moved across
 * the article's cut, nearest it first, until validation has the article's size again (ceil(testSize·n)).
 * Both lists keep the permutation's order.
 */
export function groupAwareSplitIndices(n: number, groups: readonly (readonly number[])[], options: TrainTestSplitOptions = {}): GroupSplit {
  const { validation: articleValidation } = trainTestSplitIndices(n, options); // validates n and testSize
  const testCount = articleValidation.length;
  const permutation = numpyPermutation(n, options.seed ?? 42);
  const inValidation = new Uint8Array(n);
  for (const index of articleValidation) inValidation[index] = 1;
  const grouped = new Uint8Array(n);

  for (const group of groups) {
    if (group.length === 0) continue;
    for (const index of group) {
      if (!Number.isInteger(index) || index < 0 || index >= n) throw new Error(`groupAwareSplitIndices: group member ${index} is not an index below n = ${n}`);
      if (grouped[index]) throw new Error(`groupAwareSplitIndices: image ${index} is in two groups`);
      grouped[index] = 1;
    }
    const side = inValidation[Math.min(...group)];
    for (const index of group) inValidation[index] = side;
  }

  // Re-balance with ungrouped images closest to the cut, so the split moves as little as possible.
  let validationCount = inValidation.reduce((sum, flag) => sum + flag, 0);
  for (let position = testCount - 1; validationCount > testCount && position >= 0; position--) {
    const index = permutation[position];
    if (!grouped[index] && inValidation[index]) {
      inValidation[index] = 0;
      validationCount--;
    }
  }
  for (let position = testCount; validationCount < testCount && position < n; position++) {
    const index = permutation[position];
    if (!grouped[index] && !inValidation[index]) {
      inValidation[index] = 1;
      validationCount++;
    }
  }
  const tolerance = Math.max(1, Math.round(0.01 * n));
  if (Math.abs(validationCount - testCount) > tolerance) {
    throw new Error(
      `groupAwareSplitIndices: cannot keep the duplicate groups together with ${testCount} validation images (±${tolerance}): the groups alone put ${validationCount} in validation`,
    );
  }

  const train: number[] = [];
  const validation: number[] = [];
  let moved = 0;
  permutation.forEach((index, position) => {
    (inValidation[index] ? validation : train).push(index);
    if (inValidation[index] !== (position < testCount ? 1 : 0)) moved++;
  });
  return { train, validation, moved };
}

/** How many images of `validation` have an identical image (same group) in `train`: the split's leakage. */
export function countLeakedValidationImages(train: readonly number[], validation: readonly number[], groups: readonly (readonly number[])[]): number {
  const groupOf = new Map<number, number>();
  groups.forEach((group, g) => group.forEach((index) => groupOf.set(index, g)));
  const groupsInTrain = new Set<number>();
  for (const index of train) {
    const group = groupOf.get(index);
    if (group !== undefined) groupsInTrain.add(group);
  }
  return validation.filter((index) => groupsInTrain.has(groupOf.get(index) ?? -1)).length;
}
