await restoreCheckpoint(model, 'all_together_best');
display(await evaluate(model, validation, { name: 'Validation (best epoch)' }));
tryYourPhoto(model)
