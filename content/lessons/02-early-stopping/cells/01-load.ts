import * as tf from '@tensorflow/tfjs';

const data = await loadDataset({ resolution: 64 });
const { train, validation } = trainTestSplit(data, { testSize: 0.3, randomState: 42 });
`${train.count} training images, ${validation.count} validation images`
