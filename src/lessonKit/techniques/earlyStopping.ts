import type { CellContext } from '../context';
import type { History } from '../../ml/train';
import { EarlyStopping, type EarlyStoppingOptions } from '../../ml/earlyStopping';
import { earlyStoppingFigure } from '../../viz/earlyStoppingFigure';

/** The names of the early-stopping lesson: the callback and the figure of where (and why) it stopped. */
export function earlyStoppingLibrary(context: CellContext) {
  const doc = context.document;

  /** Keras's EarlyStopping as a callback for `fit`, with restoreBestWeights (which TF.js lacks). */
  function earlyStopping(options: EarlyStoppingOptions = {}): EarlyStopping {
    return new EarlyStopping(options);
  }

  /** Loss and accuracy with the overfitting region shaded and where (and why) early stopping stopped. */
  function plotEarlyStopping(history: History, stopper: EarlyStopping): HTMLElement {
    return earlyStoppingFigure(history.epochs, stopper.summary(), { words: context.t.curves, document: doc });
  }

  return { earlyStopping, plotEarlyStopping };
}
