/**
 * The figures' one palette: each concept has one colour in every figure of the course, defined once as a
 * CSS variable in src/styles/global.css with a light and a dark value (light-dark()), so a figure reads on
 * the page's background in both modes. Figures never use a fixed colour: test/viz/palette.test.ts fails on one.
 */
export const SERIES_COLORS = {
  /** Training figures (loss, accuracy, batch statistics: what the network sees while it learns). */
  training: 'var(--series-training)',
  /** Validation figures (and what the network uses at inference: moving statistics). */
  validation: 'var(--series-validation)',
} as const;

/** Runs side by side: the first (without the lesson's technique, by the lessons' convention) grey, then one colour per run. */
export const RUN_COLORS = ['var(--run-1)', 'var(--run-2)', 'var(--run-3)', 'var(--run-4)', 'var(--run-5)', 'var(--run-6)'] as const;

/** Marks on the curves. */
export const MARK_COLORS = {
  /** Where overfitting starts and the epochs after it (shaded at low opacity). */
  overfitting: 'var(--mark-overfitting)',
  /** The best epoch, a saved checkpoint, the weights kept. */
  best: 'var(--mark-best)',
  /** Where training stopped, the last epoch: the page's own text colour. */
  stop: 'currentColor',
  /** Something not in use (a dropped unit, a plain value). */
  neutral: 'var(--mark-neutral)',
} as const;
