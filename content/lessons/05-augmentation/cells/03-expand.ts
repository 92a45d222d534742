const fiveFold = await expandLikeArticle(train, { seed });
display(showImages(fiveFold, { count: 10 }));
fiveFold.toString()
