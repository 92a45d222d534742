// The baseline's network with batch normalization after each hidden layer.
const myBnModel = tf.sequential({
  layers: [
    tf.layers.dense({ inputShape: [data.featureCount], units: 100, activation: 'sigmoid' }),
    tf.layers.batchNormalization(),
    tf.layers.dense({ units: 100, activation: 'sigmoid' }),
    tf.layers.batchNormalization(),
    tf.layers.dense({ units: 1, activation: 'sigmoid' }),
  ],
});
myBnModel.compile({ optimizer: tf.train.adam(2e-5 * (224 * 224) / (data.size * data.size)), loss: 'binaryCrossentropy', metrics: ['accuracy'] });
myBnModel
