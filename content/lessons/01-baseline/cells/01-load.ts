import * as tf from '@tensorflow/tfjs';

const data = await loadDataset({ resolution: 64 });
display(showImages(data, { count: 12 }));
data.toString()
