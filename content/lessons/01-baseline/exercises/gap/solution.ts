// How far training accuracy ran ahead of validation accuracy at the end of a run, in percentage points.
function overfittingGap(run: typeof history): number {
  const last = run.epochs[run.epochs.length - 1];
  return 100 * (last.acc - (last.val_acc ?? 0));
}
