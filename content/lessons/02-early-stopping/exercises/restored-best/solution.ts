// Train a new model with stopper3 (the first exercise) as its callback.
const model3 = buildModel();
const history3 = await fit(model3, train, { validation, epochs: 100, batchSize: 128, seed, callbacks: stopper3 });
