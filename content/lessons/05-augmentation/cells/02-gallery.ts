const augmentation = articleAugmentation({ seed });
augmentationGallery(train, { count: 4, augmentation })
