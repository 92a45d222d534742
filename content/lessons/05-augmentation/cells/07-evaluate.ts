await evaluate(model, validation, { name: 'Validation' })
