// Train your model of the first exercise the way the lesson trained its two (run those cells first).
const myDropoutHistory = await fit(myDropoutModel, train, { validation, epochs, batchSize: 128, seed: 1 });
