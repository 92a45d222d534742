/**
 * Reads a zip archive through random access (a File's slices in the browser, a file handle in Node), one
 * entry at a time, so a 60 MB Dataset.zip is never held in memory nor unpacked to a disk. The central
 * directory is read and checked first (unsafe names, encryption, duplicates, links and devices are
 * refused there); an entry is inflated only when asked for, never past the size its header declares.
 */
import { crc32 } from './crc32';
import { formatSize } from './limits';
import { quoted } from './names';

export interface RandomAccess {
  readonly size: number;
  read(offset: number, length: number): Promise<Uint8Array>;
}

export type EntryKind = 'file' | 'directory' | 'symlink' | 'fifo' | 'device' | 'socket';

export interface ZipEntry {
  /** Forward-slash path inside the archive, e.g. "Dataset/images/0.jpg" (no trailing slash for folders). */
  name: string;
  kind: EntryKind;
  /** Uncompressed size, as the central directory declares it. */
  size: number;
  compressedSize: number;
  method: number;
  crc32: number;
  localHeaderOffset: number;
}

/** Folders that macOS's archiver adds (resource forks), never part of a dataset. */
const IGNORED_PREFIXES = ['__MACOSX/'];

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const METHOD_NAMES: Record<number, string> = { 1: 'Shrink', 6: 'Implode', 9: 'Deflate64', 12: 'BZIP2', 14: 'LZMA', 93: 'Zstandard', 95: 'XZ', 98: 'PPMd', 99: 'AES encryption' };

/** "PK\x03\x04" (a zip with entries) or "PK\x05\x06" (an empty zip). */
export function looksLikeZip(firstBytes: Uint8Array): boolean {
  return firstBytes[0] === 0x50 && firstBytes[1] === 0x4b && ((firstBytes[2] === 3 && firstBytes[3] === 4) || (firstBytes[2] === 5 && firstBytes[3] === 6));
}

/** Why an entry name cannot be used inside a folder, or undefined when it is safe. */
function unsafeEntryProblem(name: string): string | undefined {
  if (name.includes('\u0000')) return 'has a NUL character in its name';
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'is an absolute path';
  if (name.split('/').includes('..')) return 'has a ".." segment, so it would be written outside the target folder';
  return undefined;
}

/** Lists every entry after checking the whole central directory; throws, naming the entry, before any is read. */
export async function readZipDirectory(access: RandomAccess, zipName: string): Promise<ZipEntry[]> {
  const fail = (message: string): never => {
    throw new Error(`${zipName} is not a readable zip file: ${message}`);
  };
  if (access.size < 22) fail(`it is ${access.size} bytes long, too short for a zip`);
  const tailLength = Math.min(access.size, 22 + 0xffff);
  const tail = await access.read(access.size - tailLength, tailLength);
  const view = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
  let eocd = -1;
  for (let at = tail.length - 22; at >= 0; at--) {
    if (view.getUint32(at, true) === EOCD && at + 22 + view.getUint16(at + 20, true) <= tail.length) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) fail('no end-of-archive record (the file is truncated, or is not a zip)');
  let count = view.getUint16(eocd + 10, true);
  let directorySize = view.getUint32(eocd + 12, true);
  let directoryOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    const locatorAt = eocd - 20;
    if (locatorAt < 0 || view.getUint32(locatorAt, true) !== ZIP64_LOCATOR) fail('a ZIP64 archive without its ZIP64 locator');
    const recordOffset = Number(view.getBigUint64(locatorAt + 8, true));
    const record = await access.read(recordOffset, 56);
    const recordView = new DataView(record.buffer, record.byteOffset, record.byteLength);
    if (record.length < 56 || recordView.getUint32(0, true) !== ZIP64_EOCD) fail('its ZIP64 end record is missing');
    count = Number(recordView.getBigUint64(32, true));
    directorySize = Number(recordView.getBigUint64(40, true));
    directoryOffset = Number(recordView.getBigUint64(48, true));
  }
  if (directoryOffset + directorySize > access.size) fail(`its central directory (${directorySize} bytes at ${directoryOffset}) lies past the end of the file (${access.size} bytes)`);

  const directory = await access.read(directoryOffset, directorySize);
  const entries = parseCentralDirectory(directory, count, zipName, fail);
  const seen = new Set<string>();
  for (const entry of entries) {
    if (seen.has(entry.name)) throw new Error(`${zipName}: entry ${quoted(entry.name)} appears twice in the archive`);
    seen.add(entry.name);
  }
  return entries;
}

function parseCentralDirectory(directory: Uint8Array, count: number, zipName: string, fail: (message: string) => never): ZipEntry[] {
  const view = new DataView(directory.buffer, directory.byteOffset, directory.byteLength);
  const entries: ZipEntry[] = [];
  let at = 0;
  for (let index = 0; index < count; index++) {
    if (at + 46 > directory.length || view.getUint32(at, true) !== CENTRAL) fail(`entry ${index + 1} of ${count} in the central directory is damaged`);
    const madeBy = view.getUint16(at + 4, true);
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const crc = view.getUint32(at + 16, true);
    let compressedSize = view.getUint32(at + 20, true);
    let size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const externalAttributes = view.getUint32(at + 38, true);
    let localHeaderOffset = view.getUint32(at + 42, true);
    const rawName = directory.subarray(at + 46, at + 46 + nameLength);
    const extra = directory.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength);
    at += 46 + nameLength + extraLength + commentLength;

    const zip64 = readZip64Extra(extra, { size: size === 0xffffffff, compressedSize: compressedSize === 0xffffffff, offset: localHeaderOffset === 0xffffffff });
    size = zip64.size ?? size;
    compressedSize = zip64.compressedSize ?? compressedSize;
    localHeaderOffset = zip64.offset ?? localHeaderOffset;

    // Backslashes become slashes (archives made on Windows), so "..\\x" is caught as "../x".
    const decoded = unicodePathExtra(extra, rawName) ?? decodeName(rawName, (flags & 0x800) !== 0);
    const name = decoded.replace(/\\/g, '/');
    const problem = unsafeEntryProblem(name);
    if (problem) throw new Error(`${zipName}: entry ${quoted(name)} ${problem}; nothing was extracted`);
    if (IGNORED_PREFIXES.some((prefix) => name.startsWith(prefix))) continue;
    const kind = entryKind(madeBy, externalAttributes, name);
    if (flags & 0x1) throw new Error(`${zipName}: entry ${quoted(name)} is encrypted (expected a plain zip)`);
    entries.push({ name: name.replace(/\/+$/, ''), kind, size, compressedSize, method, crc32: crc, localHeaderOffset });
  }
  return entries;
}

/** The 64-bit sizes and offset of a ZIP64 entry, present only for the fields whose 32-bit value is 0xffffffff. */
function readZip64Extra(extra: Uint8Array, present: { size: boolean; compressedSize: boolean; offset: boolean }) {
  const view = new DataView(extra.buffer, extra.byteOffset, extra.byteLength);
  const found: { size?: number; compressedSize?: number; offset?: number } = {};
  for (let at = 0; at + 4 <= extra.length; ) {
    const id = view.getUint16(at, true);
    const length = view.getUint16(at + 2, true);
    if (id === 0x0001) {
      let field = at + 4;
      const next = () => {
        const value = field + 8 <= at + 4 + length ? Number(view.getBigUint64(field, true)) : undefined;
        field += 8;
        return value;
      };
      if (present.size) found.size = next();
      if (present.compressedSize) found.compressedSize = next();
      if (present.offset) found.offset = next();
    }
    at += 4 + length;
  }
  return found;
}

/** Info-ZIP's Unicode path field (0x7075): the UTF-8 name, when it belongs to this header's name. */
function unicodePathExtra(extra: Uint8Array, rawName: Uint8Array): string | undefined {
  const view = new DataView(extra.buffer, extra.byteOffset, extra.byteLength);
  for (let at = 0; at + 4 <= extra.length; ) {
    const id = view.getUint16(at, true);
    const length = view.getUint16(at + 2, true);
    if (id === 0x7075 && length >= 5 && extra[at + 4] === 1 && view.getUint32(at + 5, true) === crc32(rawName)) {
      return new TextDecoder().decode(extra.subarray(at + 9, at + 4 + length));
    }
    at += 4 + length;
  }
  return undefined;
}

// IBM code page 437, the zip format's default for names without the UTF-8 flag (bytes 0x80–0xff).
const CP437_HIGH =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0';

function decodeName(raw: Uint8Array, utf8: boolean): string {
  if (utf8) return new TextDecoder().decode(raw);
  let name = '';
  for (const byte of raw) name += byte < 0x80 ? String.fromCharCode(byte) : CP437_HIGH[byte - 0x80];
  return name;
}

function entryKind(madeBy: number, externalAttributes: number, name: string): EntryKind {
  const host = madeBy >>> 8;
  // Unix (3) and macOS (19) archivers keep the file's mode in the high 16 bits.
  if (host === 3 || host === 19) {
    const type = (externalAttributes >>> 16) & 0o170000;
    if (type === 0o040000) return 'directory';
    if (type === 0o120000) return 'symlink';
    if (type === 0o010000) return 'fifo';
    if (type === 0o020000 || type === 0o060000) return 'device';
    if (type === 0o140000) return 'socket';
  }
  if (name.endsWith('/') || (host === 0 && (externalAttributes & 0x10) !== 0)) return 'directory';
  return 'file';
}

/**
 * The bytes of one entry: stored or deflated, checked against the declared size (never inflating past it)
 * and the CRC. `where` names the entry in errors ("Dataset.zip:Dataset/images/3.jpg").
 */
export async function readZipEntry(access: RandomAccess, entry: ZipEntry, where: string, signal?: AbortSignal): Promise<Uint8Array> {
  const header = await access.read(entry.localHeaderOffset, 30);
  const view = new DataView(header.buffer, header.byteOffset, header.byteLength);
  if (header.length < 30 || view.getUint32(0, true) !== LOCAL) throw new Error(`${where}: the zip is damaged (no local header at offset ${entry.localHeaderOffset})`);
  const dataStart = entry.localHeaderOffset + 30 + view.getUint16(26, true) + view.getUint16(28, true);
  if (dataStart + entry.compressedSize > access.size) throw new Error(`${where}: the zip is truncated (the entry ends past the end of the file)`);
  const compressed = await access.read(dataStart, entry.compressedSize);
  let data: Uint8Array;
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.size) throw new Error(`${where}: the zip is damaged (a stored entry of ${entry.compressedSize} bytes declares ${entry.size})`);
    data = compressed;
  } else if (entry.method === 8) {
    data = await inflateBounded(compressed, entry.size, where, signal);
  } else {
    const method = METHOD_NAMES[entry.method] ?? 'an unknown method';
    throw new Error(`${where} is compressed with ${method} (zip method ${entry.method}), which this importer cannot read; make the zip again with the usual Deflate compression`);
  }
  if (crc32(data) !== entry.crc32) throw new Error(`${where}: the zip is damaged (the entry's checksum does not match its contents)`);
  return data;
}

/** Inflates raw deflate data, refusing to produce more than `declared` bytes (a zip bomb's lie). */
async function inflateBounded(compressed: Uint8Array, declared: number, where: string, signal?: AbortSignal): Promise<Uint8Array> {
  const output = new Uint8Array(declared);
  let length = 0;
  const stream = new Blob([compressed as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  const reader = stream.getReader();
  try {
    for (;;) {
      signal?.throwIfAborted();
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (error) {
        throw new Error(`${where}: the zip is damaged (${(error as Error).message})`);
      }
      if (chunk.done) break;
      if (length + chunk.value.length > declared) {
        throw new Error(`${where} unpacks to more than the ${formatSize(declared)} its header declares: the zip is damaged or built to mislead`);
      }
      output.set(chunk.value, length);
      length += chunk.value.length;
    }
  } finally {
    reader.cancel().catch(() => {});
  }
  if (length !== declared) throw new Error(`${where}: the zip is damaged (the entry unpacks to ${formatSize(length)}, its header declares ${formatSize(declared)})`);
  return output;
}
