const epochs = 100;
const plainModel = buildModel({ dropout: false });
const plainHistory = await fit(plainModel, train, { validation, epochs, batchSize: 128, seed });
