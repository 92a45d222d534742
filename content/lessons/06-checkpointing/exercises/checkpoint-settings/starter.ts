// A checkpoint that keeps the model of the epoch with the lowest validation loss.
const lossCheckpoint = modelCheckpoint({ name: 'lowest_val_loss', monitor: ____, mode: ____, saveBestOnly: true });
