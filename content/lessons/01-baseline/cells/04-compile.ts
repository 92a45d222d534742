const learningRate = 1e-5 * (224 * 224) / (data.size * data.size);
model.compile({
  optimizer: tf.train.adam(learningRate),
  loss: 'binaryCrossentropy',
  metrics: ['accuracy'],
});
// toPrecision(3): 0.000123, not the float's every digit (0.00012250000000000002).
`compiled: Adam(learning rate ${learningRate.toPrecision(3)}), binary cross-entropy`
