await evaluate(model10, validation, { name: 'Validation' })
