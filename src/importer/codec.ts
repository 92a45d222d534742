/**
 * The platform's image work, behind one interface: sharp in Node (scripts/lib/dataset/sharpCodec.ts),
 * createImageBitmap and OffscreenCanvas in the browser (src/importer/browser/canvasCodec.ts). Both decode
 * the same files to the same pixels (libjpeg-turbo in both; tested on the article's 2352 images).
 */

export interface RgbImage {
  width: number;
  height: number;
  /** Packed 8-bit RGB, row-major. */
  rgb: Uint8Array;
}

export interface EncodedFile {
  bytes: Uint8Array;
  extension: 'jpg' | 'png';
}

export interface ImageCodec {
  /**
   * The pixels as stored (the importer has set the file's EXIF orientation to 1 and turns them itself), without
   * colour-profile conversion, transparent pixels composited over black (see rgbOverBlack). Throws with the
   * decoder's words when it cannot.
   */
  decode(bytes: Uint8Array): Promise<RgbImage>;
  /** Stretched to size × size (the article's images are square; others are not cropped), one filter for all. */
  resize(image: RgbImage, size: number): Promise<Uint8Array>;
  /** A sprite sheet (tiles of one size) as an image file. */
  encodeSheet(image: RgbImage): Promise<EncodedFile>;
  /** A 224 × 224 original re-encoded (another size, format, colour space or orientation than the article's). */
  encodeJpeg(image: RgbImage): Promise<Uint8Array>;
}

/** SHA-256 as lowercase hex (WebCrypto: the same in Node and the browser). */
export async function sha256Hex(...parts: (Uint8Array | string)[]): Promise<string> {
  const encoded = parts.map((part) => (typeof part === 'string' ? new TextEncoder().encode(part) : part));
  let data: Uint8Array;
  if (encoded.length === 1) data = encoded[0]!;
  else {
    data = new Uint8Array(encoded.reduce((sum, part) => sum + part.length, 0));
    let offset = 0;
    for (const part of encoded) {
      data.set(part, offset);
      offset += part.length;
    }
  }
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', data as BufferSource));
  let hex = '';
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0');
  return hex;
}
