/** Dataset fixtures for the importer's tests: small JPEGs that differ clearly, in the article's layout. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';

export const HEADER = 'image_names,emergency_or_not';

/** Image i: a colour and a gradient direction of its own, so no two fixture images are alike. */
export function pixels(i: number, width: number, height = width): Buffer {
  const data = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const p = (y * width + x) * 3;
      const t = (i % 2 === 0 ? x / width : y / height) * 255;
      data[p] = (i * 37) % 256;
      data[p + 1] = Math.round(t);
      data[p + 2] = (i * 91 + 40) % 256;
    }
  }
  return data;
}

export async function jpeg(i: number, width = 224, height = width): Promise<Buffer> {
  return sharp(pixels(i, width, height), { raw: { width, height, channels: 3 } }).jpeg({ quality: 90 }).toBuffer();
}

export interface ArticleFixture {
  /** Label of image i.jpg; default alternating 1, 0. */
  labels?: number[];
  csv?: string;
  imagesDirName?: string;
  /** File name of image i (default `${i}.jpg`). */
  name?: (i: number) => string;
}

/** An article-layout folder: images/0.jpg … and emergency_classification.csv. */
export async function writeArticle(dir: string, { labels = [1, 0, 1, 0, 1, 0, 1, 0, 1, 0], csv, imagesDirName = 'images', name = (i) => `${i}.jpg` }: ArticleFixture = {}): Promise<string> {
  await mkdir(join(dir, imagesDirName), { recursive: true });
  for (const [i] of labels.entries()) await writeFile(join(dir, imagesDirName, name(i)), await jpeg(i));
  const rows = labels.map((label, i) => `${name(i)},${label}`);
  await writeFile(join(dir, 'emergency_classification.csv'), csv ?? `${HEADER}\n${rows.join('\n')}\n`);
  return dir;
}
