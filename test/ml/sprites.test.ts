import { describe, expect, it } from 'vitest';
import { rgbSheetFromTiles, spriteSheetDimensions, tilesFromRgba } from '../../src/ml/sprites';

/** A packed RGB batch whose every byte says which image, pixel and channel it is (mod 256). */
function labelledTiles(count: number, size: number): Uint8Array {
  const tiles = new Uint8Array(count * size * size * 3);
  for (let i = 0; i < tiles.length; i++) tiles[i] = (i * 7 + Math.floor(i / (size * size * 3)) * 31) & 0xff;
  return tiles;
}

function rgbToRgba(rgb: Uint8Array): Uint8ClampedArray {
  const rgba = new Uint8ClampedArray((rgb.length / 3) * 4);
  for (let p = 0, q = 0; p < rgb.length; p += 3, q += 4) {
    rgba[q] = rgb[p];
    rgba[q + 1] = rgb[p + 1];
    rgba[q + 2] = rgb[p + 2];
    rgba[q + 3] = 255;
  }
  return rgba;
}

describe('sprite sheets', () => {
  it('sizes a sheet by whole rows of tiles', () => {
    expect(spriteSheetDimensions(64, 16, 256)).toEqual({ width: 1024, height: 1024 });
    expect(spriteSheetDimensions(64, 16, 48)).toEqual({ width: 1024, height: 192 });
    expect(spriteSheetDimensions(32, 32, 1)).toEqual({ width: 1024, height: 32 });
  });

  it('lays tiles out row-major and reads them back exactly, partial last row included', () => {
    const size = 4;
    const tilesPerRow = 3;
    const tiles = labelledTiles(7, size);
    const sheet = rgbSheetFromTiles(tiles, size, tilesPerRow, 0, 7);
    expect(sheet.length).toBe(12 * 12 * 3);
    // Tile 4 is the second tile of the second row: its top-left pixel sits at (x 4, y 4).
    const tile4 = 4 * size * size * 3;
    expect(Array.from(sheet.subarray((4 * 12 + 4) * 3, (4 * 12 + 4) * 3 + 3))).toEqual(Array.from(tiles.subarray(tile4, tile4 + 3)));
    // Cells after the last tile stay black.
    expect(sheet[(8 * 12 + 11) * 3]).toBe(0);

    const back = new Uint8Array(tiles.length);
    tilesFromRgba(rgbToRgba(sheet), 12, size, tilesPerRow, 7, back, 0);
    expect(back).toEqual(tiles);
  });

  it('writes into the target at an offset, leaving other images alone, and accepts Uint8Array input', () => {
    const size = 2;
    const tiles = labelledTiles(3, size);
    const rgba = new Uint8Array(rgbToRgba(rgbSheetFromTiles(tiles, size, 2, 1, 2)));
    const target = new Uint8Array(5 * size * size * 3).fill(9);
    tilesFromRgba(rgba, 4, size, 2, 2, target, 3);
    const tileBytes = size * size * 3;
    expect(target.subarray(0, 3 * tileBytes).every((v) => v === 9)).toBe(true);
    expect(target.subarray(3 * tileBytes)).toEqual(tiles.subarray(tileBytes));
  });

  it('packs a slice of a larger batch', () => {
    const tiles = labelledTiles(10, 2);
    const sheet = rgbSheetFromTiles(tiles, 2, 4, 6, 4);
    const back = new Uint8Array(4 * 12);
    tilesFromRgba(rgbToRgba(sheet), 8, 2, 4, 4, back, 0);
    expect(back).toEqual(tiles.subarray(6 * 12, 10 * 12));
  });

  it('explains bad dimensions', () => {
    const rgba = new Uint8ClampedArray(8 * 4 * 4);
    const target = new Uint8Array(100);
    expect(() => tilesFromRgba(rgba, 6, 2, 4, 4, target, 0)).toThrow('sheet is 6 px wide but 4 tiles of 2 px need exactly 8');
    expect(() => tilesFromRgba(rgba.subarray(1), 8, 2, 4, 4, target, 0)).toThrow(/127 bytes is not a whole number of RGBA rows 8 px wide/);
    expect(() => tilesFromRgba(rgba, 8, 2, 4, 12, new Uint8Array(1000), 0)).toThrow('sheet is 4 px tall but 12 tiles of 2 px, 4 per row, need 6');
    expect(() => tilesFromRgba(rgba, 8, 2, 4, 8, target, 1)).toThrow('target holds 100 bytes but tiles 1..8 of 2x2x3 need 108');
    expect(() => tilesFromRgba(rgba, 8, 0, 4, 8, target, 0)).toThrow('size must be a positive integer, got 0');
    expect(() => tilesFromRgba(rgba, 8, 2, 4, 8, target, -1)).toThrow('targetOffsetTiles must be an integer ≥ 0, got -1');
    expect(() => rgbSheetFromTiles(new Uint8Array(24), 2, 2, 1, 2)).toThrow(/tiles 1..2 are not all inside 2 images of 2x2x3/);
  });
});
