await evaluate(model, train, { name: 'Training' })
