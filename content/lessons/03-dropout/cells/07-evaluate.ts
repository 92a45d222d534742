await evaluate(dropoutModel, validation, { name: 'Validation' })
