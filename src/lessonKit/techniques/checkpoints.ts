import type * as tf from '@tensorflow/tfjs';
import type { CellContext } from '../context';
import type { History } from '../../ml/train';
import { CheckpointStore, indexedDbModelStore, ModelCheckpoint, type ModelCheckpointOptions } from '../../ml/checkpoints';
import { checkpointFigure, checkpointList } from '../../viz/checkpointList';
import { formatPercent } from '../../lib/numbers';

/** The names of the checkpointing lesson (06): Keras's ModelCheckpoint, saved in this browser, and what to do with the saves. */
export function checkpointLibrary(context: CellContext) {
  const doc = context.document;
  const t = context.t.checkpoints;
  const checkpoints = new CheckpointStore(indexedDbModelStore(), context.storage);

  function notice(text: string): void {
    const line = doc.createElement('p');
    line.className = 'notice';
    line.textContent = text;
    context.display(line);
  }

  /** Keras's ModelCheckpoint, saving to this browser's IndexedDB; pass it to fit's callbacks. */
  function modelCheckpoint(options: ModelCheckpointOptions = {}): ModelCheckpoint {
    // A failed save is said in the training output by fit (TrainOptions.report); training goes on.
    return new ModelCheckpoint(checkpoints, { lesson: context.lessonId, ...options });
  }

  /** The checkpoints saved in this browser, with buttons to download or delete them (and restore into `model`, if given). */
  async function listCheckpoints({ model }: { model?: tf.LayersModel } = {}): Promise<HTMLElement> {
    const actions = [
      ...(model ? [{ label: t.restore, run: async (name: string) => restored(await checkpoints.restore(model, name)) }] : []),
      { label: t.download, run: async (name: string) => { await download(name); return t.downloading(name); } },
      {
        label: t.delete, run: async (name: string) => {
          await checkpoints.remove(name);
          doc.querySelector(`[data-checkpoint="${CSS.escape(name)}"]`)?.remove();
        },
      },
    ];
    return checkpointList(await checkpoints.list(), { words: t, actions, document: doc });
  }

  function restored(info: { name: string; epoch: number; monitor: string; value: number }): string {
    const value = info.monitor.endsWith('acc') ? formatPercent(info.value) : info.value.toFixed(4);
    return t.restored(info.name, info.epoch, info.monitor, value);
  }

  /** Puts a checkpoint's weights into `model` (Keras's model.load_weights); returns what it restored. */
  async function restoreCheckpoint(model: tf.LayersModel, name: string) {
    const info = await checkpoints.restore(model, name);
    notice(restored(info));
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
    return t.downloading(name);
  }

  async function deleteCheckpoint(name: string): Promise<string> {
    await checkpoints.info(name);
    await checkpoints.remove(name);
    return t.deleted(name);
  }

  /** The monitored figure per epoch with the checkpoint's saves, its epoch and the last epoch marked. */
  function plotCheckpoints(history: History, checkpoint: ModelCheckpoint): HTMLElement {
    return checkpointFigure(history.epochs, { words: t, curves: context.t.curves, monitor: checkpoint.monitor, saves: checkpoint.saves, document: doc });
  }

  return { modelCheckpoint, listCheckpoints, restoreCheckpoint, loadCheckpoint, downloadCheckpoint, deleteCheckpoint, plotCheckpoints };
}
