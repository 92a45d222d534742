display(await evaluate(model, validation, { name: 'Validation' }));
tryYourPhoto(model)
