// Early stopping that watches the validation loss, waits 3 epochs without improvement, then puts back the best weights.
const stopper3 = earlyStopping({ monitor: ____, minDelta: 0, patience: ____, mode: 'min', restoreBestWeights: ____ });
