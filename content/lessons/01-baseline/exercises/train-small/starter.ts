// Train the 20-unit network of the first exercise exactly as the baseline was trained (run that exercise first).
smallModel.compile({ optimizer: tf.train.adam(learningRate), loss: 'binaryCrossentropy', metrics: ['accuracy'] });
const smallHistory = await fit(____, train, { validation, epochs: 50, batchSize: 128 });
