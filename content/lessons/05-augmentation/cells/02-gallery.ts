const augmentation = articleAugmentation({ seed: 1 });
augmentationGallery(train, { count: 4, augmentation })
