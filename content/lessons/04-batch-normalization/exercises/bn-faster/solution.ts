// Train your model of the first exercise as the lesson trained its two (run the lesson's cells first).
const myBnHistory = await fit(myBnModel, train, { validation, epochs, batchSize: 128, seed });
