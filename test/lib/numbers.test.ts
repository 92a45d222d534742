import { describe, expect, it } from 'vitest';
import { formatCount, formatNumber, formatPercent, formatShare } from '../../src/lib/numbers';

describe('numbers for readers (one module for the inspector, figures, reports and both languages)', () => {
  it('shows a computed learning rate without float noise', () => {
    const learningRate = (1e-5 * 224 * 224) / (64 * 64);
    expect(String(learningRate)).toBe('0.00012250000000000002');
    expect(formatNumber(learningRate)).toBe('0.0001225');
    expect(formatNumber(learningRate, 2)).toBe('0.00012');
    expect(formatNumber(1.5e-9)).toBe('1.5e-9');
    expect(formatCount(1239101)).toBe('1,239,101');
  });

  it('writes percentages as each language does', () => {
    expect(formatPercent(0.896)).toBe('89.6 %');
    expect(formatPercent(0.896, { language: 'zh' })).toBe('89.6%');
    expect(formatPercent(0.5, { digits: 0 })).toBe('50 %');
    expect(formatShare(46, 706)).toBe('6.5 %');
    expect(formatShare(1, 0)).toBe('–');
  });
});
