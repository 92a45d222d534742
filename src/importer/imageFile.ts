/**
 * What an image file is, read from its bytes alone, the same way in Node and in the browser: the format,
 * the size, colour channels, transparency, EXIF orientation — and whether the file is complete. Decoders
 * differ (libvips fails on a truncated JPEG, Chromium draws it half grey), so completeness is checked here.
 */
export type ImageFormat = 'jpeg' | 'png' | 'webp';

export interface ImageInfo {
  format: ImageFormat;
  /** As stored, before the EXIF orientation is applied. */
  width: number;
  height: number;
  channels: number;
  /** "srgb", "b-w" (grey) or "cmyk", in libvips' words. */
  space: string;
  hasAlpha: boolean;
  /** EXIF orientation 1–8 (1: as stored). */
  orientation: number;
  /** Where the orientation's value is in the file, so that decoders can be given a copy that says 1. */
  orientationAt?: { offset: number; littleEndian: boolean };
}

export type ImageFileCheck = { info: ImageInfo; problem?: undefined } | { info?: undefined; problem: string };

const OTHER_FORMATS: [string, (b: Uint8Array) => boolean][] = [
  ['a HEIC photo (the iPhone camera’s default format), which browsers cannot read: export it as JPEG', (b) => isFtyp(b, ['heic', 'heix', 'hevc', 'heim', 'heis', 'mif1', 'msf1'])],
  ['an AVIF image; the importer reads JPEG, PNG and WebP', (b) => isFtyp(b, ['avif', 'avis'])],
  ['a GIF image; the importer reads JPEG, PNG and WebP', (b) => ascii(b, 0, 4) === 'GIF8'],
  ['a BMP image; the importer reads JPEG, PNG and WebP', (b) => ascii(b, 0, 2) === 'BM'],
  ['a TIFF image; the importer reads JPEG, PNG and WebP', (b) => ascii(b, 0, 4) === 'II*\u0000' || ascii(b, 0, 4) === 'MM\u0000*'],
];

export function checkImageFile(bytes: Uint8Array): ImageFileCheck {
  if (bytes.length === 0) return { problem: 'empty file' };
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return jpegInfo(bytes);
    if (ascii(bytes, 0, 8) === '\u0089PNG\r\n\u001a\n') return pngInfo(bytes);
    if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return webpInfo(bytes);
  } catch (error) {
    if (error instanceof RangeError) return { problem: 'corrupt or truncated image (the file ends inside its header)' };
    throw error;
  }
  const other = OTHER_FORMATS.find(([, test]) => test(bytes));
  return { problem: other ? other[0] : 'not an image (unsupported or unknown file format)' };
}

function ascii(bytes: Uint8Array, start: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(start, start + length));
}

function isFtyp(bytes: Uint8Array, brands: string[]): boolean {
  return ascii(bytes, 4, 4) === 'ftyp' && brands.includes(ascii(bytes, 8, 4));
}

const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

function jpegInfo(bytes: Uint8Array): ImageFileCheck {
  const data = view(bytes);
  let at = 2;
  let orientation = 1;
  let orientationAt: ImageInfo['orientationAt'];
  let frame: { width: number; height: number; components: number } | undefined;
  for (;;) {
    if (at + 4 > bytes.length) return { problem: 'corrupt or truncated image (the JPEG ends before its image data)' };
    if (bytes[at] !== 0xff) return { problem: `corrupt image (a JPEG marker was expected at byte ${at})` };
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      at++;
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    const length = data.getUint16(at + 2);
    const segment = bytes.subarray(at + 4, at + 2 + length);
    if (marker === 0xda) break;
    if (marker === 0xe1 && ascii(segment, 0, 6) === 'Exif\u0000\u0000' && !orientationAt) ({ orientation, orientationAt } = exifOrientation(segment.subarray(6), at + 10) ?? { orientation, orientationAt });
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      const frameView = view(segment);
      frame = { height: frameView.getUint16(1), width: frameView.getUint16(3), components: segment[5]! };
    }
    at += 2 + length;
  }
  if (!frame || frame.width === 0 || frame.height === 0) return { problem: 'corrupt image (the JPEG has no frame header)' };
  // Entropy-coded data never holds FF D9 (an FF byte there is followed by 00 or a restart marker).
  let end = bytes.length - 1;
  while (end > at && !(bytes[end - 1] === 0xff && bytes[end] === 0xd9)) end--;
  if (end <= at) return { problem: 'corrupt or truncated image (the JPEG ends before its end-of-image marker)' };
  const space = frame.components === 1 ? 'b-w' : frame.components === 4 ? 'cmyk' : 'srgb';
  return { info: { format: 'jpeg', width: frame.width, height: frame.height, channels: frame.components, space, hasAlpha: false, orientation, orientationAt } };
}

function pngInfo(bytes: Uint8Array): ImageFileCheck {
  const data = view(bytes);
  if (ascii(bytes, 12, 4) !== 'IHDR') return { problem: 'corrupt image (the PNG has no IHDR header)' };
  const width = data.getUint32(16);
  const height = data.getUint32(20);
  const colourType = bytes[25]!;
  let transparency = false;
  let orientation = 1;
  let orientationAt: ImageInfo['orientationAt'];
  let ended = false;
  for (let at = 8; at + 8 <= bytes.length; ) {
    const length = data.getUint32(at);
    const type = ascii(bytes, at + 4, 4);
    if (at + 12 + length > bytes.length) break;
    if (type === 'tRNS') transparency = true;
    if (type === 'eXIf') ({ orientation, orientationAt } = exifOrientation(bytes.subarray(at + 8, at + 8 + length), at + 8) ?? { orientation, orientationAt });
    if (type === 'IEND') {
      ended = true;
      break;
    }
    at += 12 + length;
  }
  if (!ended) return { problem: 'corrupt or truncated image (the PNG ends before its IEND chunk)' };
  const grey = colourType === 0 || colourType === 4;
  const hasAlpha = colourType === 4 || colourType === 6 || transparency;
  const channels = (grey ? 1 : 3) + (hasAlpha ? 1 : 0);
  return { info: { format: 'png', width, height, channels, space: grey ? 'b-w' : 'srgb', hasAlpha, orientation, orientationAt } };
}

function webpInfo(bytes: Uint8Array): ImageFileCheck {
  const data = view(bytes);
  if (data.getUint32(4, true) + 8 > bytes.length) return { problem: 'corrupt or truncated image (the WebP file is shorter than its header says)' };
  let width = 0;
  let height = 0;
  let hasAlpha = false;
  let orientation = 1;
  let orientationAt: ImageInfo['orientationAt'];
  for (let at = 12; at + 8 <= bytes.length; ) {
    const type = ascii(bytes, at, 4);
    const length = data.getUint32(at + 4, true);
    const chunk = bytes.subarray(at + 8, at + 8 + length);
    const chunkView = view(chunk);
    if (type === 'VP8X') {
      hasAlpha = (chunk[0]! & 0x10) !== 0;
      width = 1 + (chunk[4]! | (chunk[5]! << 8) | (chunk[6]! << 16));
      height = 1 + (chunk[7]! | (chunk[8]! << 8) | (chunk[9]! << 16));
    } else if (type === 'VP8 ' && width === 0) {
      width = chunkView.getUint16(6, true) & 0x3fff;
      height = chunkView.getUint16(8, true) & 0x3fff;
    } else if (type === 'VP8L' && width === 0) {
      const bits = chunkView.getUint32(1, true);
      width = (bits & 0x3fff) + 1;
      height = ((bits >>> 14) & 0x3fff) + 1;
      hasAlpha = ((bits >>> 28) & 1) === 1;
    } else if (type === 'EXIF') {
      ({ orientation, orientationAt } = exifOrientation(chunk, at + 8) ?? { orientation, orientationAt });
    }
    at += 8 + length + (length % 2);
  }
  if (width === 0 || height === 0) return { problem: 'corrupt image (the WebP file has no image header)' };
  return { info: { format: 'webp', width, height, channels: hasAlpha ? 4 : 3, space: 'srgb', hasAlpha, orientation, orientationAt } };
}

/** Tag 0x0112 of the first IFD of a TIFF structure (EXIF) at `fileOffset` in the file, when it holds 1–8. */
function exifOrientation(tiff: Uint8Array, fileOffset: number): { orientation: number; orientationAt: ImageInfo['orientationAt'] } | undefined {
  // WebP and PNG writers often keep JPEG's "Exif\0\0" prefix in front of the TIFF data.
  if (ascii(tiff, 0, 6) === 'Exif\u0000\u0000') return exifOrientation(tiff.subarray(6), fileOffset + 6);
  if (tiff.length < 8) return undefined;
  const little = ascii(tiff, 0, 2) === 'II';
  if (!little && ascii(tiff, 0, 2) !== 'MM') return undefined;
  const data = view(tiff);
  const ifd = data.getUint32(4, little);
  if (ifd + 2 > tiff.length) return undefined;
  const count = data.getUint16(ifd, little);
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + 12 * i;
    if (entry + 12 > tiff.length) return undefined;
    if (data.getUint16(entry, little) === 0x0112) {
      const value = data.getUint16(entry + 8, little);
      return value >= 1 && value <= 8 ? { orientation: value, orientationAt: { offset: fileOffset + entry + 8, littleEndian: little } } : undefined;
    }
  }
  return undefined;
}

/**
 * The file as decoders should see it: with its EXIF orientation set to 1, because decoders disagree on it
 * (Chromium applies it whatever createImageBitmap is told; libvips only on request) and the importer applies it itself.
 */
export function withoutOrientation(bytes: Uint8Array, info: ImageInfo): Uint8Array {
  if (info.orientation === 1 || !info.orientationAt) return bytes;
  const copy = bytes.slice();
  new DataView(copy.buffer, copy.byteOffset, copy.byteLength).setUint16(info.orientationAt.offset, 1, info.orientationAt.littleEndian);
  return copy;
}

/** Packed RGBA composited over black, as a browser's opaque canvas draws it: c · a / 255, rounded. */
export function rgbOverBlack(rgba: Uint8Array): Uint8Array {
  const rgb = new Uint8Array((rgba.length / 4) * 3);
  for (let source = 0, target = 0; source < rgba.length; source += 4, target += 3) {
    const alpha = rgba[source + 3]!;
    if (alpha === 255) {
      rgb[target] = rgba[source]!;
      rgb[target + 1] = rgba[source + 1]!;
      rgb[target + 2] = rgba[source + 2]!;
    } else {
      rgb[target] = Math.round((rgba[source]! * alpha) / 255);
      rgb[target + 1] = Math.round((rgba[source + 1]! * alpha) / 255);
      rgb[target + 2] = Math.round((rgba[source + 2]! * alpha) / 255);
    }
  }
  return rgb;
}

/** Width and height as displayed, once the orientation is applied (5–8 swap them). */
export function orientedSize(info: Pick<ImageInfo, 'width' | 'height' | 'orientation'>): { width: number; height: number } {
  return info.orientation >= 5 ? { width: info.height, height: info.width } : { width: info.width, height: info.height };
}

/** Packed RGB pixels turned as EXIF orientation `orientation` asks (an exact permutation, no resampling). */
export function orientPixels(rgb: Uint8Array, width: number, height: number, orientation: number): { rgb: Uint8Array; width: number; height: number } {
  if (orientation === 1) return { rgb, width, height };
  const swap = orientation >= 5;
  const outWidth = swap ? height : width;
  const outHeight = swap ? width : height;
  const out = new Uint8Array(rgb.length);
  for (let y = 0; y < outHeight; y++) {
    for (let x = 0; x < outWidth; x++) {
      let sx: number;
      let sy: number;
      switch (orientation) {
        case 2: [sx, sy] = [width - 1 - x, y]; break;
        case 3: [sx, sy] = [width - 1 - x, height - 1 - y]; break;
        case 4: [sx, sy] = [x, height - 1 - y]; break;
        case 5: [sx, sy] = [y, x]; break;
        case 6: [sx, sy] = [y, height - 1 - x]; break;
        case 7: [sx, sy] = [width - 1 - y, height - 1 - x]; break;
        default: [sx, sy] = [width - 1 - y, x]; break; // 8
      }
      const source = (sy * width + sx) * 3;
      const target = (y * outWidth + x) * 3;
      out[target] = rgb[source]!;
      out[target + 1] = rgb[source + 1]!;
      out[target + 2] = rgb[source + 2]!;
    }
  }
  return { rgb: out, width: outWidth, height: outHeight };
}
