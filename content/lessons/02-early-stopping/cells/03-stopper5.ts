const stopper5 = earlyStopping({ monitor: 'val_loss', minDelta: 0.01, patience: 5, mode: 'min' });
