/**
 * Generates the synthetic stand-in for the article's dataset.
 *   npx tsx scripts/generate-default-dataset.ts [--out data/default] [--seed 1] [--count 2352]
 */
import { parseArgs } from 'node:util';
import { DEFAULT_COUNT, generateDataset } from './synthetic/generateDataset.ts';

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: 'data/default' },
    seed: { type: 'string', default: '1' },
    count: { type: 'string', default: String(DEFAULT_COUNT) },
  },
});

const toInt = (name: string, raw: string): number => {
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value)) throw new Error(`--${name} must be a non-negative integer, got "${raw}"`);
  return value;
};

const seed = toInt('seed', values.seed!);
const count = toInt('count', values.count!);
const started = performance.now();
let lastShown = -1;
const result = await generateDataset({
  outDir: values.out!,
  seed,
  count,
  onProgress: (done, total) => {
    const percent = Math.floor((done / total) * 100);
    if (percent !== lastShown && (percent % 5 === 0 || done === total)) {
      lastShown = percent;
      process.stdout.write(`\rrendering ${done}/${total} (${percent}%)`);
    }
  },
});
const seconds = (performance.now() - started) / 1000;
process.stdout.write('\n');
console.log(`wrote ${result.count} images (${result.emergency} emergency, ${result.count - result.emergency} non-emergency), seed ${seed}, to ${result.outDir} in ${seconds.toFixed(1)} s`);
