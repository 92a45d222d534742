/**
 * Numbers as readers read them, for every part of the course that prints one: the notebook's
 * inspector, the lesson library's figures and reports, the importer's report and the data
 * page. One module, so a percentage or a learning rate reads the same everywhere, and the
 * language-specific parts (the space before %) are decided in one place for both languages.
 */

/** The languages the course is written in (see src/i18n). */
export type NumberLanguage = 'en' | 'zh';

const SIGNIFICANT_DIGITS = 6;

/**
 * Integers as they are; other numbers to about 6 significant digits, so float32 noise
 * (0.10000000149) and sums like 0.1 + 0.2 read as 0.1 and 0.3, and 1e-5 · 224² / 64² as
 * 0.0001225 rather than 0.00012250000000000002.
 */
export function formatNumber(value: number, significantDigits = SIGNIFICANT_DIGITS): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return 'Infinity';
  if (value === -Infinity) return '-Infinity';
  if (Object.is(value, -0)) return '-0';
  if (Number.isInteger(value)) return String(value);
  // Large floats keep their whole integer part rather than switching to 1.23457e+6.
  if (Math.abs(value) >= 10 ** significantDigits && Math.abs(value) < 1e21) return String(Math.round(value));
  return String(Number(value.toPrecision(significantDigits)));
}

/** 1239101 → "1,239,101": parameter counts and sizes readers compare by eye (both languages group by thousands). */
export function formatCount(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const [whole, fraction] = String(Math.abs(value)).split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${value < 0 ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}

/** A fraction as a percentage: 0.896 → "89.6 %" in English, "89.6%" in Chinese (no space, as Chinese typesetting writes it). */
export function formatPercent(fraction: number, { digits = 1, language = 'en' }: { digits?: number; language?: NumberLanguage } = {}): string {
  const number = (100 * fraction).toFixed(digits);
  return language === 'zh' ? `${number}%` : `${number} %`;
}

/** `part` of `whole` as a percentage ("41.9 %"), or "–" when there is no whole to take a share of. */
export function formatShare(part: number, whole: number, options?: { digits?: number; language?: NumberLanguage }): string {
  return whole === 0 ? '–' : formatPercent(part / whole, options);
}
