/**
 * Sprite-sheet geometry and tile extraction, shared by the payload builder (Node) and the loader (browser).
 * A sheet holds `count` square tiles of `size` px, row-major, `tilesPerRow` across.
 */

/** Pixel size of a sheet holding `count` tiles; the last row may be partly empty. */
export function spriteSheetDimensions(size: number, tilesPerRow: number, count: number): { width: number; height: number } {
  return { width: tilesPerRow * size, height: Math.ceil(count / tilesPerRow) * size };
}

function requirePositiveInteger(name: string, value: number): void {
  if (!Number.isInteger(value) || value <= 0) throw new Error(`tilesFromRgba: ${name} must be a positive integer, got ${value}`);
}

/**
 * Copies the first `count` tiles of a decoded RGBA sheet into `target` as packed RGB images
 * (N × size × size × 3, row-major HWC), starting at image index `targetOffsetTiles`. Alpha is dropped.
 */
export function tilesFromRgba(
  rgba: Uint8ClampedArray | Uint8Array,
  sheetWidth: number,
  size: number,
  tilesPerRow: number,
  count: number,
  target: Uint8Array,
  targetOffsetTiles: number,
): void {
  requirePositiveInteger('sheetWidth', sheetWidth);
  requirePositiveInteger('size', size);
  requirePositiveInteger('tilesPerRow', tilesPerRow);
  requirePositiveInteger('count', count);
  if (!Number.isInteger(targetOffsetTiles) || targetOffsetTiles < 0) {
    throw new Error(`tilesFromRgba: targetOffsetTiles must be an integer ≥ 0, got ${targetOffsetTiles}`);
  }
  const expected = spriteSheetDimensions(size, tilesPerRow, count);
  if (sheetWidth !== expected.width) {
    throw new Error(`tilesFromRgba: sheet is ${sheetWidth} px wide but ${tilesPerRow} tiles of ${size} px need exactly ${expected.width}`);
  }
  if (rgba.length % (sheetWidth * 4) !== 0) {
    throw new Error(`tilesFromRgba: ${rgba.length} bytes is not a whole number of RGBA rows ${sheetWidth} px wide`);
  }
  const sheetHeight = rgba.length / (sheetWidth * 4);
  if (sheetHeight < expected.height) {
    throw new Error(`tilesFromRgba: sheet is ${sheetHeight} px tall but ${count} tiles of ${size} px, ${tilesPerRow} per row, need ${expected.height}`);
  }
  const tileBytes = size * size * 3;
  const needed = (targetOffsetTiles + count) * tileBytes;
  if (target.length < needed) {
    throw new Error(
      `tilesFromRgba: target holds ${target.length} bytes but tiles ${targetOffsetTiles}..${targetOffsetTiles + count - 1} of ${size}x${size}x3 need ${needed}`,
    );
  }

  const sheetRowBytes = sheetWidth * 4;
  let destination = targetOffsetTiles * tileBytes;
  for (let tile = 0; tile < count; tile++) {
    const tileRow = Math.floor(tile / tilesPerRow);
    const tileColumn = tile - tileRow * tilesPerRow;
    let rowStart = tileRow * size * sheetRowBytes + tileColumn * size * 4;
    for (let y = 0; y < size; y++, rowStart += sheetRowBytes) {
      const rowEnd = rowStart + size * 4;
      for (let source = rowStart; source < rowEnd; source += 4) {
        target[destination++] = rgba[source];
        target[destination++] = rgba[source + 1];
        target[destination++] = rgba[source + 2];
      }
    }
  }
}

/**
 * The inverse of `tilesFromRgba`, used to build sheets: packs images `first … first+count−1` of
 * `tiles` (N × size × size × 3 RGB) into one RGB sheet. Unused cells of a partial last row stay black.
 */
export function rgbSheetFromTiles(tiles: Uint8Array, size: number, tilesPerRow: number, first: number, count: number): Uint8Array {
  const tileBytes = size * size * 3;
  if (!Number.isInteger(first) || first < 0 || !Number.isInteger(count) || count <= 0 || (first + count) * tileBytes > tiles.length) {
    throw new Error(`rgbSheetFromTiles: tiles ${first}..${first + count - 1} are not all inside ${tiles.length / tileBytes} images of ${size}x${size}x3`);
  }
  const { width, height } = spriteSheetDimensions(size, tilesPerRow, count);
  const sheet = new Uint8Array(width * height * 3);
  const sheetRowBytes = width * 3;
  const tileRowBytes = size * 3;
  for (let tile = 0; tile < count; tile++) {
    const tileRow = Math.floor(tile / tilesPerRow);
    const tileColumn = tile - tileRow * tilesPerRow;
    const source = (first + tile) * tileBytes;
    const destination = tileRow * size * sheetRowBytes + tileColumn * tileRowBytes;
    for (let y = 0; y < size; y++) {
      sheet.set(tiles.subarray(source + y * tileRowBytes, source + (y + 1) * tileRowBytes), destination + y * sheetRowBytes);
    }
  }
  return sheet;
}
