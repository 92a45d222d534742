showDropoutMasks(dropoutModel, train, { layer: 1, steps: 6, batchSize: 128 })
