import type { BinaryMetrics } from '../ml/metrics';
import type { ImageSet } from '../ml/imageSet';
import { confusionMatrixTable } from '../viz/confusionMatrix';
import { imageGrid } from '../viz/imageGrid';
import { formatPercent } from '../lib/numbers';
import { DISPLAY } from './displayProtocol';

/** The result of `evaluate`: figures a cell can compute with, and how the page shows them. */
export class EvaluationReport {
  readonly accuracy: number;
  readonly loss: number;
  readonly falseNegatives: number;

  constructor(readonly name: string, readonly metrics: BinaryMetrics, readonly images: ImageSet) {
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
    strong.textContent = `${this.name} accuracy: ${formatPercent(this.accuracy)}`;
    heading.append(strong, ` (${this.metrics.count} images, loss ${this.loss.toFixed(4)})`);
    const { confusion } = this.metrics;
    const missed = doc.createElement('p');
    missed.setAttribute('data-false-negatives', String(confusion.falseNegatives));
    const emergencies = confusion.falseNegatives + confusion.truePositives;
    missed.textContent = `False negatives: ${confusion.falseNegatives} of ${emergencies} emergency vehicles were called non-emergency.`;
    section.append(heading, confusionMatrixTable(confusion, this.images.classes as [string, string], doc), missed);
    const shown = this.metrics.falseNegativeIndices.slice(0, 8);
    if (shown.length > 0) {
      section.append(imageGrid(this.images, { indices: shown, document: doc, thumbnailSize: 80, caption: (index) => `${this.images.names[index]}: missed` }));
    }
    return section;
  }

  toString(): string {
    return `${this.name} accuracy ${formatPercent(this.accuracy)}, ${this.falseNegatives} false negatives`;
  }
}
