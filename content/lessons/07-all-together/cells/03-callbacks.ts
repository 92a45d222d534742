const stopper = earlyStopping({ monitor: 'val_loss', minDelta: 0.01, patience: 10 });
const checkpoint = modelCheckpoint({ name: 'all_together_best', monitor: 'val_accuracy', mode: 'max', saveBestOnly: true });
