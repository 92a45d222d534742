await restoreCheckpoint(model, 'all_together_best');
await evaluate(model, validation, { name: 'Validation (best epoch)' })
