const stopper10 = earlyStopping({ monitor: 'val_loss', minDelta: 0.01, patience: 10, mode: 'min', restoreBestWeights: true });
const model10 = buildModel();
const history10 = await fit(model10, train, { validation, epochs: 100, batchSize: 128, seed, callbacks: stopper10 });
