// The epoch a val_accuracy checkpoint keeps: the one with the highest validation accuracy (the first, on a tie).
function bestEpoch(run: typeof history): number {
  let best = run.epochs[0];
  for (const logs of run.epochs) {
    if ((logs.val_acc ?? 0) > (best.val_acc ?? 0)) best = ____;
  }
  return best.epoch;
}
