// Keras's default starting weights (Glorot uniform), drawn from the lesson's seed.
const seeded = (layer: number) => tf.initializers.glorotUniform({ seed: 100 * seed + layer });
const model = tf.sequential({
  layers: [
    tf.layers.dense({ inputShape: [data.featureCount], units: 100, activation: 'sigmoid', kernelInitializer: seeded(1) }),
    tf.layers.batchNormalization(),
    tf.layers.dropout({ rate: 0.5 }),
    tf.layers.dense({ units: 100, activation: 'sigmoid', kernelInitializer: seeded(2) }),
    tf.layers.batchNormalization(),
    tf.layers.dropout({ rate: 0.5 }),
    tf.layers.dense({ units: 1, activation: 'sigmoid', kernelInitializer: seeded(3) }),
  ],
});
model.compile({ optimizer: tf.train.adam(2e-5 * (224 * 224) / (data.size * data.size)), loss: 'binaryCrossentropy', metrics: ['accuracy'] });
model
