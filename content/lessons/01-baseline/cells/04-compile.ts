const learningRate = 1e-5 * (224 * 224) / (data.size * data.size);
model.compile({
  optimizer: tf.train.adam(learningRate),
  loss: 'binaryCrossentropy',
  metrics: ['accuracy'],
});
`compiled: Adam(learning rate ${learningRate}), binary cross-entropy`
