// Early stopping that watches the validation loss, waits 3 epochs without improvement, then puts back the best weights.
const stopper3 = earlyStopping({ monitor: 'val_loss', minDelta: 0, patience: 3, mode: 'min', restoreBestWeights: true });
