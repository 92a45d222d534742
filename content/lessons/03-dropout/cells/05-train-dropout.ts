const dropoutHistory = await fit(dropoutModel, train, { validation, epochs, batchSize: 128, seed });
