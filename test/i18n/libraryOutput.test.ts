// @vitest-environment jsdom
/**
 * What the lesson library prints, on a Chinese page: the same figures and lines as on an English page, in
 * Chinese (the words come from the page's table, context.t, never from a default language).
 */
import { describe, expect, it } from 'vitest';
import * as en from '../../src/i18n/en';
import * as zh from '../../src/i18n/zh';
import { historyFigure } from '../../src/viz/historyFigure';
import { earlyStoppingFigure, stoppingReason } from '../../src/viz/earlyStoppingFigure';
import { comparisonFigure } from '../../src/viz/comparisonFigure';
import { checkpointList } from '../../src/viz/checkpointList';
import { runComparison } from '../../src/viz/runComparison';
import { trainingProgress } from '../../src/viz/trainingProgress';
import { dropoutMaskViewer } from '../../src/viz/dropoutMaskViewer';
import { batchNormFigure } from '../../src/viz/batchNormPanel';
import { EarlyStopping } from '../../src/ml/earlyStopping';
import type { EpochLogs } from '../../src/ml/train';
import { EvaluationReport } from '../../src/lessonKit/evaluation/evaluationReport';
import { DISPLAY } from '../../src/lessonKit/displayProtocol';
import { binaryMetrics } from '../../src/ml/metrics';
import { ImageSet } from '../../src/ml/imageSet';

// Validation loss bottoms out at epoch 4, then rises for 5 epochs.
const epochs: EpochLogs[] = [0.69, 0.6, 0.55, 0.52, 0.54, 0.58, 0.63, 0.66, 0.7].map((valLoss, i) => ({
  epoch: i + 1, loss: 0.7 - 0.06 * i, acc: 0.55 + 0.045 * i, val_loss: valLoss, val_acc: 0.55 + 0.03 * Math.min(i, 3),
}));

/** Latin words of three letters or more outside code names (val_loss, EarlyStopping, min delta, patience, baseline). */
function englishWords(text: string): string[] {
  const code = /\b(val_loss|val_acc|EarlyStopping|min delta|patience|baseline|loss|acc)\b/g;
  return text.replace(code, '').match(/[A-Za-z]{3,}/g) ?? [];
}

function run(minDelta: number, patience: number, curve: EpochLogs[], baseline?: number) {
  const stopper = new EarlyStopping({ monitor: 'val_loss', minDelta, patience, baseline });
  stopper.onTrainBegin({});
  for (const logs of curve) if (stopper.onEpochEnd(logs) === 'stop') break;
  return stopper.summary();
}

describe('the lesson library on a Chinese page', () => {
  it('captions the training curves in Chinese, axes and legend included', () => {
    const figure = historyFigure(epochs, { words: zh.curves, markOverfitting: true });
    const caption = figure.querySelector('figcaption')!.textContent!;
    expect(caption).toMatch(/^9 轮之后：训练准确率 91\.0 %，验证准确率 64\.0 %。验证损失最后一次下降超过 0\.01 是在第 4 轮/);
    expect(englishWords(caption)).toEqual([]);
    const loss = figure.querySelector('[data-metric="loss"]')!;
    expect(loss.getAttribute('aria-label')).toBe('每轮的损失，训练与验证');
    expect(loss.textContent).toContain('验证损失不再改善（第 4 轮）');
    expect(loss.textContent).toContain('轮次');
    // What the chart writes (ticks, labels, legend), not Plot's stylesheet.
    const written = [...loss.querySelectorAll('text, span')].map((node) => node.textContent).join(' ');
    expect(written).toContain('训练');
    expect(englishWords(written)).toEqual([]);
  });

  it('says where and why early stopping stopped in Chinese', () => {
    const summary = run(0.01, 5, epochs);
    const figure = earlyStoppingFigure(epochs, summary, { words: zh.curves });
    expect(figure.querySelector('[data-stopping-reason]')!.textContent).toBe('EarlyStopping(val_loss, min delta 0.01, patience 5)：在第 9 轮后停止：val_loss 连续 5 轮没有下降超过 0.01。');
    const caption = figure.querySelector('figcaption')!.textContent!;
    expect(caption).toMatch(/^在第 9 轮停止：训练准确率/);
    expect(englishWords(caption)).toEqual([]);
  });

  it('prints the training status, the run comparison and the checkpoint list in Chinese', () => {
    const view = trainingProgress({ words: zh, totalEpochs: 2, batchesPerEpoch: 4, estimatedMs: 90_000 });
    expect(view.element.querySelector('[data-training-status]')!.textContent).toBe('第 0/2 轮：正在开始… · 预计约需 1:30（根据这台设备之前的测量）');
    expect(view.element.querySelector('progress')!.getAttribute('aria-label')).toBe('训练进度');
    expect(comparisonFigure([{ label: 'MLP', epochs }], { words: zh.curves }).querySelector('figcaption')!.textContent).toBe('实线：验证；虚线：训练。MLP：共 9 轮，训练准确率 91.0 %，验证准确率 64.0 %。');
    expect(runComparison([], { words: zh.curves }).textContent).toBe(zh.curves.runsEmpty);
    expect(checkpointList([], { words: zh.checkpoints }).querySelector('caption')!.textContent).toBe('这个浏览器还没有保存任何检查点。');
  });
});

describe('the dropout masks on a Chinese page', () => {
  it('labels the steps, the table and the caption in Chinese', () => {
    const observation = {
      layerName: 'dropout_1', rate: 0.5, units: 4, batchSize: 8,
      steps: [1, 2].map((step) => ({ step, mask: Uint8Array.from([1, 0, step % 2, 0]), keptScale: 2, fractionDropped: 0.5 })),
      inference: { fractionDropped: 0, maxChange: 0 },
    };
    const figure = dropoutMaskViewer(observation, { words: zh.dropout });
    const caption = figure.querySelector('figcaption')!.textContent!;
    expect(caption).toMatch(/^dropout_1，rate 0\.5：在 2 个各有 8 张图像的训练步骤中，50\.0 % 的单元被丢弃/);
    expect(englishWords(caption.replace(/inverted dropout|dropout_1|rate/g, '')) /* the parameter's and the technique's names */).toEqual([]);
    expect([...figure.querySelectorAll('th')].map((th) => th.textContent).join('|')).toBe('|被丢弃的单元（整个批次）|保留单元的缩放倍数|与上一步相比变化的单元（第一张图像）');
  });
});

describe('the batch-norm panel on a Chinese page', () => {
  it('says what it shows in Chinese', () => {
    const units = 4;
    const values = (v: number) => Float32Array.from({ length: units }, () => v);
    const before = Float32Array.from({ length: 8 * units }, (_, i) => (i % 5) / 5);
    const snapshot = {
      layerName: 'batch_normalization_1', units, epsilon: 0.001, batchMean: values(0.5), batchVariance: values(0.1), movingMean: values(0.4), movingVariance: values(0.8),
      gamma: values(1), beta: values(0), before, after: before.map((v) => (v - 0.4) / 0.3),
    };
    const figure = batchNormFigure(snapshot, [{ batches: 13, epoch: 1, meanGap: 0.1, varianceGap: 0.3 }], { words: zh.batchNorm, label: zh.batchNorm.afterEpoch(1) });
    expect(figure.querySelector('.batch-norm-heading')!.textContent).toBe('batch_normalization_1 第 1 轮之后：4 个单元，一个含 8 张训练图像的批次的统计量。');
    const caption = figure.querySelector('figcaption')!.textContent!;
    expect(caption).toMatch(/^之前：激活值平均 0\.381（离散度 0\.284）/);
    expect(englishWords(caption.replace(/gamma|beta|epsilon/g, ''))).toEqual([]);
  });
});

describe('evaluate() on a Chinese page', () => {
  it("names the set and says the figures in Chinese", () => {
    const labels = Uint8Array.from([0, 1, 1, 0]);
    const images = new ImageSet(2, new Uint8Array(4 * 12), labels, ['1.jpg', '2.jpg', '3.jpg', '4.jpg']);
    const probabilities = Float32Array.from([0.2, 0.9, 0.4, 0.1]);
    const report = new EvaluationReport('Validation', binaryMetrics(probabilities, labels), images, probabilities, zh);
    const shown = report[DISPLAY](document) as HTMLElement;
    expect(shown.querySelector('.evaluation-accuracy')!.textContent).toMatch(/^验证集准确率：75\.0 %（4 张图像，损失 \d\.\d{4}）$/);
  });
});

describe("early stopping's reason in the page's words", () => {
  it('says in English exactly what the callback says, stopped or not, with or without a baseline', () => {
    const rising = epochs;
    const falling = epochs.map((logs, i) => ({ ...logs, val_loss: 0.7 - 0.05 * i }));
    for (const summary of [run(0.01, 5, rising), run(0, 3, rising), run(0.01, 20, rising), run(0.01, 3, rising, 0.3), run(0.01, 5, falling)]) {
      expect(stoppingReason(summary, en.curves)).toBe(summary.reason);
    }
    expect(stoppingReason({ ...run(0.01, 5, []), steps: [] }, en.curves)).toBe('no epoch has finished');
  });
});
