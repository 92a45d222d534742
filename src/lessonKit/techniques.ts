import type * as tf from '@tensorflow/tfjs';
import type { CellContext } from './context';
import type { ImageSet } from '../ml/imageSet';
import type { History } from '../ml/train';
import {
  articleAugmentation, augmentImages, blur, expandLikeArticle, flipLeftRight, flipUpDown, gaussianNoise,
  randomAugmentation, rotate, shift, type Augmentation,
} from '../ml/augment';
import { CheckpointStore, indexedDbModelStore, ModelCheckpoint, type ModelCheckpointOptions } from '../ml/checkpoints';
import { clearRuns as clearRunLog, readRuns } from '../ml/runLog';
import { augmentationGallery as galleryView, type GalleryRow } from '../viz/augmentationGallery';
import { checkpointFigure, checkpointList } from '../viz/checkpointList';
import { runComparison } from '../viz/runComparison';
import { formatPercent } from '../lib/numbers';

/**
 * The names the technique lessons add: image augmentation (05), model checkpointing (06)
 * and the comparison of runs (07).
 */
export function techniquesLibrary(context: CellContext) {
  const doc = context.document;
  const checkpoints = new CheckpointStore(indexedDbModelStore(), context.storage);

  function notice(text: string): void {
    const line = doc.createElement('p');
    line.className = 'notice';
    line.textContent = text;
    context.display(line);
  }

  /**
   * Real images of a set under each augmentation, with a slider per setting, and a last row
   * drawn by `augmentation` (the training-time mode; the article's five versions by default).
   */
  function augmentationGallery(data: ImageSet, { count = 4, indices, augmentation }: { count?: number; indices?: number[]; augmentation?: Augmentation } = {}): HTMLElement {
    const shown = indices ?? pickBothClasses(data, count);
    const apply = (op: Augmentation) => augmentImages(data, shown, op);
    const training = augmentation ?? articleAugmentation({ seed: 1 });
    const reach = Math.max(1, Math.round(data.size / 4));
    const rows: GalleryRow[] = [
      { id: 'original', title: 'Original', render: () => shown.map((index) => data.image(index)) },
      {
        id: 'rotate', title: 'Rotation', note: 'A vehicle photographed on a slope or with a tilted camera is still the same vehicle.',
        controls: [{ id: 'angle', label: 'Angle', min: -180, max: 180, step: 5, value: 30, unit: '°' }],
        render: ({ angle }) => apply((x) => rotate(x, angle!)),
      },
      {
        id: 'shift', title: 'Shift', note: 'The vehicle may stand anywhere in the picture.',
        controls: [
          { id: 'dx', label: 'Right', min: -reach, max: reach, step: 1, value: Math.round(reach / 2), unit: ' px' },
          { id: 'dy', label: 'Down', min: -reach, max: reach, step: 1, value: 0, unit: ' px' },
        ],
        render: ({ dx, dy }) => apply((x) => shift(x, dx!, dy!)),
      },
      { id: 'flip-left-right', title: 'Flip left-right', note: 'An ambulance facing left is as much an ambulance as one facing right.', render: () => apply(flipLeftRight) },
      { id: 'flip-up-down', title: 'Flip up-down', note: 'Upside-down vehicles never occur, yet the article uses this one too.', render: () => apply(flipUpDown) },
      {
        id: 'noise', title: 'Gaussian noise', note: 'Grainy photos from a cheap or dark camera.',
        controls: [{ id: 'variance', label: 'Variance', min: 0, max: 1, step: 0.01, value: 0.2 }],
        render: ({ variance }) => apply((x) => gaussianNoise(x, variance!, { seed: 1 })),
      },
      {
        id: 'blur', title: 'Blur', note: 'Out-of-focus or moving vehicles.',
        controls: [{ id: 'sigma', label: 'Sigma', min: 0, max: 3, step: 0.1, value: 1, unit: ' px' }],
        render: ({ sigma }) => apply((x) => blur(x, sigma!)),
      },
      {
        id: 'random', title: 'Random, as in training', note: 'What the network gets: new random choices for every image of every batch.',
        redrawLabel: 'Draw again', render: () => apply(training),
      },
    ];
    const names = shown.map((index) => ({ name: data.names[index]!, label: data.classes[data.labels[index]!]!, rgb: data.image(index) }));
    return galleryView(names, rows, { size: data.size, document: doc });
  }

  /** Keras's ModelCheckpoint, saving to this browser's IndexedDB; pass it to fit's callbacks. */
  function modelCheckpoint(options: ModelCheckpointOptions = {}): ModelCheckpoint {
    // A failed save is said in the training output by fit (TrainOptions.report); training goes on.
    return new ModelCheckpoint(checkpoints, { lesson: context.lessonId, ...options });
  }

  /** The checkpoints saved in this browser, with buttons to download or delete them (and restore into `model`, if given). */
  async function listCheckpoints({ model }: { model?: tf.LayersModel } = {}): Promise<HTMLElement> {
    const actions = [
      ...(model ? [{ label: 'Restore', run: async (name: string) => describe(await checkpoints.restore(model, name), 'Restored') }] : []),
      { label: 'Download', run: async (name: string) => { await download(name); return `Downloading ${name}.json and ${name}.weights.bin`; } },
      {
        label: 'Delete', run: async (name: string) => {
          await checkpoints.remove(name);
          doc.querySelector(`[data-checkpoint="${CSS.escape(name)}"]`)?.remove();
        },
      },
    ];
    return checkpointList(await checkpoints.list(), { actions, document: doc });
  }

  function describe(info: { name: string; epoch: number; monitor: string; value: number }, verb: string): string {
    const value = info.monitor.endsWith('acc') ? formatPercent(info.value) : info.value.toFixed(4);
    return `${verb} "${info.name}": the weights of epoch ${info.epoch} (${info.monitor} ${value}).`;
  }

  /** Puts a checkpoint's weights into `model` (Keras's model.load_weights); returns what it restored. */
  async function restoreCheckpoint(model: tf.LayersModel, name: string) {
    const info = await checkpoints.restore(model, name);
    notice(describe(info, 'Restored'));
    return info;
  }

  /** A checkpoint as a new model (Keras's load_model); compile it before training it further. */
  async function loadCheckpoint(name: string): Promise<tf.LayersModel> {
    return checkpoints.load(name);
  }

  async function download(name: string): Promise<void> {
    const model = await checkpoints.load(name);
    try {
      await model.save(`downloads://${name}`);
    } finally {
      model.dispose();
    }
  }

  /** Downloads a checkpoint as files: `name.json` (the architecture) and `name.weights.bin`. */
  async function downloadCheckpoint(name: string): Promise<string> {
    await download(name);
    return `Downloading ${name}.json and ${name}.weights.bin`;
  }

  async function deleteCheckpoint(name: string): Promise<string> {
    await checkpoints.info(name);
    await checkpoints.remove(name);
    return `Deleted checkpoint "${name}"`;
  }

  /** The monitored figure per epoch with the checkpoint's saves, its epoch and the last epoch marked. */
  function plotCheckpoints(history: History, checkpoint: ModelCheckpoint): HTMLElement {
    return checkpointFigure(history.epochs, { monitor: checkpoint.monitor, saves: checkpoint.saves, document: doc });
  }

  /** Every training run recorded in this browser (the last `last`), overlaid and tabulated. */
  function compareRuns({ last = 10, lessons }: { last?: number; lessons?: string[] } = {}): HTMLElement {
    const runs = readRuns(context.storage).filter((run) => !lessons || lessons.includes(run.lesson)).slice(-last);
    return runComparison(runs, { document: doc });
  }

  function clearRuns(): string {
    clearRunLog(context.storage);
    return 'The record of training runs in this browser is now empty.';
  }

  return {
    augment: { rotate, shift, flipLeftRight, flipUpDown, gaussianNoise, blur },
    articleAugmentation,
    randomAugmentation,
    expandLikeArticle,
    augmentationGallery,
    modelCheckpoint,
    listCheckpoints,
    restoreCheckpoint,
    loadCheckpoint,
    downloadCheckpoint,
    deleteCheckpoint,
    plotCheckpoints,
    compareRuns,
    clearRuns,
  };
}

/** The first images of each class, alternating (emergency first), so the gallery shows both kinds of vehicle. */
function pickBothClasses(data: ImageSet, count: number): number[] {
  const byClass: number[][] = [[], []];
  for (let i = 0; i < data.count; i++) if (byClass[data.labels[i]!]!.length < count) byClass[data.labels[i]!]!.push(i);
  return Array.from({ length: count }, (_, i) => [byClass[1]![i], byClass[0]![i]]).flat().filter((index) => index !== undefined).slice(0, count);
}
