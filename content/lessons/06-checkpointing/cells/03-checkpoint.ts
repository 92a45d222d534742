const checkpoint = modelCheckpoint({
  name: 'best_weights',
  monitor: 'val_accuracy',
  mode: 'max',
  saveBestOnly: true,
});
