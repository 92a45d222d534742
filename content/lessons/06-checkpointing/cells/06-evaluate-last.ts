await evaluate(model, validation, { name: 'Validation (last epoch)' })
