/**
 * Builds the browser's dataset payload from a folder in the article layout.
 *
 *   npx tsx scripts/build-payload.ts <articleLayoutDir> [--out public/data] [--id av-emergency]
 *        [--title "…"] [--source imported|generated] [--origin "…"] [--quality 90]
 */
import { basename, resolve } from 'node:path';
import { buildWebPayload, DEFAULT_JPEG_QUALITY, type BuildProgress } from './lib/dataset/buildWebPayload';
import { abortOnInterrupt, exitCodeFor, failUsage, parseCommandLine, slug } from './lib/cli';

const COMMAND = { name: 'build-payload', usage: `usage: npx tsx scripts/build-payload.ts <datasetDir> [--out public/data] [--id <slug>] [--title <text>]
       [--source imported|generated] [--origin <text>] [--quality 1-100]` };

function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(2)} MB`;
}

// One line rewritten in place on a terminal; a line per 10% when piped (CI logs stay short).
function progressReporter(): (progress: BuildProgress) => void {
  let lastTenth = -1;
  return ({ phase, done, total }) => {
    const text = `${phase === 'images' ? 'decoding and resizing images' : 'encoding sprite sheets'} ${done}/${total}`;
    if (process.stderr.isTTY) {
      process.stderr.write(`\r${text}\x1b[K${done === total ? '\n' : ''}`);
      return;
    }
    const tenth = Math.floor((10 * done) / total);
    if (tenth !== lastTenth || done === total) console.error(text);
    lastTenth = done === total ? -1 : tenth;
  };
}

// Ctrl-C stops cleanly: the builder removes its staging folder and the old payload stays.
const signal = abortOnInterrupt('stopping and removing the partial payload');

async function main(): Promise<void> {
  const { values, input: sourceDir } = parseCommandLine(COMMAND, {
    out: { type: 'string', default: 'public/data' },
    id: { type: 'string' },
    title: { type: 'string' },
    source: { type: 'string', default: 'imported' },
    origin: { type: 'string' },
    quality: { type: 'string', default: String(DEFAULT_JPEG_QUALITY) },
  }, 'dataset folder');
  const source = values.source;
  if (source !== 'imported' && source !== 'generated') failUsage(COMMAND, `--source must be "imported" or "generated", got "${source}"`);
  const jpegQuality = Number(values.quality);
  if (!Number.isInteger(jpegQuality) || jpegQuality < 1 || jpegQuality > 100) failUsage(COMMAND, `--quality must be an integer from 1 to 100, got "${values.quality}"`);
  const folderName = basename(resolve(sourceDir));


  const summary = await buildWebPayload({
    sourceDir,
    outDir: values.out,
    dataset: {
      id: values.id ?? slug(folderName),
      title: values.title ?? `Imported from ${folderName}`,
      source,
      // Only the folder's name: absolute paths would leak the builder's machine layout into the payload.
      origin: values.origin ?? `scripts/build-payload.ts from ${folderName}/`,
    },
    jpegQuality,
    onProgress: progressReporter(),
    signal,
  });

  const { manifest } = summary;
  console.log(`built ${summary.outDir} in ${summary.seconds.toFixed(1)} s: ${manifest.count} images, dataset "${manifest.dataset.id}"`);
  for (const resolution of Object.values(manifest.resolutions)) {
    if ('shards' in resolution) {
      console.log(`  ${resolution.size}x${resolution.size}: ${resolution.shards.length} sprite sheets, ${megabytes(summary.spriteBytes[resolution.size])}`);
    } else {
      console.log(`  ${resolution.size}x${resolution.size}: ${manifest.count} original files in ${resolution.directory}, ${megabytes(summary.originalBytes)}`);
    }
  }
}

main().catch((error: Error) => {
  const interruptedBy = signal.interruptedBy();
  console.error(`build-payload: ${interruptedBy ? 'interrupted' : error.message}`);
  process.exit(interruptedBy ? exitCodeFor(interruptedBy) : 1);
});
