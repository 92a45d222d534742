// The lesson's network, each hidden layer followed by batch normalization, then Dropout(0.5).
const myModel = tf.sequential({
  layers: [
    tf.layers.dense({ inputShape: [data.featureCount], units: 100, activation: 'sigmoid' }),
    tf.layers.batchNormalization(),
    tf.layers.dropout({ rate: 0.5 }),
    tf.layers.dense({ units: 100, activation: 'sigmoid' }),
    tf.layers.batchNormalization(),
    tf.layers.dropout({ rate: 0.5 }),
    tf.layers.dense({ units: 1, activation: 'sigmoid' }),
  ],
});
myModel
