import * as tf from '@tensorflow/tfjs';

const data = await loadDataset({ resolution: 64 });
const { train, validation } = trainTestSplit(data, { testSize: 0.3, randomState: 42 });
const augmentation = articleAugmentation({ seed: 1 });
`${train.count} training images (augmented on the fly), ${validation.count} validation images`
