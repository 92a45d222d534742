const history = await fit(model, train, {
  validation,
  epochs: 100,
  batchSize: 128,
  seed,
  augment: augmentation,
  callbacks: [stopper, checkpoint],
});
