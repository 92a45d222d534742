const plainModel = buildModel({ batchNorm: false });
const plainHistory = await fit(plainModel, train, { validation, epochs, batchSize: 128, seed });
