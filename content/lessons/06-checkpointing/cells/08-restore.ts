await restoreCheckpoint(model, 'best_weights');
display(await evaluate(model, validation, { name: 'Validation (best epoch)' }));
tryYourPhoto(model)
