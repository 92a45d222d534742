await restoreCheckpoint(model, 'best_weights');
await evaluate(model, validation, { name: 'Validation (best epoch)' })
