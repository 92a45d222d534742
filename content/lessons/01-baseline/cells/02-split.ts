const { train, validation, leaked } = trainTestSplit(data, { testSize: 0.3, randomState: 42 });
`${train.count} training images, ${validation.count} validation images; ${leaked} of the validation images have an exact copy in the training set`
