const epochs = 50;
const panel = batchNormPanel(bnModel, train, { every: 5 });
const bnHistory = await fit(bnModel, train, { validation, epochs, batchSize: 128, seed, callbacks: panel });
