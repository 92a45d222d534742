/**
 * Gives the payload builder an article-layout folder for what was imported. The original folder is used
 * as it is when it already is one with 224×224 RGB JPEGs; otherwise a temporary folder holds a clean CSV,
 * links to the images that are fine, and 224×224 RGB JPEG re-encodings of those that are not.
 */
import { copyFile, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { forEachConcurrently } from '../forEachConcurrently';
import { formatCsvRow } from './csv';
import type { ImageInspection } from './inspectImages';
import { isPlainRgb } from './qualityReport';
import { ARTICLE_CSV_FILE, ARTICLE_HEADER, ARTICLE_IMAGES_DIR, type LabeledImage } from './readArticleLayout';

/** The article's images are 224×224; the course's 224 resolution serves the originals as they are. */
export const ORIGINAL_EDGE = 224;

export interface StagedSource {
  /** Folder in the article layout to build the payload from. */
  dir: string;
  /** Images re-encoded to 224×224 RGB JPEG. */
  normalised: number;
  cleanup(): Promise<void>;
}

export interface StageOptions {
  /** True when `imagesDir` and the CSV already sit at the article's places in `root`. */
  isArticleLayout: boolean;
  root: string;
  imagesDir: string;
  rows: readonly LabeledImage[];
  inspections: readonly ImageInspection[];
  tempParent?: string;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

export function needsNormalising(inspection: ImageInspection): boolean {
  return inspection.format !== 'jpeg' || inspection.width !== ORIGINAL_EDGE || inspection.height !== ORIGINAL_EDGE || !isPlainRgb(inspection);
}

export async function stagePayloadSource(options: StageOptions): Promise<StagedSource> {
  const { rows, inspections } = options;
  const toNormalise = inspections.map(needsNormalising);
  const normalised = toNormalise.filter(Boolean).length;
  if (options.isArticleLayout && normalised === 0) return { dir: options.root, normalised, cleanup: async () => {} };

  const dir = await mkdtemp(join(options.tempParent ?? tmpdir(), 'dataset-stage-'));
  const cleanup = () => rm(dir, { recursive: true, force: true });
  try {
    await mkdir(join(dir, ARTICLE_IMAGES_DIR));
    const csv = [formatCsvRow(ARTICLE_HEADER), ...rows.map((row) => formatCsvRow([row.name, String(row.label)]))].join('\n');
    await writeFile(join(dir, ARTICLE_CSV_FILE), `${csv}\n`);
    let done = 0;
    await forEachConcurrently(rows.length, 4, options.signal, async (index) => {
      const source = resolve(options.imagesDir, rows[index].name);
      const target = join(dir, ARTICLE_IMAGES_DIR, rows[index].name);
      if (toNormalise[index]) {
        // Same resize as the sprite sheets (fill, Lanczos); high quality and no chroma subsampling keep it close to the original.
        await sharp(source)
          .removeAlpha()
          .toColourspace('srgb')
          .resize(ORIGINAL_EDGE, ORIGINAL_EDGE, { fit: 'fill', kernel: 'lanczos3' })
          .jpeg({ quality: 95, chromaSubsampling: '4:4:4', mozjpeg: true })
          .toFile(target);
      } else {
        // A link is enough: the payload builder copies the bytes.
        await symlink(source, target).catch(() => copyFile(source, target));
      }
      options.onProgress?.(++done, rows.length);
    });
    return { dir, normalised, cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}
