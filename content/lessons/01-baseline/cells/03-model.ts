const hiddenUnits = 100;
// Keras's default starting weights (Glorot uniform), drawn from the lesson's seed.
const seeded = (layer: number) => tf.initializers.glorotUniform({ seed: 100 * seed + layer });

const model = tf.sequential({
  layers: [
    tf.layers.dense({ inputShape: [data.featureCount], units: hiddenUnits, activation: 'sigmoid', kernelInitializer: seeded(1) }),
    tf.layers.dense({ units: hiddenUnits, activation: 'sigmoid', kernelInitializer: seeded(2) }),
    tf.layers.dense({ units: 1, activation: 'sigmoid', kernelInitializer: seeded(3) }),
  ],
});
model
