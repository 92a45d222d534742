// Train the lesson's model for a few epochs on the article's five-fold training set (cell 3 made it).
const fiveFoldHistory = await fit(model, fiveFold, { validation, epochs: 3, batchSize: 128, seed });
