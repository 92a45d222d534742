import * as Plot from '@observablehq/plot';
import type { EpochLogs } from '../ml/train';
import { formatPercent } from '../lib/numbers';
import { epochChart, metricAxis, metricValue, METRICS, type CurveWords, type Split } from './epochCharts';
import { RUN_COLORS } from './palette';

export interface Run {
  label: string;
  epochs: readonly EpochLogs[];
  /** The epoch after which a callback (early stopping) ended the run, marked on the figure. */
  stoppedEpoch?: number;
}

export interface ComparisonFigureOptions {
  /** The page's words (`context.t.curves`). */
  words: CurveWords;
  width?: number;
  document?: Document;
}

// Not the blue and red that mean training and validation in the other figures: here colour means the run.
// The first run (the one without the technique, by the lessons' convention) is grey.

/** Earlier runs are drawn wider underneath, so a later run that follows the same path leaves them visible. */
function runWidth(index: number, runs: number): number {
  return 2 + 2.5 * (runs - 1 - index);
}

/**
 * Several training runs on the same axes, one colour per run: validation as solid lines,
 * training as dashed ones, so the gap between them (overfitting) can be compared run by run.
 * Where early stopping ended a run, a rule in the run's colour marks its stop.
 */
export function comparisonFigure(runs: readonly Run[], options: ComparisonFigureOptions): HTMLElement {
  const doc = options.document ?? document;
  const words = options.words;
  if (runs.length === 0) throw new Error('nothing to compare: pass at least one run');
  const figure = doc.createElement('figure');
  // Outputs can sit in a no-wrap context of the inspector: long captions must still wrap.
  figure.style.whiteSpace = 'normal';
  figure.className = 'history-figure comparison-figure';
  figure.setAttribute('data-figure', 'comparison');
  const lastEpoch = Math.max(2, ...runs.map((run) => run.epochs.at(-1)?.epoch ?? 1));
  const labels = runs.map((run) => run.label);
  for (const metric of METRICS) {
    const rows = (split: Split) => runs.flatMap((run) => run.epochs.flatMap((logs) => {
      const value = metricValue(logs, metric, split);
      return value === undefined ? [] : [{ epoch: logs.epoch, value, run: run.label, split }];
    }));
    figure.append(epochChart({
      document: doc,
      words,
      metric,
      description: words.perEpochOf(words.metrics[metric], labels.join(', ')),
      width: options.width,
      lastEpoch,
      y: metricAxis(metric, words, runs.flatMap((run) => run.epochs)),
      color: { domain: labels, range: RUN_COLORS.slice(0, labels.length), legend: metric === 'loss' },
      marks: [
        ...runs.map((run, index) => Plot.ruleX(run.stoppedEpoch === undefined ? [] : [run.stoppedEpoch], { stroke: RUN_COLORS[index % RUN_COLORS.length], strokeWidth: 1.5, strokeDasharray: '6,2' })),
        ...(metric === 'loss' ? runs.map((run, index) => Plot.text(run.stoppedEpoch === undefined ? [] : [run.stoppedEpoch], {
          x: (d: number) => d, frameAnchor: 'top', dy: 6 + 14 * index, dx: -4, textAnchor: 'end', fill: RUN_COLORS[index % RUN_COLORS.length], fontWeight: 'bold',
          text: (d: number) => words.runStopped(run.label, d),
        })) : []),
        ...runs.flatMap((run, index) => [
          Plot.line(rows('training').filter((row) => row.run === run.label), { x: 'epoch', y: 'value', stroke: 'run', strokeWidth: runWidth(index, runs.length) - 0.5, strokeDasharray: '4,3', strokeOpacity: 0.8 }),
          Plot.line(rows('validation').filter((row) => row.run === run.label), { x: 'epoch', y: 'value', stroke: 'run', strokeWidth: runWidth(index, runs.length), strokeOpacity: index < runs.length - 1 ? 0.6 : 1 }),
        ]),
        Plot.dot([...rows('training'), ...rows('validation')], { x: 'epoch', y: 'value', fill: 'run', r: 1.5, tip: true, title: (d: { run: string; split: Split; epoch: number; value: number }) => words.runPoint(d.run, words.series[d.split], d.epoch, d.value.toFixed(4)) }),
      ],
    }));
  }
  const caption = doc.createElement('figcaption');
  caption.style.maxWidth = '720px';
  caption.textContent = words.sentences([words.comparisonKey(runs.length > 1), ...runs.map((run) => {
    const last = run.epochs.at(-1);
    if (!last) return words.runNoEpochs(run.label);
    return words.runSummary({
      run: run.label, stoppedEarly: run.stoppedEpoch !== undefined, epochs: last.epoch,
      training: formatPercent(last.acc), validation: last.val_acc === undefined ? undefined : formatPercent(last.val_acc),
    });
  })]);
  figure.append(caption);
  return figure;
}
