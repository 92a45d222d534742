import type * as tf from '@tensorflow/tfjs';
import type { CellContext } from '../context';
import type { ImageSet } from '../../ml/imageSet';
import { observeDropout } from '../../ml/dropoutProbe';
import { dropoutMaskViewer } from '../../viz/dropoutMaskViewer';

/** The names of the dropout lesson: what a Dropout layer does, seen on the reader's own model. */
export function dropoutLibrary(context: CellContext) {
  const doc = context.document;

  /** Which units a Dropout layer drops on successive training steps, and what it does at inference. */
  function showDropoutMasks(model: tf.LayersModel, data: ImageSet, options: { layer?: number | string; steps?: number; batchSize?: number } = {}): HTMLElement {
    return dropoutMaskViewer(observeDropout(model, data, options), { words: context.t.dropout, document: doc });
  }

  return { showDropoutMasks };
}
