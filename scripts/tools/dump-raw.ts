/**
 * Dumps a generated dataset as the web payload will see it, for scripts/tools/mlp_numpy.py:
 * each image downscaled to 64×64 (sharp, lanczos3), optionally round-tripped through
 * JPEG q85 mozjpeg (the sprite-sheet encoding), as raw uint8 RGB.
 *   npx tsx scripts/tools/dump-raw.ts <datasetDir> [--out /tmp/vehicles] [--no-jpeg]
 * Writes <out>.x.u8 (N×64×64×3), <out>.y.u8 (N labels) and prints the mean 64×64 JPEG size.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import sharp from 'sharp';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { out: { type: 'string', default: '/tmp/vehicles' }, 'no-jpeg': { type: 'boolean', default: false }, size: { type: 'string', default: '64' } },
});
const dir = positionals[0];
if (!dir) throw new Error('usage: dump-raw.ts <datasetDir> [--out /tmp/vehicles] [--no-jpeg]');
const side = Number(values.size);
const csv = (await readFile(join(dir, 'emergency_classification.csv'), 'utf8')).trim().split('\n');
if (csv[0] !== 'image_names,emergency_or_not') throw new Error(`${dir}: unexpected CSV header "${csv[0]}"`);
const rows = csv.slice(1).map((line) => {
  const [name, label] = line.split(',');
  if (!name || (label !== '0' && label !== '1')) throw new Error(`${dir}: bad CSV row "${line}"`);
  return { name, label: Number(label) };
});

const x = Buffer.alloc(rows.length * side * side * 3);
const y = Buffer.alloc(rows.length);
let jpegBytes = 0;
let next = 0;
const worker = async (): Promise<void> => {
  while (next < rows.length) {
    const i = next++;
    const small = await sharp(join(dir, 'images', rows[i]!.name)).resize(side, side, { kernel: 'lanczos3', fit: 'fill' }).removeAlpha().raw().toBuffer();
    const jpeg = await sharp(small, { raw: { width: side, height: side, channels: 3 } }).jpeg({ quality: 85, mozjpeg: true }).toBuffer();
    jpegBytes += jpeg.length;
    const pixels = values['no-jpeg'] ? small : await sharp(jpeg).raw().toBuffer();
    pixels.copy(x, i * side * side * 3);
    y[i] = rows[i]!.label;
  }
};
await Promise.all([worker(), worker()]);
await writeFile(`${values.out}.x.u8`, x);
await writeFile(`${values.out}.y.u8`, y);
console.log(`${rows.length} images (${y.reduce((s, v) => s + v, 0)} emergency) -> ${values.out}.x.u8; mean ${side}x${side} JPEG q85 size ${(jpegBytes / rows.length / 1024).toFixed(2)} KB, total ${(jpegBytes / 1024 / 1024).toFixed(2)} MB`);
