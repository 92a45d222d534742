const learningRate = 2e-5 * (224 * 224) / (data.size * data.size);
model.compile({
  optimizer: tf.train.adam(learningRate),
  loss: 'binaryCrossentropy',
  metrics: ['accuracy'],
});
// toPrecision(3): 0.000245, not the float's every digit.
`compiled: Adam(learning rate ${learningRate.toPrecision(3)}), binary cross-entropy`
