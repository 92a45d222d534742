import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatReport } from '../../src/importer/formatReport';
import { importDataset, type ImportOptions } from '../../scripts/lib/dataset/importDataset';
import { analyseOrder, findDuplicateGroups } from '../../src/importer/qualityReport';
import { readZipDirectory, readZipEntry, type RandomAccess } from '../../src/importer/zipReader';
import { parseDatasetReport, type DatasetReport } from '../../src/lib/datasetReport';
import { parseManifest, type DatasetManifest } from '../../src/ml/manifest';
import { makeZip } from './zipWriter';
import { HEADER, jpeg, pixels, writeArticle } from './fixtures';
import { REAL_DATASET } from '../realDataset';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

let workDir: string;
beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'import-test-'));
});
afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

let fixtureCount = 0;
const fresh = (name: string) => join(workDir, `${++fixtureCount}-${name}`);

function run(input: string, extra: Partial<ImportOptions> = {}) {
  const out = fresh('out');
  return importDataset({
    input,
    payloadDir: join(out, 'public-data'),
    reportsDir: join(out, 'reports'),
    dataset: { id: 'fixture', title: 'Fixture' },
    now: () => new Date('2025-01-31T12:00:00.123Z'),
    ...extra,
  });
}

async function readManifest(payloadDir: string): Promise<DatasetManifest> {
  return parseManifest(JSON.parse(await readFile(join(payloadDir, 'manifest.json'), 'utf8')));
}

describe('importing an article-layout folder', () => {
  let result: Awaited<ReturnType<typeof run>>;
  let source: string;
  beforeAll(async () => {
    source = await writeArticle(fresh('article'));
    result = await run(source);
  });

  it('publishes the payload with report.json, and the same report under reportsDir named <id>-<time>.json', async () => {
    const { payload, report, reportPath } = result;
    expect(reportPath).toBe(join(resolve(payload.outDir, '..', 'reports'), 'fixture-2025-01-31T12-00-00Z.json'));
    const copy = parseDatasetReport(JSON.parse(await readFile(reportPath!, 'utf8')));
    const published = parseDatasetReport(JSON.parse(await readFile(join(payload.outDir, 'report.json'), 'utf8')));
    expect(copy).toEqual(report);
    expect({ ...copy, seconds: undefined }).toEqual({ ...published, seconds: undefined });
    expect(published.payload?.originalBytes).toBe(payload.originalBytes);
    expect(report.dataset).toEqual({ id: 'fixture', title: 'Fixture', source: 'imported', origin: `npm run dataset:import from ${result.report.input.name}` });
    expect(report.input).toEqual({ name: source.split('/').at(-1), layout: 'article', zip: false });
  });

  it('counts images, labels and sizes', () => {
    expect(result.report.counts).toEqual({ images: 10, emergency: 5, nonEmergency: 5, unlabelled: 0 });
    expect(result.report.sizes).toEqual([{ width: 224, height: 224, count: 10 }]);
    expect(result.report.normalised).toBe(0);
    expect(result.report.quality.duplicateGroups).toEqual([]);
    expect(result.report.warnings).toEqual([]);
  });

  it('writes names and labels in CSV order and no duplicate groups into the manifest', async () => {
    const manifest = await readManifest(result.payload.outDir);
    expect(manifest.names).toEqual(Array.from({ length: 10 }, (_, i) => `${i}.jpg`));
    expect(manifest.labels).toEqual([1, 0, 1, 0, 1, 0, 1, 0, 1, 0]);
    expect(manifest.dataset.source).toBe('imported');
    expect(manifest.duplicateGroups).toBeUndefined();
  });

  it('leaves nothing beside the payload: no staging folder, no lock', async () => {
    expect((await readdir(join(result.payload.outDir, '..'))).sort()).toEqual(['public-data', 'reports']);
  });

  it('prints a summary with the figures', () => {
    const text = formatReport(result.report).join('\n');
    expect(text).toContain('images: 10 labelled, 5 emergency (50.0 %), 5 non-emergency; 0 unlabelled');
    expect(text).toContain('exact duplicates (same decoded pixels): 0 groups');
    expect(text).toContain('order: shuffled. Not grouped by class: 10 runs of one label (a random order gives 6 ± 1)');
  });
});

describe('finding the dataset', () => {
  it('finds it one folder down (Dataset/…)', async () => {
    const parent = fresh('parent');
    await writeArticle(join(parent, 'Dataset'), { labels: [1, 0, 0] });
    const { report } = await run(parent);
    expect(report.counts.images).toBe(3);
    expect(report.input.layout).toBe('article');
  });

  it('reads a zip of the parent folder (Dataset.zip) and of the dataset folder itself, deflated or stored', async () => {
    const entries = [
      { name: 'Dataset/', data: '' },
      { name: 'Dataset/emergency_classification.csv', data: `${HEADER}\n0.jpg,1\n1.jpg,0\n2.jpg,1\n`, deflate: true },
      ...(await Promise.all([0, 1, 2].map(async (i) => ({ name: `Dataset/images/${i}.jpg`, data: await jpeg(i), deflate: i !== 1 })))),
      { name: '__MACOSX/Dataset/._0.jpg', data: 'resource fork' },
    ];
    const zipPath = join(fresh('zip'), 'Dataset.zip');
    await mkdir(join(zipPath, '..'), { recursive: true });
    await writeFile(zipPath, makeZip(entries));
    const { report, payload } = await run(zipPath);
    expect(report.input).toEqual({ name: 'Dataset.zip', layout: 'article', zip: true });
    expect(report.counts).toMatchObject({ images: 3, emergency: 2 });
    expect(await readFile(join(payload.outDir, 'images', '2.jpg'))).toEqual(entries.find((e) => e.name === 'Dataset/images/2.jpg')!.data);

    const flat = join(fresh('zip-flat'), 'flat.zip');
    await mkdir(join(flat, '..'), { recursive: true });
    await writeFile(flat, makeZip(entries.filter((e) => e.name.startsWith('Dataset/')).map((e) => ({ ...e, name: e.name.slice('Dataset/'.length) })).filter((e) => e.name)));
    expect((await run(flat)).report.counts.images).toBe(3);
  });

  it('reads the Kaggle layout: train.csv + test.csv with train/ and test/, unlabelled images kept apart and images resized to 224', async () => {
    const root = fresh('kaggle');
    await mkdir(join(root, 'train'), { recursive: true });
    await mkdir(join(root, 'test'), { recursive: true });
    for (let i = 0; i < 6; i++) await writeFile(join(root, 'train', `${i}.jpg`), await jpeg(i, 300, 200));
    for (let i = 6; i < 9; i++) await writeFile(join(root, 'test', `${i}.jpg`), await jpeg(i, 300, 200));
    await writeFile(join(root, 'train.csv'), `${HEADER}\n0.jpg,1\n1.jpg,0\n2.jpg,0\n3.jpg,1\n4.jpg,0\n5.jpg,1\n`);
    await writeFile(join(root, 'test.csv'), 'image_names\n6.jpg\n7.jpg\n8.jpg\n');

    const { report, payload } = await run(root);
    expect(report.input.layout).toBe('kaggle');
    expect(report.counts).toEqual({ images: 6, emergency: 3, nonEmergency: 3, unlabelled: 3 });
    expect(report.unlabelled).toEqual(['6.jpg', '7.jpg', '8.jpg']);
    expect(report.sizes).toEqual([{ width: 300, height: 200, count: 6 }]);
    expect(report.normalised).toBe(6);
    const manifest = await readManifest(payload.outDir);
    expect(manifest.names).toEqual(['0.jpg', '1.jpg', '2.jpg', '3.jpg', '4.jpg', '5.jpg']);
    expect(manifest.resolutions['224']).toEqual({ size: 224, directory: 'images/' });
    expect(await readdir(join(payload.outDir, 'images'))).toHaveLength(6);
    const resized = await sharp(join(payload.outDir, 'images', '0.jpg')).metadata();
    expect([resized.format, resized.width, resized.height, resized.channels]).toEqual(['jpeg', 224, 224, 3]);
  });

  it('reads the Kaggle layout with train and test images together in images/', async () => {
    const root = fresh('kaggle-images');
    await mkdir(join(root, 'images'), { recursive: true });
    for (let i = 0; i < 5; i++) await writeFile(join(root, 'images', `${i}.jpg`), await jpeg(i));
    await writeFile(join(root, 'train.csv'), `${HEADER}\n0.jpg,1\n1.jpg,0\n2.jpg,1\n`);
    await writeFile(join(root, 'test.csv'), 'image_names\n3.jpg\n');
    const { report } = await run(root);
    expect(report.counts).toMatchObject({ images: 3, unlabelled: 1 });
    expect(report.unlabelled).toEqual(['3.jpg']);
    // 4.jpg is in neither CSV: a warning, not a failure.
    expect(report.unlisted).toEqual(['4.jpg']);
    expect(report.warnings).toEqual(['images/: 1 file not named in train.csv, ignored: 4.jpg']);
  });
});

describe('the data-quality report', () => {
  let report: DatasetReport;
  let manifest: DatasetManifest;
  beforeAll(async () => {
    // Sorted by class (five 1s, then seven 0s); 7.jpg copies 1.jpg byte for byte with another label;
    // 9.jpg has 3.jpg's pixels in a different file (a JPEG comment added) with another label; 10.jpg is grey.
    const root = await writeArticle(fresh('quality'), { labels: [1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0] });
    await cp(join(root, 'images', '1.jpg'), join(root, 'images', '7.jpg'));
    // Re-encoding would change the pixels, so keep 3.jpg's bytes and insert a COM segment after the SOI marker.
    const original = await readFile(join(root, 'images', '3.jpg'));
    const comment = Buffer.from('a copy');
    const segment = Buffer.concat([Buffer.from([0xff, 0xfe, 0, comment.length + 2]), comment]);
    await writeFile(join(root, 'images', '9.jpg'), Buffer.concat([original.subarray(0, 2), segment, original.subarray(2)]));
    await sharp(pixels(10, 224), { raw: { width: 224, height: 224, channels: 3 } }).toColourspace('b-w').jpeg().toFile(join(root, 'images', '10.jpg'));
    const result = await run(root);
    report = result.report;
    manifest = await readManifest(result.payload.outDir);
  });

  it('groups identical images by decoded pixels and says which are byte-identical', () => {
    expect(report.quality.duplicateGroups).toEqual([
      { indices: [1, 7], names: ['1.jpg', '7.jpg'], labels: [1, 0], distinctFiles: 1 },
      { indices: [3, 9], names: ['3.jpg', '9.jpg'], labels: [1, 0], distinctFiles: 2 },
    ]);
    expect(report.quality).toMatchObject({ imagesInDuplicateGroups: 4, redundantImages: 2, byteIdenticalGroups: 1, conflictingGroups: 2 });
  });

  it('records the groups in the manifest for a leakage-free split in the browser', () => {
    expect(manifest.duplicateGroups).toEqual([
      [1, 7],
      [3, 9],
    ]);
  });

  it('lists images that are not plain RGB (and packs them as RGB)', () => {
    expect(report.quality.notRgb).toEqual([{ name: '10.jpg', channels: 1, space: 'b-w', hasAlpha: false }]);
    expect(report.normalised).toBe(1);
    expect(report.quality.unreadable).toEqual([]);
  });

  it('calls a CSV sorted by class sorted, with what a head/tail split would do', () => {
    const { order } = report.quality;
    expect(order.verdict).toBe('sorted');
    expect(order.longestRun).toEqual({ label: 0, start: 5, length: 7 });
    expect(order.runs).toBe(2);
    expect(order.firstHalfEmergency).toBe(5 / 6);
    expect(order.secondHalfEmergency).toBe(0);
    expect(order.headTailSplit).toEqual({ trainEmergency: 5 / 8, validationEmergency: 0 });
    expect(order.explanation).toMatch(/^Sorted by class: the CSV lists all 5 emergency images first \(rows 1–5\), then all 7 non-emergency ones\. A split that trains on the first 70 % and validates on the last 30 % would train on 62\.5 % emergency images and validate on 0\.0 %/);
  });

  it('counts the leakage of the article split and keeps groups together in the leakage-free one', () => {
    const { article, leakageFree } = report.splits;
    expect(article.train + article.validation).toBe(12);
    expect(article.validation).toBe(4); // ceil(0.3 · 12)
    expect(leakageFree.validation).toBe(4);
    expect(leakageFree.leakedValidationImages).toBe(0);
    expect(article.moved).toBe(0);
  });
});

describe('analyseOrder and findDuplicateGroups', () => {
  it('tells shuffled, grouped and sorted orders apart', () => {
    const alternating = Array.from({ length: 200 }, (_, i) => (i % 2) as 0 | 1);
    expect(analyseOrder(alternating).verdict).toBe('shuffled');
    const blocks = Array.from({ length: 200 }, (_, i) => (Math.floor(i / 20) % 2) as 0 | 1);
    expect(analyseOrder(blocks)).toMatchObject({ verdict: 'grouped', runs: 10, longestRun: { label: 0, start: 0, length: 20 } });
    const sorted = [...Array(50).fill(0), ...Array(30).fill(1)] as (0 | 1)[];
    expect(analyseOrder(sorted)).toMatchObject({ verdict: 'sorted', runs: 2, expectedRuns: 2 * 50 * 30 / 80 + 1 });
    expect(analyseOrder([1, 1, 1]).explanation).toBe('Only one class (emergency) is present, so the order says nothing.');
  });

  it('groups equal keys and ignores unreadable images', () => {
    expect(findDuplicateGroups(['a', 'b', 'a', undefined, undefined, 'b', 'c', 'a'])).toEqual([
      [0, 2, 7],
      [1, 5],
    ]);
  });
});

describe('bad input leaves the active dataset untouched', () => {
  let payloadDir: string;
  let before: { files: string[]; manifest: string; report: string };
  beforeAll(async () => {
    const out = fresh('active');
    payloadDir = join(out, 'data');
    await run(await writeArticle(fresh('previous'), { labels: [1, 0, 1] }), { payloadDir, dataset: { id: 'previous', title: 'Previous' } });
    before = await snapshot();
  });

  async function snapshot() {
    return {
      files: (await readdir(payloadDir)).sort(),
      manifest: await readFile(join(payloadDir, 'manifest.json'), 'utf8'),
      report: await readFile(join(payloadDir, 'report.json'), 'utf8'),
    };
  }

  async function expectRejected(input: string, message: RegExp | string) {
    const error = await run(input, { payloadDir }).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(error, 'the import should have failed').toBeInstanceOf(Error);
    if (typeof message === 'string') expect(error!.message).toContain(message);
    else expect(error!.message).toMatch(message);
    expect(await snapshot()).toEqual(before);
    expect(await readdir(join(payloadDir, '..'))).toEqual(['data']);
    return error!;
  }

  const csvCases: [string, string, (root: string) => RegExp | string][] = [
    ['an empty CSV', '', (root) => `${root}/emergency_classification.csv is empty`],
    ['a header-only CSV', `${HEADER}\n`, (root) => `${root}/emergency_classification.csv has a header but no image rows`],
    ['a wrong header', 'image,label\n0.jpg,1\n', (root) => `${root}/emergency_classification.csv line 1: expected the header "image_names,emergency_or_not", found "image,label"`],
    ['a label other than 0/1', `${HEADER}\n0.jpg,1\n1.jpg,yes\n2.jpg,0\n`, (root) => `${root}/emergency_classification.csv line 3: label "yes" for "1.jpg" must be 0 (not emergency) or 1 (emergency)`],
    ['a row naming a missing image', `${HEADER}\n0.jpg,1\n1.jpg,0\n5.jpg,0\n`, (root) => `${root}/emergency_classification.csv line 4: image "5.jpg" not found in ${root}/images`],
    ['a duplicated row', `${HEADER}\n0.jpg,1\n1.jpg,0\n0.jpg,1\n`, (root) => `${root}/emergency_classification.csv line 4: "0.jpg" is listed again (first on line 2)`],
  ];
  it.each(csvCases)('rejects %s, naming the file and line', async (label, csv, message) => {
    const root = await writeArticle(fresh(label.replace(/\W+/g, '-')), { labels: [1, 0, 1], csv });
    await expectRejected(root, message(root));
  });

  it('rejects a folder without a CSV, saying what it looked for and what it found', async () => {
    const root = fresh('no-csv');
    await mkdir(join(root, 'images'), { recursive: true });
    await writeFile(join(root, 'notes.txt'), 'hello');
    await expectRejected(root, `${root}: no dataset found here or one folder down (expected emergency_classification.csv + images/`);
    await expectRejected(root, 'found images/, notes.txt)');
    await expectRejected(join(root, 'missing'), `${join(root, 'missing')} not found`);
    await expectRejected(join(root, 'notes.txt'), `${join(root, 'notes.txt')} is neither a folder nor a zip file`);
  });

  it('rejects a corrupt or truncated JPEG and a non-image file, naming each file, and writes the report of what it found', async () => {
    const root = await writeArticle(fresh('corrupt'), { labels: [1, 0, 1, 0, 1] });
    const whole = await readFile(join(root, 'images', '1.jpg'));
    await writeFile(join(root, 'images', '1.jpg'), whole.subarray(0, Math.floor(whole.length / 2)));
    await writeFile(join(root, 'images', '3.jpg'), 'image_names,emergency_or_not\nthis is a text file\n');
    const error = await expectRejected(root, /^2 of 5 images cannot be used, so nothing was imported:/);
    expect(error.message).toContain(`\n  ${root}/images/1.jpg: corrupt or truncated image (`);
    expect(error.message).toContain(`\n  ${root}/images/3.jpg: not an image (unsupported or unknown file format)`);
    const reportPath = (error as Error & { reportPath: string }).reportPath;
    expect(error.message.endsWith(`The report of what was found: ${reportPath}`)).toBe(true);
    const report = parseDatasetReport(JSON.parse(await readFile(reportPath, 'utf8')));
    expect(report.quality.unreadable.map((u) => u.name)).toEqual(['1.jpg', '3.jpg']);
  });

  it('warns about an image the CSV does not name, and imports the rest', async () => {
    const root = await writeArticle(fresh('unlisted'), { labels: [1, 0, 1] });
    await writeFile(join(root, 'images', 'extra.jpg'), await jpeg(9));
    await writeFile(join(root, 'images', 'readme.txt'), 'not an image');
    const { report } = await run(root);
    expect(report.counts.images).toBe(3);
    expect(report.unlisted).toEqual(['extra.jpg', 'readme.txt']);
    expect(report.warnings).toEqual(['images/: 2 files not named in emergency_classification.csv, ignored: extra.jpg, readme.txt']);
  });

  it('imports a CSV with a BOM, CRLF line ends, quoted fields and extra columns', async () => {
    const csv = `\ufeff${HEADER},camera\r\n"0.jpg",1,"north, gate"\r\n1.jpg,"0",south\r\n"2.jpg","1",""\r\n`;
    const root = await writeArticle(fresh('csv-variants'), { labels: [1, 0, 1], csv });
    const { report, payload } = await run(root);
    expect(report.counts).toMatchObject({ images: 3, emergency: 2 });
    expect((await readManifest(payload.outDir)).labels).toEqual([1, 0, 1]);
  });

  it('rejects a zip with no CSV, listing what it holds', async () => {
    const zipPath = join(fresh('zip-no-csv'), 'Dataset.zip');
    await mkdir(join(zipPath, '..'), { recursive: true });
    await writeFile(zipPath, makeZip([{ name: 'Dataset/images/0.jpg', data: await jpeg(0) }]));
    await expectRejected(zipPath, `${zipPath}: the zip holds no dataset at its top level or one folder down (expected emergency_classification.csv + images/`);
    await expectRejected(zipPath, 'found Dataset/)');
  });

  it.each([
    ['a "../" entry', '../evil.jpg', 'has a ".." segment, so it would be written outside the target folder'],
    ['a "..\\" entry', 'Dataset\\..\\..\\evil.jpg', 'has a ".." segment, so it would be written outside the target folder'],
    ['an absolute entry', '/tmp/evil.jpg', 'is an absolute path'],
  ])('rejects a zip with %s before writing anything', async (_, name, problem) => {
    const dir = fresh('zip-slip');
    const zipPath = join(dir, 'Dataset.zip');
    await mkdir(dir, { recursive: true });
    const csv = `${HEADER}\n0.jpg,1\n1.jpg,0\n`;
    await writeFile(zipPath, makeZip([{ name: 'emergency_classification.csv', data: csv }, { name: 'images/0.jpg', data: await jpeg(0) }, { name, data: 'evil' }, { name: 'images/1.jpg', data: await jpeg(1) }]));
    await expectRejected(zipPath, `${zipPath}: entry "${name.replace(/\\/g, '/')}" ${problem}; nothing was extracted`);
    expect(await readdir(dir)).toEqual(['Dataset.zip']);
    await expect(readZipDirectory(fileAccess(await readFile(zipPath)), zipPath)).rejects.toThrow(problem);
  });

  it('names a bad file inside a zip by its place in the zip, not the deleted temporary folder', async () => {
    const zipPath = join(fresh('zip-bad-label'), 'Dataset.zip');
    await mkdir(join(zipPath, '..'), { recursive: true });
    await writeFile(zipPath, makeZip([{ name: 'Dataset/emergency_classification.csv', data: `${HEADER}\n0.jpg,2\n` }, { name: 'Dataset/images/0.jpg', data: await jpeg(0) }]));
    await expectRejected(zipPath, `${zipPath}:Dataset/emergency_classification.csv line 2: label "2" for "0.jpg" must be 0`);
  });

  it('rejects a file that is not a zip but is named .zip', async () => {
    const zipPath = join(fresh('fake-zip'), 'Dataset.zip');
    await mkdir(join(zipPath, '..'), { recursive: true });
    await writeFile(zipPath, 'PK\x03\x04 but then nothing');
    await expectRejected(zipPath, `${zipPath} is not a readable zip file`);
  });

  it('stops on abort without replacing anything', async () => {
    const root = await writeArticle(fresh('aborted'), { labels: [1, 0, 1] });
    const abort = new AbortController();
    abort.abort();
    await expect(run(root, { payloadDir, signal: abort.signal })).rejects.toThrow(/abort/i);
    expect(await snapshot()).toEqual(before);
  });
});

/** A zip held in memory, read the way the importer reads a file. */
function fileAccess(bytes: Uint8Array): RandomAccess {
  return { size: bytes.length, read: async (offset, length) => bytes.subarray(offset, offset + length) };
}

describe('readZipEntry', () => {
  it('reads stored and deflated entries byte for byte, without extracting anything', async () => {
    const big = Buffer.alloc(100_000, 'emergency ');
    const access = fileAccess(makeZip([{ name: 'x/', data: '' }, { name: 'x/big.txt', data: big, deflate: true }, { name: 'x/small.bin', data: new Uint8Array([0, 1, 2, 255]) }]));
    const entries = await readZipDirectory(access, 'a.zip');
    expect(entries.map(({ name, kind, size }) => ({ name, kind, size }))).toEqual([
      { name: 'x', kind: 'directory', size: 0 },
      { name: 'x/big.txt', kind: 'file', size: 100_000 },
      { name: 'x/small.bin', kind: 'file', size: 4 },
    ]);
    expect(Buffer.from(await readZipEntry(access, entries[1]!, 'a.zip:x/big.txt')).equals(big)).toBe(true);
    expect([...(await readZipEntry(access, entries[2]!, 'a.zip:x/small.bin'))]).toEqual([0, 1, 2, 255]);
  });

  it('names a damaged entry by its place in the zip', async () => {
    const zip = makeZip([{ name: 'a.txt', data: Buffer.alloc(1000, 'a'), deflate: true }]);
    zip[40] ^= 0xff; // inside the deflated data
    const access = fileAccess(zip);
    const [entry] = await readZipDirectory(access, 'd.zip');
    await expect(readZipEntry(access, entry!, 'd.zip:a.txt')).rejects.toThrow(/^d\.zip:a\.txt/);
  });
});

describe('the command line', () => {
  it('exits non-zero naming a path that does not exist, and leaves public/data alone', async () => {
    const missing = join(workDir, 'no-such-dataset');
    const error = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/import-dataset.ts', missing], { cwd: REPO_ROOT }).then(
      () => undefined,
      (e: { code: number; stderr: string }) => e,
    );
    expect(error?.code).toBe(1);
    expect(error?.stderr).toContain('dataset:import: failed; the active dataset is unchanged.');
    expect(error?.stderr).toContain(`${missing} not found`);
  });
});

describe('the real dataset', () => {
  it.runIf(existsSync(REAL_DATASET))(
    `imports all 2352 images of ${REAL_DATASET} with a sane report`,
    async () => {
      const out = fresh('real');
      const { report, payload, reportPath } = await run(REAL_DATASET, { payloadDir: join(out, 'data'), dataset: { id: 'av-emergency', title: 'AV emergency' } });
      console.log(formatReport(report).join('\n'));
      expect(report.counts).toEqual({ images: 2352, emergency: 991, nonEmergency: 1361, unlabelled: 0 });
      expect(report.sizes).toEqual([{ width: 224, height: 224, count: 2352 }]);
      const { quality, splits } = report;
      expect(quality.unreadable).toEqual([]);
      // The page's importer must find the same (test/e2e/importInPage.test.ts compares the groups themselves).
      expect([quality.duplicateGroups.length, quality.imagesInDuplicateGroups, quality.conflictingGroups]).toEqual([104, 238, 2]);
      expect(quality.imagesInDuplicateGroups).toBe(quality.duplicateGroups.reduce((sum, group) => sum + group.names.length, 0));
      expect(quality.redundantImages).toBe(quality.imagesInDuplicateGroups - quality.duplicateGroups.length);
      expect(quality.conflictingGroups).toBeLessThanOrEqual(quality.duplicateGroups.length);
      expect(quality.order.verdict).toBe('sorted');
      expect(splits.article).toMatchObject({ train: 1646, validation: 706, moved: 0 });
      expect(splits.article.leakedValidationImages).toBeGreaterThan(0);
      expect(splits.leakageFree.leakedValidationImages).toBe(0);
      expect(Math.abs(splits.leakageFree.validation / 2352 - 0.3)).toBeLessThanOrEqual(0.01);
      const manifest = await readManifest(payload.outDir);
      expect(manifest.count).toBe(2352);
      expect(manifest.labels.filter((label) => label === 1)).toHaveLength(991);
      expect(manifest.duplicateGroups).toEqual(quality.duplicateGroups.map((group) => group.indices));
      expect(existsSync(reportPath!)).toBe(true);
    },
    300_000,
  );
});
