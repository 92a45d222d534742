const hiddenUnits = 100;

const model = tf.sequential({
  layers: [
    tf.layers.dense({ inputShape: [data.featureCount], units: hiddenUnits, activation: 'sigmoid' }),
    tf.layers.dense({ units: hiddenUnits, activation: 'sigmoid' }),
    tf.layers.dense({ units: 1, activation: 'sigmoid' }),
  ],
});
model
