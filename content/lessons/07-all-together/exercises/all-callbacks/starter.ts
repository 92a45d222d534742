// Train myModel (the first exercise) for a few epochs with everything: augmentation, early stopping, a checkpoint.
myModel.compile({ optimizer: tf.train.adam(2e-5 * (224 * 224) / (data.size * data.size)), loss: 'binaryCrossentropy', metrics: ['accuracy'] });
const myHistory = await fit(myModel, train, { validation, epochs: 3, batchSize: 128, seed, augment: ____, callbacks: [____, ____] });
