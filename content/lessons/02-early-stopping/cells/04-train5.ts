const model5 = buildModel();
const history5 = await fit(model5, train, { validation, epochs: 100, batchSize: 128, seed, callbacks: stopper5 });
