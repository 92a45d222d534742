display(await evaluate(dropoutModel, validation, { name: 'Validation' }));
tryYourPhoto(dropoutModel)
