const history = await fit(model, train, {
  validation,
  epochs: 50,
  batchSize: 128,
  seed,
  callbacks: [checkpoint],
});
