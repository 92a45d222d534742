display(await evaluate(bnModel, validation, { name: 'Validation' }));
tryYourPhoto(bnModel)
