// The baseline's network with 20 units in each hidden layer instead of 100: fill in the blanks.
const smallModel = tf.sequential({
  layers: [
    tf.layers.dense({ inputShape: [data.featureCount], units: ____, activation: 'sigmoid' }),
    tf.layers.dense({ units: ____, activation: 'sigmoid' }),
    tf.layers.dense({ units: 1, activation: 'sigmoid' }),
  ],
});
smallModel
