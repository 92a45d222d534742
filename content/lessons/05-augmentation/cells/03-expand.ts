const fiveFold = await expandLikeArticle(train);
display(showImages(fiveFold, { count: 10 }));
fiveFold.toString()
