import { describe, expect, it } from 'vitest';
import { majorityPlateau } from '../../src/ml/majorityPlateau';
import { messages } from '../../src/i18n';
import type { EpochLogs } from '../../src/ml/train';

// 10 validation images, 6 of them non-emergency: always answering "non-emergency" scores 60 %.
const labels = Uint8Array.from([0, 0, 0, 0, 0, 0, 1, 1, 1, 1]);
const run = (accuracies: number[]): EpochLogs[] => accuracies.map((val_acc, i) => ({ epoch: i + 1, loss: 0.69, acc: 0.6, val_loss: 0.68, val_acc }));

describe('majorityPlateau', () => {
  it('finds the longest stretch of epochs at the majority class’s share', () => {
    expect(majorityPlateau(run([0.5, 0.6, 0.6, 0.6, 0.7, 0.6, 0.6, 0.6, 0.6, 0.8]), labels)).toEqual({ from: 6, to: 9, rate: 0.6, majorityLabel: 0 });
  });

  it('says nothing for a shorter stretch or a network that learned', () => {
    expect(majorityPlateau(run([0.5, 0.6, 0.6, 0.7, 0.8]), labels)).toBeUndefined();
    expect(majorityPlateau(run([0.7, 0.75, 0.8, 0.8, 0.8]), labels)).toBeUndefined();
  });

  it('is explained in both languages, with the rate and the class', () => {
    const values = { from: 3, to: 26, rate: '59.6 %', majority: messages('en').training.classNames[0], minority: messages('en').training.classNames[1] };
    expect(messages('en').training.majorityPlateau(values)).toMatch(/^From epoch 3 to 26 validation accuracy stayed at 59\.6 %, the share of non-emergency images in the validation set: the network answered "non-emergency" for every image\./);
    const zh = messages('zh').training;
    expect(zh.majorityPlateau({ ...values, majority: zh.classNames[0], minority: zh.classNames[1] })).toMatch(/^从第 3 轮到第 26 轮，验证准确率一直停在 59\.6 %.*"非紧急"/);
  });
});
