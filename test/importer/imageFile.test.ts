import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { checkImageFile, orientPixels, rgbOverBlack, withoutOrientation } from '../../src/importer/imageFile';
import { pixels } from '../dataset/fixtures';

const W = 6;
const H = 4;
const raw = () => sharp(pixels(3, W, H), { raw: { width: W, height: H, channels: 3 } });

describe('checkImageFile', () => {
  it('reads the format, size, channels, transparency and orientation of JPEG, PNG and WebP', async () => {
    const grey = await raw().toColourspace('b-w').jpeg().toBuffer();
    expect(checkImageFile(grey).info).toEqual({ format: 'jpeg', width: W, height: H, channels: 1, space: 'b-w', hasAlpha: false, orientation: 1 });
    const turned = await raw().jpeg().withMetadata({ orientation: 6 }).toBuffer();
    expect(checkImageFile(turned).info).toMatchObject({ format: 'jpeg', channels: 3, space: 'srgb', orientation: 6 });
    const rgba = await raw().ensureAlpha(0.5).png().toBuffer();
    expect(checkImageFile(rgba).info).toEqual({ format: 'png', width: W, height: H, channels: 4, space: 'srgb', hasAlpha: true, orientation: 1 });
    expect(checkImageFile(await raw().webp({ lossless: true }).toBuffer()).info).toMatchObject({ format: 'webp', width: W, height: H, hasAlpha: false });
    expect(checkImageFile(await raw().webp({ quality: 80 }).toBuffer()).info).toMatchObject({ format: 'webp', width: W, height: H });
    expect(checkImageFile(await raw().ensureAlpha(0.5).webp().toBuffer()).info).toMatchObject({ format: 'webp', hasAlpha: true, channels: 4 });
  });

  it('says what is wrong with files a browser and libvips would treat differently', async () => {
    const jpeg = await raw().jpeg().toBuffer();
    expect(checkImageFile(jpeg.subarray(0, jpeg.length - 20)).problem).toBe('corrupt or truncated image (the JPEG ends before its end-of-image marker)');
    const png = await raw().png().toBuffer();
    expect(checkImageFile(png.subarray(0, png.length - 12)).problem).toBe('corrupt or truncated image (the PNG ends before its IEND chunk)');
    expect(checkImageFile(new Uint8Array()).problem).toBe('empty file');
    expect(checkImageFile(new TextEncoder().encode('image_names,emergency_or_not')).problem).toBe('not an image (unsupported or unknown file format)');
    expect(checkImageFile(await raw().gif().toBuffer()).problem).toBe('a GIF image; the importer reads JPEG, PNG and WebP');
    const heic = new Uint8Array([0, 0, 0, 24, ...new TextEncoder().encode('ftypheic'), 0, 0, 0, 0]);
    expect(checkImageFile(heic).problem).toMatch(/^a HEIC photo .*: export it as JPEG$/);
  });
});

describe('orientPixels', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])('turns pixels for orientation %i exactly as libvips does', async (orientation) => {
    const file = await raw().png().withMetadata({ orientation }).toBuffer();
    const expected = await sharp(file).rotate().raw().toBuffer({ resolveWithObject: true });
    const turned = orientPixels(new Uint8Array(pixels(3, W, H)), W, H, orientation);
    expect([turned.width, turned.height]).toEqual([expected.info.width, expected.info.height]);
    expect(Buffer.from(turned.rgb).equals(expected.data)).toBe(true);
  });
});

describe('withoutOrientation and rgbOverBlack', () => {
  it.each(['jpeg', 'png', 'webp'] as const)('gives decoders a %s whose EXIF orientation says 1, leaving the pixels alone', async (format) => {
    const file = new Uint8Array(await raw()[format]({ quality: 100 }).withMetadata({ orientation: 6 }).toBuffer());
    const info = checkImageFile(file).info!;
    expect(info.orientation).toBe(6);
    const copy = withoutOrientation(file, info);
    expect(checkImageFile(copy).info!.orientation).toBe(1);
    expect(copy.length).toBe(file.length);
    expect(await sharp(copy, { autoOrient: true }).raw().toBuffer()).toEqual(await sharp(file).raw().toBuffer());
  });

  it('composites transparency over black as c · a / 255, rounded (what a canvas draws)', () => {
    expect([...rgbOverBlack(new Uint8Array([230, 20, 255, 127, 9, 8, 7, 255, 100, 100, 100, 0]))]).toEqual([115, 10, 127, 9, 8, 7, 0, 0, 0]);
  });
});
