/**
 * Images in memory as packed uint8 RGB (count × size × size × 3, row-major HWC) with
 * their 0/1 labels. Kept as bytes, not floats: 224×224 floats for the whole set would
 * need 1.4 GB, so batches are converted to tensors only when they are used.
 */
export class ImageSet {
  readonly featureCount: number;
  readonly pixelsPerImage: number;

  constructor(
    readonly size: number,
    readonly pixels: Uint8Array,
    readonly labels: Uint8Array,
    readonly names: readonly string[],
    readonly classes: readonly [string, string] = ['non-emergency', 'emergency'],
    /** Position of each image in the dataset it was taken from (for reports and thumbnails). */
    readonly sourceIndices: readonly number[] = names.map((_, index) => index),
  ) {
    this.pixelsPerImage = size * size * 3;
    this.featureCount = this.pixelsPerImage;
    if (pixels.length !== labels.length * this.pixelsPerImage) {
      throw new Error(`image set: ${pixels.length} bytes of pixels do not hold ${labels.length} images of ${size}×${size}×3`);
    }
    if (names.length !== labels.length) throw new Error(`image set: ${names.length} names for ${labels.length} labels`);
  }

  get count(): number {
    return this.labels.length;
  }

  /** Number of images per class: [non-emergency, emergency]. */
  classCounts(): [number, number] {
    let positives = 0;
    for (const label of this.labels) positives += label;
    return [this.count - positives, positives];
  }

  /** The RGB bytes of one image (a view, not a copy). */
  image(index: number): Uint8Array {
    if (!Number.isInteger(index) || index < 0 || index >= this.count) {
      throw new RangeError(`image index ${index} is out of range (0 to ${this.count - 1})`);
    }
    return this.pixels.subarray(index * this.pixelsPerImage, (index + 1) * this.pixelsPerImage);
  }

  /** A new set holding the given images, in the given order. */
  subset(indices: ArrayLike<number>): ImageSet {
    const pixels = new Uint8Array(indices.length * this.pixelsPerImage);
    const labels = new Uint8Array(indices.length);
    const names: string[] = [];
    const sources: number[] = [];
    for (let i = 0; i < indices.length; i++) {
      const index = indices[i]!;
      pixels.set(this.image(index), i * this.pixelsPerImage);
      labels[i] = this.labels[index]!;
      names.push(this.names[index]!);
      sources.push(this.sourceIndices[index]!);
    }
    return new ImageSet(this.size, pixels, labels, names, this.classes, sources);
  }

  toString(): string {
    const [negatives, positives] = this.classCounts();
    return `ImageSet(${this.count} images, ${this.size}×${this.size}×3: ${positives} ${this.classes[1]}, ${negatives} ${this.classes[0]})`;
  }
}
