/**
 * The importer's image work in the browser (src/importer/codec.ts): createImageBitmap to decode and resize,
 * OffscreenCanvas to read pixels and encode JPEGs. Runs in a Web Worker. Pixels are drawn on an opaque
 * canvas, so transparency is composited over black as rgbOverBlack does on the command line.
 */
import type { ImageCodec, RgbImage } from '../codec';

/** Sprite sheets: the command line's quality (scripts/lib/dataset/sharpCodec.ts, 90); originals 95. */
const SHEET_QUALITY = 0.9;
const ORIGINAL_QUALITY = 0.95;

function opaqueContext(width: number, height: number): OffscreenCanvasRenderingContext2D {
  const context = new OffscreenCanvas(width, height).getContext('2d', { alpha: false, willReadFrequently: true });
  if (!context) throw new Error('this browser cannot decode images (no 2D canvas in a worker)');
  return context;
}

function rgbOf(context: OffscreenCanvasRenderingContext2D, width: number, height: number): Uint8Array {
  const rgba = context.getImageData(0, 0, width, height).data;
  const rgb = new Uint8Array(width * height * 3);
  for (let source = 0, target = 0; source < rgba.length; source += 4, target += 3) {
    rgb[target] = rgba[source]!;
    rgb[target + 1] = rgba[source + 1]!;
    rgb[target + 2] = rgba[source + 2]!;
  }
  return rgb;
}

function imageDataOf(image: RgbImage): ImageData {
  const rgba = new Uint8ClampedArray(image.width * image.height * 4);
  for (let source = 0, target = 0; target < rgba.length; source += 3, target += 4) {
    rgba[target] = image.rgb[source]!;
    rgba[target + 1] = image.rgb[source + 1]!;
    rgba[target + 2] = image.rgb[source + 2]!;
    rgba[target + 3] = 255;
  }
  return new ImageData(rgba, image.width, image.height);
}

async function draw(bitmap: ImageBitmap): Promise<RgbImage> {
  try {
    const { width, height } = bitmap;
    const context = opaqueContext(width, height);
    context.fillStyle = '#000';
    context.fillRect(0, 0, width, height);
    context.drawImage(bitmap, 0, 0);
    return { width, height, rgb: rgbOf(context, width, height) };
  } finally {
    bitmap.close();
  }
}

async function encode(image: RgbImage, quality: number): Promise<Uint8Array> {
  const canvas = new OffscreenCanvas(image.width, image.height);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('this browser cannot encode images (no 2D canvas in a worker)');
  context.putImageData(imageDataOf(image), 0, 0);
  const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality });
  return new Uint8Array(await blob.arrayBuffer());
}

export function canvasCodec(): ImageCodec {
  return {
    async decode(bytes) {
      let bitmap: ImageBitmap;
      try {
        // No colour-profile conversion (as sharp is asked on the command line); the importer turns the pixels itself.
        bitmap = await createImageBitmap(new Blob([bytes as BlobPart]), { colorSpaceConversion: 'none', premultiplyAlpha: 'none', imageOrientation: 'from-image' });
      } catch (error) {
        throw new Error(`the browser cannot decode it (${(error as Error).message || String(error)})`);
      }
      return draw(bitmap);
    },
    async resize(image, size) {
      const bitmap = await createImageBitmap(imageDataOf(image), { resizeWidth: size, resizeHeight: size, resizeQuality: 'high' });
      return (await draw(bitmap)).rgb;
    },
    async encodeSheet(image) {
      return { bytes: await encode(image, SHEET_QUALITY), extension: 'jpg' };
    },
    encodeJpeg: (image) => encode(image, ORIGINAL_QUALITY),
  };
}
