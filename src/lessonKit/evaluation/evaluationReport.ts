import type { BinaryMetrics } from '../../ml/metrics';
import type { ImageSet } from '../../ml/imageSet';
import type { Messages } from '../../i18n';
import { thresholdExplorer } from '../../viz/thresholdExplorer';
import { formatPercent } from '../../lib/numbers';
import { DISPLAY } from '../displayProtocol';

/** The result of `evaluate`: figures a cell can compute with (at the usual threshold 0.5), and how the page shows them. */
export class EvaluationReport {
  readonly accuracy: number;
  readonly loss: number;
  readonly falseNegatives: number;

  constructor(readonly name: string, readonly metrics: BinaryMetrics, readonly images: ImageSet, readonly probabilities: Float32Array, private readonly t: Messages) {
    this.accuracy = metrics.accuracy;
    this.loss = metrics.loss;
    this.falseNegatives = metrics.confusion.falseNegatives;
  }

  [DISPLAY](doc: Document): Node {
    const section = doc.createElement('section');
    section.className = 'evaluation-report';
    section.setAttribute('data-evaluation', this.name);
    const heading = doc.createElement('p');
    heading.className = 'evaluation-accuracy';
    const strong = doc.createElement('strong');
    const words = this.t.evaluation;
    strong.textContent = words.accuracy(words.setNames[this.name] ?? this.name, formatPercent(this.accuracy));
    heading.append(strong, words.detail(this.metrics.count, this.loss.toFixed(4)));
    section.append(heading, thresholdExplorer(this.images, this.probabilities, this.t.figures, doc).element);
    return section;
  }

  toString(): string {
    return `${this.name} accuracy ${formatPercent(this.accuracy)}, ${this.falseNegatives} false negatives`;
  }
}
