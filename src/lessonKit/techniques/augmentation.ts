import type { CellContext } from '../context';
import type { ImageSet } from '../../ml/imageSet';
import { augmentImages, blur, flipLeftRight, flipUpDown, gaussianNoise, randomAugmentation, rotate, shift, type Augmentation } from '../../ml/augment';
import { articleAugmentation, expandLikeArticle } from '../../ml/articleAugmentation';
import { augmentationGallery as galleryView, type GalleryRow } from '../../viz/augmentationGallery';

/** The names of the augmentation lesson (05): the article's image operations, its random mode, and a gallery of both. */
export function augmentationLibrary(context: CellContext) {
  const doc = context.document;

  /**
   * Real images of a set under each augmentation, with a slider per setting, and a last row
   * drawn by `augmentation` (the training-time mode; the article's five versions by default).
   */
  function augmentationGallery(data: ImageSet, { count = 4, indices, augmentation }: { count?: number; indices?: number[]; augmentation?: Augmentation } = {}): HTMLElement {
    const shown = indices ?? pickBothClasses(data, count);
    const apply = (op: Augmentation) => augmentImages(data, shown, op);
    const training = augmentation ?? articleAugmentation({ seed: 1 });
    const reach = Math.max(1, Math.round(data.size / 4));
    const w = context.t.augmentation;
    const rows: GalleryRow[] = [
      { id: 'original', title: w.original, render: () => shown.map((index) => data.image(index)) },
      {
        id: 'rotate', title: w.rotation, note: w.rotationNote,
        controls: [{ id: 'angle', label: w.angle, min: -180, max: 180, step: 5, value: 30, unit: '°' }],
        render: ({ angle }) => apply((x) => rotate(x, angle!)),
      },
      {
        id: 'shift', title: w.shift, note: w.shiftNote,
        controls: [
          { id: 'dx', label: w.right, min: -reach, max: reach, step: 1, value: Math.round(reach / 2), unit: ' px' },
          { id: 'dy', label: w.down, min: -reach, max: reach, step: 1, value: 0, unit: ' px' },
        ],
        render: ({ dx, dy }) => apply((x) => shift(x, dx!, dy!)),
      },
      { id: 'flip-left-right', title: w.flipLeftRight, note: w.flipLeftRightNote, render: () => apply(flipLeftRight) },
      { id: 'flip-up-down', title: w.flipUpDown, note: w.flipUpDownNote, render: () => apply(flipUpDown) },
      {
        id: 'noise', title: w.noise, note: w.noiseNote,
        controls: [{ id: 'variance', label: w.variance, min: 0, max: 1, step: 0.01, value: 0.2 }],
        render: ({ variance }) => apply((x) => gaussianNoise(x, variance!, { seed: 1 })),
      },
      {
        id: 'blur', title: w.blur, note: w.blurNote,
        controls: [{ id: 'sigma', label: w.sigma, min: 0, max: 3, step: 0.1, value: 1, unit: ' px' }],
        render: ({ sigma }) => apply((x) => blur(x, sigma!)),
      },
      {
        id: 'random', title: w.random, note: w.randomNote,
        redrawLabel: w.drawAgain, render: () => apply(training),
      },
    ];
    const names = shown.map((index) => ({ name: data.names[index]!, label: data.classes[data.labels[index]!]!, rgb: data.image(index) }));
    return galleryView(names, rows, { size: data.size, document: doc });
  }

  return {
    augment: { rotate, shift, flipLeftRight, flipUpDown, gaussianNoise, blur },
    articleAugmentation,
    randomAugmentation,
    expandLikeArticle,
    augmentationGallery,
  };
}

/** The first images of each class, alternating (emergency first), so the gallery shows both kinds of vehicle. */
function pickBothClasses(data: ImageSet, count: number): number[] {
  const byClass: number[][] = [[], []];
  for (let i = 0; i < data.count; i++) if (byClass[data.labels[i]!]!.length < count) byClass[data.labels[i]!]!.push(i);
  return Array.from({ length: count }, (_, i) => [byClass[1]![i], byClass[0]![i]]).flat().filter((index) => index !== undefined).slice(0, count);
}
