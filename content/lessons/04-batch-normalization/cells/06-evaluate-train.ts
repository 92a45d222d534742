await evaluate(bnModel, train, { name: 'Training' })
