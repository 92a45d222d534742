import * as tf from '@tensorflow/tfjs';

// One seed for everything random in this lesson: the weights' starting values, the shuffling,
// the dropout masks and the augmentation draws. The same seed gives every reader the same run; change it to see another.
const seed = 1;

const data = await loadDataset({ resolution: 64 });
const { train, validation } = trainTestSplit(data, { testSize: 0.3, randomState: 42 });
const augmentation = articleAugmentation({ seed });
`${train.count} training images (augmented on the fly), ${validation.count} validation images`
