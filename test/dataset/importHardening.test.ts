/**
 * Issue 14, items 8–14: an import that is interrupted, fails late, runs twice at once, or meets hostile or odd
 * input never leaves a half-written payload, never says something false, and names what was wrong.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatReport } from '../../src/importer/formatReport';
import { buildOfflineManifest } from '../../scripts/lib/offlineManifest';
import { HEADER, jpeg, writeArticle } from './fixtures';
import { failure, importInto, IMPORT_SCRIPT, PREPARE_SCRIPT, project as courseFolder, REPO_ROOT, run, scratchFolder, startUntil, TSX, writeBigDataset } from './importTestKit';
import { makeZip } from './zipWriter';

const { fresh, root: scratchRoot } = scratchFolder('import-hardening-');
const project = (name: string) => courseFolder(fresh(name));

/** What a payload folder holds, to compare before and after. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const name of (await readdir(dir)).sort()) if (name.endsWith('.json')) files[name] = await readFile(join(dir, name), 'utf8');
  files['(listing)'] = (await readdir(dir)).sort().join(',');
  return files;
}

describe('item 8: an interrupted import cleans up, and the build ignores what is not the active dataset', () => {
  let big: string;
  beforeAll(async () => {
    big = await writeBigDataset(fresh('big'));
  }, 120_000);

  it.each([
    ['Ctrl-C (SIGINT to the process group, as a terminal sends it)', 'SIGINT', 130],
    ['SIGTERM', 'SIGTERM', 143],
  ] as const)('%s while packing under "npx tsx" removes every partial and temporary folder and keeps the active dataset', async (_, signal, code) => {
    const { root, payload, tmp } = await project(`interrupt-${signal}`);
    const before = await snapshot(payload);
    const importing = startUntil(TSX, [IMPORT_SCRIPT, big], { cwd: root, env: { ...process.env, TMPDIR: tmp } }, /Packing images/);
    await importing.started;
    process.kill(-importing.child.pid!, signal);
    const exitCode = await importing.exited;
    const output = importing.output();
    expect(output).toContain('dataset:import: interrupted; the active dataset is unchanged.');
    expect(exitCode).toBe(code);
    expect(await readdir(join(root, 'public'))).toEqual(['data']);
    // tsx keeps its compile cache in the temporary folder (tsx-<uid>): not the import's.
    expect((await readdir(tmp)).filter((name) => !name.startsWith('tsx-'))).toEqual([]);
    expect(await snapshot(payload)).toEqual(before);
  }, 120_000);

  it('removes partial folders of crashed imports at the next start of the build (prepare-data)', async () => {
    const { root, payload } = await project('stale');
    const deadPid = 4_194_304; // above Linux's pid_max: no such process
    await mkdir(join(root, 'public', `data.partial-${deadPid}-0badc0de`, 'images'), { recursive: true });
    await writeFile(join(root, 'public', `data.partial-${deadPid}-0badc0de`, 'x64-0-00000000.jpg'), 'partial');
    const before = await snapshot(payload);
    const { stdout } = await run(TSX, [PREPARE_SCRIPT], { cwd: root });
    expect(stdout).toContain('Active dataset: Previous (imported)');
    expect(stdout).toContain(`removed data.partial-${deadPid}-0badc0de, left behind by an import that did not finish`);
    expect(await readdir(join(root, 'public'))).toEqual(['data']);
    expect(await snapshot(payload)).toEqual(before);
  }, 60_000);

  it('the offline manifest lists only the active dataset: no partial folder, no stray file in data/', async () => {
    const dist = fresh('dist');
    const { payload } = await project('offline');
    const manifest = JSON.parse(await readFile(join(payload, 'manifest.json'), 'utf8'));
    await mkdir(join(dist, 'data', 'images'), { recursive: true });
    await writeFile(join(dist, 'index.html'), '<!doctype html>');
    await writeFile(join(dist, 'data', 'index.html'), 'the data page');
    for (const name of await readdir(payload)) if (name !== 'images') await writeFile(join(dist, 'data', name), await readFile(join(payload, name)));
    await writeFile(join(dist, 'data', 'x64-9-deadbeef.jpg'), 'a sheet of an earlier dataset');
    await mkdir(join(dist, 'data.partial-123-0badc0de'), { recursive: true });
    await writeFile(join(dist, 'data.partial-123-0badc0de', 'x64-0-00000000.jpg'), 'partial');
    const { files } = await buildOfflineManifest(dist);
    const shards = Object.values(manifest.resolutions as Record<string, { shards?: { file: string }[] }>).flatMap((r) => r.shards ?? []).map((s) => `data/${s.file}`);
    expect(files.filter((file) => file.startsWith('data')).sort()).toEqual(['data/', 'data/manifest.json', 'data/report.json', ...shards].sort());
  });

  it('the build removes folders and files that are not the active dataset from dist/', async () => {
    const { pruneInactiveDatasetFiles } = await import('../../scripts/lib/offlineManifest');
    const dist = fresh('dist-prune');
    await mkdir(join(dist, 'data.partial-123-0badc0de'), { recursive: true });
    await mkdir(join(dist, 'data', 'images'), { recursive: true });
    await writeFile(join(dist, 'data', 'manifest.json'), JSON.stringify({ names: [], resolutions: {} }));
    await writeFile(join(dist, 'data', 'x64-9-deadbeef.jpg'), 'stray');
    await writeFile(join(dist, 'data', 'index.html'), 'the data page');
    const removed = await pruneInactiveDatasetFiles(dist);
    expect(removed.sort()).toEqual(['data.partial-123-0badc0de', 'data/x64-9-deadbeef.jpg']);
    expect((await readdir(dist)).sort()).toEqual(['data']);
    expect((await readdir(join(dist, 'data'))).sort()).toEqual(['images', 'index.html', 'manifest.json']);
  });

  it('gitignores the partial and lock names next to public/data', async () => {
    for (const path of ['public/data.partial-123-0badc0de/x.jpg', 'public/data.partial-123-0badc0de-previous/x.jpg', 'public/data.lock']) {
      await expect(run('git', ['check-ignore', '-q', path], { cwd: REPO_ROOT }), path).resolves.toBeDefined();
    }
  });
});

describe('item 9: a failure late in the import never claims what is not true', () => {
  it('writes the report copy before the swap: an unwritable reports folder leaves the active dataset as it was', async () => {
    const { root, payload } = await project('late-failure');
    const reportsDir = join(root, 'data', 'reports');
    await mkdir(join(root, 'data'), { recursive: true });
    await writeFile(reportsDir, 'a file where the reports folder should be');
    const before = await snapshot(payload);
    const error = await failure(importInto(payload, await writeArticle(fresh('next'), { labels: [0, 1, 0, 1] }), { reportsDir }));
    expect(error.message).toContain(reportsDir);
    expect(await snapshot(payload)).toEqual(before);
  });

  it('the command line says "unchanged" only when it is true', async () => {
    const { root, payload } = await project('late-failure-cli');
    await mkdir(join(root, 'data'), { recursive: true });
    await writeFile(join(root, 'data', 'reports'), 'not a folder');
    const before = await snapshot(payload);
    const error = (await failure(run(TSX, [IMPORT_SCRIPT, await writeArticle(fresh('next-cli'), { labels: [0, 1, 0, 1] })], { cwd: root }))) as Error & { stderr: string };
    expect(error.stderr).toContain('dataset:import: failed; the active dataset is unchanged.');
    expect(error.stderr).toContain(join(root, 'data', 'reports'));
    expect(await snapshot(payload)).toEqual(before);
  }, 60_000);
});

describe('item 10: names the site cannot serve as they are (#, ?, %)', () => {
  it('imports them and the manifest names each file exactly as the loader will ask for it', async () => {
    const names = ['a#1.jpg', 'b?2.jpg', 'c%203.jpg', 'd 4.jpg', 'e+5.jpg', 'f&6.jpg'];
    const source = await writeArticle(fresh('odd-names'), { labels: [1, 0, 1, 0, 1, 0], name: (i) => names[i] });
    const payload = join(fresh('odd-names-out'), 'data');
    await importInto(payload, source);
    const manifest = JSON.parse(await readFile(join(payload, 'manifest.json'), 'utf8'));
    expect(manifest.names).toEqual(names);
    // What the browser requests (see src/ml/loadDataset.ts) maps back to the file on a static server.
    const { originalUrl } = await import('../../src/ml/loadDataset');
    for (const name of names) {
      const url = new URL(originalUrl('http://127.0.0.1/data/', manifest.resolutions['224'], name));
      expect(url.search, name).toBe('');
      expect(url.hash, name).toBe('');
      expect(existsSync(join(payload, decodeURIComponent(url.pathname.slice('/data/'.length))))).toBe(true);
    }
  });
});

describe('item 11: two imports at once', () => {
  it('the second says another import is running, and the first one wins', async () => {
    const root = fresh('concurrent');
    const payload = join(root, 'data');
    const first = importInto(payload, await writeArticle(join(root, 'first'), { labels: Array.from({ length: 40 }, (_, i) => i % 2) }), { dataset: { id: 'first', title: 'First' } });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const second = await failure(importInto(payload, await writeArticle(join(root, 'second'), { labels: [1, 0] }), { dataset: { id: 'second', title: 'Second' } }));
    expect(second.message).toMatch(new RegExp(`another import into ${payload} is running \\(process ${process.pid}, started `));
    await first;
    expect(JSON.parse(await readFile(join(payload, 'manifest.json'), 'utf8')).dataset.id).toBe('first');
    expect((await readdir(root)).sort()).toEqual(['data', 'first', 'second']);
  });
});

describe('item 12: zip bombs and odd entries', () => {
  async function zipFile(name: string, entries: Parameters<typeof makeZip>[0]): Promise<string> {
    const dir = fresh(name);
    await mkdir(dir, { recursive: true });
    const path = join(dir, 'Dataset.zip');
    await writeFile(path, makeZip(entries));
    return path;
  }
  const csv = { name: 'Dataset/emergency_classification.csv', data: `${HEADER}\n0.jpg,1\n1.jpg,0\n` };

  it('refuses an image entry over 50 MB by its declared size, naming it, before unpacking anything', async () => {
    const zip = await zipFile('bomb', [csv, { name: 'Dataset/images/0.jpg', data: await jpeg(0) }, { name: 'Dataset/images/1.jpg', data: Buffer.alloc(60e6), deflate: true }]);
    const tmp = join(scratchRoot(), 'tmp');
    const error = await failure(importInto(join(fresh('bomb-out'), 'data'), zip));
    expect(error.message).toBe(`${zip}:Dataset/images/1.jpg unpacks to 60.0 MB; an image may be at most 50 MB, so nothing was imported`);
    expect(existsSync(tmp) ? await readdir(tmp) : []).toEqual([]);
  });

  it('refuses a zip whose entries declare more than 8 GiB in all, before unpacking anything', async () => {
    const images = Array.from({ length: 200 }, (_, i) => ({ name: `Dataset/images/${i}.jpg`, data: 'x', declaredSize: 45e6 }));
    const zip = await zipFile('total', [csv, ...images]);
    const error = await failure(importInto(join(fresh('total-out'), 'data'), zip));
    expect(error.message).toBe(`${zip} unpacks to 9.00 GB in 201 files; a dataset may be at most 8 GiB, so nothing was imported`);
  });

  it('refuses an entry that unpacks to more than its header declares', async () => {
    const zip = await zipFile('liar', [csv, { name: 'Dataset/images/0.jpg', data: await jpeg(0) }, { name: 'Dataset/images/1.jpg', data: Buffer.alloc(5e6), deflate: true, declaredSize: 1000 }]);
    const error = await failure(importInto(join(fresh('liar-out'), 'data'), zip));
    expect(error.message).toContain(`${zip}:Dataset/images/1.jpg unpacks to more than the 1000 bytes its header declares: the zip is damaged or built to mislead`);
  });

  it('refuses a symbolic link inside a zip', async () => {
    const zip = await zipFile('zip-link', [csv, { name: 'Dataset/images/0.jpg', data: await jpeg(0) }, { name: 'Dataset/images/1.jpg', data: '/etc/passwd', unixMode: 0o120777 }]);
    const error = await failure(importInto(join(fresh('zip-link-out'), 'data'), zip));
    expect(error.message).toContain(`${zip}:Dataset/images/1.jpg is a symbolic link (to "/etc/passwd"); a dataset holds plain image files only`);
  });

  it('refuses a symbolic link, a FIFO and a device file in images/, naming each, without hanging', async () => {
    const root = await writeArticle(fresh('special-files'), { labels: [1, 0, 1, 0] });
    await rm(join(root, 'images', '1.jpg'));
    await symlink('/etc/passwd', join(root, 'images', '1.jpg'));
    await rm(join(root, 'images', '2.jpg'));
    await run('mkfifo', [join(root, 'images', '2.jpg')]);
    const canMknod = process.getuid?.() === 0 && (await run('mknod', [join(root, 'images', '3.jpg.dev'), 'c', '1', '3']).then(() => true, () => false));
    if (canMknod) {
      await rm(join(root, 'images', '3.jpg'));
      await run('mv', [join(root, 'images', '3.jpg.dev'), join(root, 'images', '3.jpg')]);
    }
    const error = await failure(importInto(join(fresh('special-out'), 'data'), root));
    expect(error.message).toContain(`${root}/images/1.jpg is a symbolic link (to "/etc/passwd"); a dataset holds plain image files only`);
    expect(error.message).toContain(`${root}/images/2.jpg is a named pipe (FIFO), not an image file`);
    if (canMknod) expect(error.message).toContain(`${root}/images/3.jpg is a device file, not an image file`);
  }, 20_000);

  it('says a 600 MB label file is too large instead of "Invalid string length"', async () => {
    const root = await writeArticle(fresh('huge-csv'), { labels: [1, 0] });
    await truncate(join(root, 'emergency_classification.csv'), 600e6); // sparse: costs no disk
    const error = await failure(importInto(join(fresh('huge-csv-out'), 'data'), root));
    expect(error.message).toBe(`${root}/emergency_classification.csv is 600.0 MB; a label file may be at most 64 MB (one short line per image), so nothing was imported`);
  });

  it('prints terminal escape codes in names escaped, in errors and in the report', async () => {
    // U+009B is the 8-bit "control sequence introducer" some terminals obey; U+202E reverses the text after it.
    const csi = '\u009b31mred\u202e.jpg';
    const root = await writeArticle(fresh('escapes'), { labels: [1, 0], csv: `${HEADER}\n0.jpg,1\n${csi},0\n` });
    const error = await failure(importInto(join(fresh('escapes-out'), 'data'), root));
    expect(error.message).not.toMatch(/[\u0080-\u009f\u202a-\u202e]/);
    expect(error.message).toContain('image "\\u009b31mred\\u202e.jpg" not found');

    const unlisted = await writeArticle(fresh('escapes-unlisted'), { labels: [1, 0] });
    await writeFile(join(unlisted, 'images', `\u001b]0;pwned\u0007.jpg`), await jpeg(5));
    const { report } = await importInto(join(fresh('escapes-unlisted-out'), 'data'), unlisted);
    const text = formatReport(report).join('\n');
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(text).toContain('\\x1b]0;pwned\\x07.jpg');
  });

  it('says which path had no space left on the device', async () => {
    const payload = join(fresh('enospc'), 'data');
    const full = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    const writeFile = async (path: string) => {
      if (path.endsWith('.jpg')) throw full;
    };
    const error = await failure(importInto(payload, writeArticleSync(), { payloadFileSystem: { writeFile } }));
    expect(error.message).toMatch(new RegExp(`^no space left on the device while writing ${payload}\\.partial-\\d+-[0-9a-f]{8}/\\S+\\.jpg`));
    expect(existsSync(payload)).toBe(false);
  });

  it.runIf(process.getuid?.() === 0)('says which path had no space left on a real full file system (a 200 KB tmpfs)', async () => {
    const mountPoint = fresh('tmpfs');
    await mkdir(mountPoint, { recursive: true });
    const mounted = await run('mount', ['-t', 'tmpfs', '-o', 'size=200k', 'tmpfs', mountPoint]).then(() => true, () => false);
    if (!mounted) return expect.fail(`could not mount a tmpfs at ${mountPoint} although running as root`);
    try {
      const source = await writeArticle(fresh('enospc-real'), { labels: Array.from({ length: 60 }, (_, i) => i % 2) });
      const payload = join(mountPoint, 'data');
      const error = await failure(importInto(payload, source));
      expect(error.message).toMatch(new RegExp(`^no space left on the device while writing ${payload}\\.partial-\\d+-[0-9a-f]{8}/`));
      expect(await readdir(mountPoint)).toEqual([]);
    } finally {
      await run('umount', [mountPoint]);
    }
  });
});

// A small fixed dataset for the tests that only need any valid input.
let smallDataset: string | undefined;
function writeArticleSync(): string {
  if (!smallDataset) throw new Error('the small dataset was not written');
  return smallDataset;
}
beforeAll(async () => {
  smallDataset = await writeArticle(join(scratchRoot(), 'small'), { labels: [1, 0, 1, 0] });
});

describe('item 13: EXIF orientation', () => {
  it('applies orientation 6 once, the same way in the sprite sheets and the 224 px original', async () => {
    // Left half red, right half blue, stored sideways with orientation 6 (displayed rotated 90° clockwise: red on top).
    const width = 224;
    const raw = Buffer.alloc(width * width * 3);
    for (let y = 0; y < width; y++) for (let x = 0; x < width; x++) raw.set(x < width / 2 ? [230, 20, 20] : [20, 20, 230], (y * width + x) * 3);
    const root = await writeArticle(fresh('exif'), { labels: [1, 0] });
    await sharp(raw, { raw: { width, height: width, channels: 3 } }).jpeg({ quality: 95 }).withMetadata({ orientation: 6 }).toFile(join(root, 'images', '0.jpg'));
    const payload = join(fresh('exif-out'), 'data');
    await importInto(payload, root);
    const manifest = JSON.parse(await readFile(join(payload, 'manifest.json'), 'utf8'));
    const topIsRed = (pixels: Buffer, size: number, channels: number) => {
      const at = (x: number, y: number) => pixels[(y * size + x) * channels];
      return at(size / 2, size / 8) > 150 && at(size / 2, (7 * size) / 8) < 100;
    };
    // The original as a browser shows it (createImageBitmap applies EXIF orientation, as sharp's rotate() does).
    const original = await sharp(join(payload, 'images', '0.jpg')).rotate().raw().toBuffer({ resolveWithObject: true });
    expect(topIsRed(original.data, 224, original.info.channels), '224 px original').toBe(true);
    for (const size of [32, 64]) {
      const shard = manifest.resolutions[String(size)].shards[0];
      const { data, info } = await sharp(join(payload, shard.file)).raw().toBuffer({ resolveWithObject: true });
      const tile = Buffer.alloc(size * size * info.channels);
      for (let y = 0; y < size; y++) data.copy(tile, y * size * info.channels, y * info.width * info.channels, (y * info.width + size) * info.channels);
      expect(topIsRed(tile, size, info.channels), `${size} px sprite`).toBe(true);
    }
  });
});

describe('item 14: a name in the CSV that differs from the file only invisibly', () => {
  it('imports a file whose name really starts with a space', async () => {
    const root = await writeArticle(fresh('leading-space'), { labels: [1, 0], name: (i) => (i === 0 ? ' 0.jpg' : `${i}.jpg`), csv: `${HEADER}\n" 0.jpg",1\n1.jpg,0\n` });
    const { report } = await importInto(join(fresh('leading-space-out'), 'data'), root);
    expect(report.counts.images).toBe(2);
  });

  it('says the file name has a leading space the CSV does not', async () => {
    const root = await writeArticle(fresh('space-differs'), { labels: [1, 0], name: (i) => (i === 0 ? ' 0.jpg' : `${i}.jpg`), csv: `${HEADER}\n0.jpg,1\n1.jpg,0\n` });
    const error = await failure(importInto(join(fresh('space-differs-out'), 'data'), root));
    expect(error.message).toContain(`line 2: image "0.jpg" not found in ${root}/images; " 0.jpg" is there, which differs by a leading space`);
  });

  it('says the names differ in Unicode normalisation (NFC in the CSV, NFD on disk)', async () => {
    const nfc = 'caf\u00e9.jpg';
    const nfd = 'cafe\u0301.jpg';
    const root = await writeArticle(fresh('nfd'), { labels: [1, 0], name: (i) => (i === 0 ? nfd : `${i}.jpg`), csv: `${HEADER}\n${nfc},1\n1.jpg,0\n` });
    const error = await failure(importInto(join(fresh('nfd-out'), 'data'), root));
    expect(error.message).toContain(
      `line 2: image "${nfc}" not found in ${root}/images; "${nfd}" is there, which is the same text in another Unicode normalisation (the CSV has é as U+00E9, the file name as e + U+0301): rename one of them`,
    );
  });
});
