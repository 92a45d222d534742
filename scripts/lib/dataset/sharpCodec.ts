/** The importer's image work in Node (src/importer/codec.ts), with sharp (libvips, libjpeg-turbo, mozjpeg). */
import sharp from 'sharp';
import type { ImageCodec } from '../../../src/importer/codec';
import { rgbOverBlack } from '../../../src/importer/imageFile';

/**
 * JPEG settings for sprite sheets (mozjpeg), measured on the real 2352-image dataset: 64x64 sheets total
 * 5.5 MB with a mean abs error of 3.9/255 per channel (worst image 5.6). 4:2:0 saves little at these
 * sizes and doubles the worst image's error (colour edges, bleeding across tile borders), so 4:4:4.
 */
export const DEFAULT_JPEG_QUALITY = 90;

export interface SharpCodecOptions {
  jpegQuality?: number;
  chromaSubsampling?: '4:4:4' | '4:2:0';
}

export function sharpCodec(options: SharpCodecOptions = {}): ImageCodec {
  const raw = (width: number, height: number) => ({ raw: { width, height, channels: 3 as const } });
  return {
    async decode(bytes) {
      // failOn 'error', not libvips' default 'warning': a browser draws a JPEG with minor damage, so the command line does too.
      // Transparency is composited here rather than by libvips, whose rounding differs from a browser canvas's.
      const { data, info } = await sharp(bytes, { failOn: 'error', autoOrient: false }).toColourspace('srgb').ensureAlpha().raw({ depth: 'uchar' }).toBuffer({ resolveWithObject: true });
      if (info.channels !== 4) throw new Error(`decoded to ${info.channels} channels, expected RGBA`);
      return { width: info.width, height: info.height, rgb: rgbOverBlack(new Uint8Array(data.buffer, data.byteOffset, data.byteLength)) };
    },
    async resize(image, size) {
      const data = await sharp(image.rgb, raw(image.width, image.height)).resize(size, size, { fit: 'fill', kernel: 'lanczos3' }).raw().toBuffer();
      return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    },
    async encodeSheet(image) {
      const bytes = await sharp(image.rgb, raw(image.width, image.height))
        .jpeg({ quality: options.jpegQuality ?? DEFAULT_JPEG_QUALITY, chromaSubsampling: options.chromaSubsampling ?? '4:4:4', mozjpeg: true })
        .toBuffer();
      return { bytes, extension: 'jpg' };
    },
    async encodeJpeg(image) {
      // High quality and no chroma subsampling keep a re-encoded original close to what was imported.
      return sharp(image.rgb, raw(image.width, image.height)).jpeg({ quality: 95, chromaSubsampling: '4:4:4', mozjpeg: true }).toBuffer();
    },
  };
}
