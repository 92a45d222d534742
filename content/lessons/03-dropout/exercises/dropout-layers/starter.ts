// The baseline's network with Dropout(0.5) after each hidden layer: replace each blank with a dropout layer.
const myDropoutModel = tf.sequential({
  layers: [
    tf.layers.dense({ inputShape: [data.featureCount], units: 100, activation: 'sigmoid' }),
    ____,
    tf.layers.dense({ units: 100, activation: 'sigmoid' }),
    ____,
    tf.layers.dense({ units: 1, activation: 'sigmoid' }),
  ],
});
myDropoutModel.compile({ optimizer: tf.train.adam(2e-5 * (224 * 224) / (data.size * data.size)), loss: 'binaryCrossentropy', metrics: ['accuracy'] });
myDropoutModel
