import type * as tf from '@tensorflow/tfjs';
import type { CellContext } from '../context';
import type { ImageSet } from '../../ml/imageSet';
import { predictProbabilities } from '../../ml/predict';
import { binaryMetrics } from '../../ml/metrics';
import { EvaluationReport } from './evaluationReport';

/** The evaluation every lesson ends with: a model's figures on a set, as a report a cell can compute with. */
export function evaluationLibrary(context: CellContext) {
  /** Accuracy, confusion matrix and the missed emergency vehicles of a model on a set. */
  async function evaluate(model: tf.LayersModel, data: ImageSet, { name = 'Validation' }: { name?: string } = {}): Promise<EvaluationReport> {
    const probabilities = await predictProbabilities(model, data);
    return new EvaluationReport(name, binaryMetrics(probabilities, data.labels), data, probabilities, context.t);
  }

  return { evaluate };
}
