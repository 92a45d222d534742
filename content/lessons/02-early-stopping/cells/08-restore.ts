const last = history10.epochs.at(-1)!;
const restored = await evaluate(model10, validation);
const restoredEpoch = stopper10.summary().restoredEpoch;
`Last epoch (${last.epoch}): validation loss ${last.val_loss!.toFixed(4)}, accuracy ${(100 * last.val_acc!).toFixed(1)} % — the model without restoreBestWeights. ` +
`Restored (epoch ${restoredEpoch}): validation loss ${restored.loss.toFixed(4)}, accuracy ${(100 * restored.accuracy).toFixed(1)} %.`
