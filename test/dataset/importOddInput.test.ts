/**
 * Issue 14, items 12 and 14, beyond test/dataset/importHardening.test.ts: what reaches the terminal from a hostile
 * or odd dataset is printable, every file the import reads is a plain file, and a name that is "not found"
 * although something like it is there says what differs.
 */
import { mkdir, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { HEADER, jpeg, writeArticle } from './fixtures';
import { failure, importInto, run, scratchFolder } from './importTestKit';
import { crc32, makeZip } from './zipWriter';

// What a terminal could obey or that reorders text: C0 controls but the line break, DEL, C1 (U+009B is an
// 8-bit CSI), bidirectional overrides.
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/;

const { fresh } = scratchFolder('import-odd-');

/** The message of the import's failure (the test fails if the import succeeds). */
async function importError(input: string): Promise<string> {
  return (await failure(importInto(join(fresh('out'), 'data'), input))).message;
}

async function zipAt(name: string, entries: Parameters<typeof makeZip>[0]): Promise<string> {
  const dir = fresh(name);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'Dataset.zip'), makeZip(entries));
  return join(dir, 'Dataset.zip');
}

describe('item 12: escape codes in names and paths are printed escaped in every message', () => {
  it('a damaged image whose name holds an 8-bit CSI (U+009B) is listed escaped', async () => {
    const name = '\u009b31mred.jpg';
    const root = await writeArticle(fresh('c1'), { labels: [1, 0], name: (i) => (i === 0 ? name : `${i}.jpg`) });
    await writeFile(join(root, 'images', name), 'not an image');
    const message = await importError(root);
    expect(message).not.toMatch(RAW_CONTROL);
    expect(message).toContain(`${root}/images/\\u009b31mred.jpg: not an image`);
  });

  it('a linked image whose name holds a right-to-left override is named escaped, and so is its target', async () => {
    const name = 'x\u202egpj.jpg';
    const root = await writeArticle(fresh('bidi'), { labels: [1, 0], name: (i) => (i === 0 ? name : `${i}.jpg`) });
    await rm(join(root, 'images', name));
    await symlink('/etc/\u001b[2Jpasswd', join(root, 'images', name));
    const message = await importError(root);
    expect(message).not.toMatch(RAW_CONTROL);
    expect(message).toBe(`${root}/images/x\\u202egpj.jpg is a symbolic link (to "/etc/\\x1b[2Jpasswd"); a dataset holds plain image files only, so nothing was imported`);
  });

  it('an escape code in the dataset folder\'s own path is escaped too', async () => {
    const root = await writeArticle(join(fresh('path'), 'evil\u001b[31m'), { labels: [1, 0] });
    await writeFile(join(root, 'images', '0.jpg'), 'not an image');
    const message = await importError(root);
    expect(message).not.toMatch(RAW_CONTROL);
    expect(message).toContain('evil\\x1b[31m/images/0.jpg: not an image');
  });
});

/** A PNG whose header declares width × height pixels, with a tiny (valid) zlib stream of zeros: 2 KB on disk. */
function pngDeclaring(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const rows = deflateSync(Buffer.alloc(64 * 1024));
  return Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), chunk('IHDR', header), chunk('IDAT', rows), chunk('IEND', Buffer.alloc(0))]);
}

describe('item 12: a pixel bomb (a small file declaring a huge image) is refused by its header, not decoded', () => {
  it('a 2 KB PNG declaring 16000 × 16000 pixels is named, with its size, among the images that cannot be used', async () => {
    const root = await writeArticle(fresh('pixel-bomb'), { labels: [1, 0, 1] });
    await writeFile(join(root, 'images', '1.jpg'), pngDeclaring(16000, 16000));
    expect(await importError(root)).toBe(
      `1 of 3 images cannot be used, so nothing was imported:\n  ${root}/images/1.jpg: 16000 × 16000 pixels (256 megapixels) by its header; an image may have at most 50 megapixels, so it was not decoded`,
    );
  });
});

describe('item 12: the label file is a plain file, or a clear refusal', () => {
  it('a linked emergency_classification.csv is refused by name, not with "ELOOP"', async () => {
    const elsewhere = await writeArticle(fresh('real'), { labels: [1, 0] });
    const root = await writeArticle(fresh('csv-link'), { labels: [1, 0] });
    await rm(join(root, 'emergency_classification.csv'));
    await symlink(join(elsewhere, 'emergency_classification.csv'), join(root, 'emergency_classification.csv'));
    expect(await importError(root)).toBe(
      `${root}/emergency_classification.csv is a symbolic link (to "${elsewhere}/emergency_classification.csv"); the label file must be a plain file (copy it here instead of linking to it), so nothing was imported`,
    );
  });

  it('a FIFO as emergency_classification.csv is refused at once, not read as "empty" and never waited on', async () => {
    const root = await writeArticle(fresh('csv-fifo'), { labels: [1, 0] });
    await rm(join(root, 'emergency_classification.csv'));
    await run('mkfifo', [join(root, 'emergency_classification.csv')]);
    expect(await importError(root)).toBe(`${root}/emergency_classification.csv is a named pipe (FIFO), not a label file, so nothing was imported`);
  });

  it('a symbolic link entry in a zip standing for the CSV is refused, not read as the CSV', async () => {
    const zip = await zipAt('zip-csv-link', [
      { name: 'Dataset/emergency_classification.csv', data: '/etc/passwd', unixMode: 0o120777 },
      { name: 'Dataset/images/0.jpg', data: await jpeg(0) },
      { name: 'Dataset/images/1.jpg', data: await jpeg(1) },
    ]);
    expect(await importError(zip)).toBe(
      `${zip}:Dataset/emergency_classification.csv is a symbolic link (to "/etc/passwd"); the label file must be a plain file (copy it here instead of linking to it), so nothing was imported`,
    );
  });

  it('a 564 MB CSV in a zip says it is too large by its declared size', async () => {
    const zip = await zipAt('zip-csv-big', [
      { name: 'Dataset/emergency_classification.csv', data: 'x', declaredSize: 564e6 },
      { name: 'Dataset/images/0.jpg', data: await jpeg(0) },
    ]);
    expect(await importError(zip)).toBe(`${zip}:Dataset/emergency_classification.csv unpacks to 564.0 MB; a label file may be at most 64 MB (one short line per image), so nothing was imported`);
  });
});

describe('item 14: a name that is "not found" although something like it is there says what differs', () => {
  it('a label file whose name starts with a space', async () => {
    const root = await writeArticle(fresh('csv-space'), { labels: [1, 0] });
    await rename(join(root, 'emergency_classification.csv'), join(root, ' emergency_classification.csv'));
    expect(await importError(root)).toContain(`; "${root}/ emergency_classification.csv" is there, which differs by a leading space from emergency_classification.csv`);
  });

  it('an images folder whose name ends with a space', async () => {
    const root = await writeArticle(fresh('images-space'), { labels: [1, 0], imagesDirName: 'images ' });
    expect(await importError(root)).toBe(
      `${root}/images not found; "${root}/images " is there, which differs by a trailing space from images (expected the labels in ${root}/emergency_classification.csv and the images in ${root}/images/)`,
    );
  });

  it('an images/ that is a file, and an image that is a folder, are called what they are', async () => {
    const flat = await writeArticle(fresh('images-file'), { labels: [1, 0] });
    await rm(join(flat, 'images'), { recursive: true });
    await writeFile(join(flat, 'images'), 'not a folder');
    expect(await importError(flat)).toMatch(new RegExp(`^${flat}/images is a file, not a folder \\(`));

    const root = await writeArticle(fresh('image-folder'), { labels: [1, 0] });
    await rm(join(root, 'images', '1.jpg'));
    await mkdir(join(root, 'images', '1.jpg'));
    expect(await importError(root)).toBe(`${root}/emergency_classification.csv line 3: "1.jpg" in ${root}/images is a folder, not an image file`);
  });

  it('a CSV name with a zero-width space names the invisible character', async () => {
    const root = await writeArticle(fresh('zero-width'), { labels: [1, 0], csv: `${HEADER}\n0\u200b.jpg,1\n1.jpg,0\n` });
    expect(await importError(root)).toBe(`${root}/emergency_classification.csv line 2: image "0\\u200b.jpg" not found in ${root}/images; "0.jpg" is there, which differs by an invisible character (the CSV has U+200B)`);
  });

  it('a zip made on macOS (names stored NFD) against an NFC CSV says which normalisation each has', async () => {
    const zip = await zipAt('zip-nfd', [
      { name: 'Dataset/emergency_classification.csv', data: `${HEADER}\ncaf\u00e9.jpg,1\n1.jpg,0\n` },
      { name: 'Dataset/images/cafe\u0301.jpg', data: await jpeg(0) },
      { name: 'Dataset/images/1.jpg', data: await jpeg(1) },
    ]);
    expect(await importError(zip)).toContain(
      `line 2: image "caf\u00e9.jpg" not found in ${zip}:Dataset/images; "cafe\u0301.jpg" is there, which is the same text in another Unicode normalisation (the CSV has é as U+00E9, the file name as e + U+0301): rename one of them`,
    );
  });
});

describe('item 14: the same for the other layouts', () => {
  it('two folders of photos, one named "emergency " with a trailing space, are not "no dataset" without a word why', async () => {
    const root = fresh('folders-space');
    for (const [folder, i] of [['emergency ', 0], ['other', 1]] as const) {
      await mkdir(join(root, folder), { recursive: true });
      await writeFile(join(root, folder, `${i}.jpg`), await jpeg(i));
    }
    const message = await importError(root);
    expect(message).toContain('found "emergency "/, other/)');
    expect(message).toContain(`; "${root}/emergency /" is there, which differs by a trailing space from emergency/`);
  });

  it("Kaggle's test.csv naming an image with a leading space gets a warning that says so", async () => {
    const root = fresh('kaggle-space');
    await mkdir(join(root, 'images'), { recursive: true });
    for (const i of [0, 1, 2]) await writeFile(join(root, 'images', `${i}.jpg`), await jpeg(i));
    await writeFile(join(root, 'train.csv'), `${HEADER}\n0.jpg,1\n1.jpg,0\n`);
    await writeFile(join(root, 'test.csv'), 'image_names\n2.jpg\n"3.jpg"\n');
    await writeFile(join(root, 'images', ' 3.jpg'), await jpeg(3));
    const { report } = await importInto(join(fresh('kaggle-out'), 'data'), root);
    expect(report.warnings).toContain('test.csv line 3: image "3.jpg" not found in images/; " 3.jpg" is there, which differs by a leading space (skipped)');
  });
});
