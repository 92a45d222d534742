display(await evaluate(model10, validation, { name: 'Validation' }));
tryYourPhoto(model10)
