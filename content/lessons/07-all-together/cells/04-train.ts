const history = await fit(model, train, {
  validation,
  epochs: 100,
  batchSize: 128,
  augment: augmentation,
  callbacks: [stopper, checkpoint],
});
