await evaluate(bnModel, validation, { name: 'Validation' })
