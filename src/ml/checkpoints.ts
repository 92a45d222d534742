import * as tf from '@tensorflow/tfjs';
import type { EpochLogs, TrainCallbacks } from './train';
import { monitorDirection, parseMonitor, type Monitor, type MonitorName } from './monitor';
import { CheckpointStore, CheckpointNotSaved, checkName } from './checkpointStore';
// The stores live in checkpointStore.ts; lessons import them from here.
export { indexedDbModelStore, memoryModelStore, CheckpointStore, CheckpointNotSaved } from './checkpointStore';
export type { ModelStore, TextStore, CheckpointInfo } from './checkpointStore';
export type { Monitor } from './monitor';

export interface ModelCheckpointOptions {
  /** Name to save under; `{epoch}` is replaced by the epoch number (Keras's filepath). */
  name?: string;
  monitor?: MonitorName;
  /** 'max' for accuracies, 'min' for losses; 'auto' picks from the monitor's name. */
  mode?: 'auto' | 'min' | 'max';
  /** Save only when the monitored figure beats every earlier epoch (otherwise every epoch). */
  saveBestOnly?: boolean;
  /** The lesson the checkpoint is listed under. */
  lesson?: string;
  /** Told when a save fails; training goes on (and the training's `report` prints it, see TrainOptions). */
  onSaveFailed?: (failure: CheckpointFailure) => void;
}

/** A save the callback tried and the browser did not keep. */
export interface CheckpointFailure {
  epoch: number;
  name: string;
  reason: string;
}

/** One save the callback made. */
export interface CheckpointSave {
  epoch: number;
  value: number;
  name: string;
}

/**
 * Keras's ModelCheckpoint for `train()`: after every epoch it saves the model, or with
 * `saveBestOnly` only when the monitored figure is strictly better than at every earlier
 * epoch, so the store ends up holding the best epoch's weights.
 */
export class ModelCheckpoint implements TrainCallbacks {
  readonly name: string;
  readonly monitor: Monitor;
  readonly mode: 'min' | 'max';
  readonly saveBestOnly: boolean;
  readonly lesson: string;
  bestEpoch?: number;
  bestValue?: number;
  saves: CheckpointSave[] = [];
  /** Saves that did not happen: never counted in `saves`. */
  failures: CheckpointFailure[] = [];
  /** The save whose weights the store holds under its name now (a failed save over the same name removes them). */
  holding?: CheckpointSave;
  private model?: tf.LayersModel;
  private readonly onSaveFailed?: (failure: CheckpointFailure) => void;
  private report?: (text: string) => void;

  constructor(private readonly store: CheckpointStore, options: ModelCheckpointOptions = {}) {
    const monitor = parseMonitor(options.monitor);
    const mode = options.mode ?? 'auto';
    if (!['auto', 'min', 'max'].includes(mode)) throw new Error(`invalid mode: ${JSON.stringify(mode)} (expected 'auto', 'min' or 'max')`);
    this.monitor = monitor;
    this.mode = mode === 'auto' ? monitorDirection(monitor) : mode;
    this.name = options.name ?? 'checkpoint';
    checkName(this.name.replace('{epoch}', '1'));
    this.saveBestOnly = options.saveBestOnly ?? false;
    this.lesson = options.lesson ?? '';
    this.onSaveFailed = options.onSaveFailed;
  }

  onTrainBegin(info: { model: tf.LayersModel; report?: (text: string) => void }): void {
    this.model = info.model;
    this.report = info.report;
    this.bestEpoch = this.bestValue = undefined;
    this.saves = [];
    this.failures = [];
    this.holding = undefined;
  }

  async onEpochEnd(logs: EpochLogs): Promise<void> {
    const value = logs[this.monitor];
    if (value === undefined) {
      throw new Error(`the checkpoint monitors ${this.monitor}, but the epoch logs have only ${Object.keys(logs).filter((k) => k !== 'epoch').join(', ')}` +
        (this.monitor.startsWith('val_') ? ': pass a validation set to fit' : ''));
    }
    if (!this.model) throw new Error('the checkpoint has no model: use it as a callback of fit');
    const improved = this.bestValue === undefined || (this.mode === 'max' ? value > this.bestValue : value < this.bestValue);
    if (this.saveBestOnly && !improved) return;
    const name = this.name.replace('{epoch}', String(logs.epoch).padStart(2, '0'));
    try {
      await this.store.save(this.model, { name, lesson: this.lesson, epoch: logs.epoch, monitor: this.monitor, value });
    } catch (error) {
      if (!(error instanceof CheckpointNotSaved)) throw error;
      // Training goes on. The best is the best epoch still stored, so a later epoch that beats it is saved again
      // (any epoch, if the failed save took the earlier one of the same name with it).
      if (this.holding?.name === name && !error.earlierKept) {
        this.holding = undefined;
        if (this.saveBestOnly) this.bestValue = this.bestEpoch = undefined;
      }
      const failure = { epoch: logs.epoch, name, reason: error.reason };
      this.failures.push(failure);
      this.onSaveFailed?.(failure);
      this.report?.(this.describeFailure(failure));
      return;
    }
    if (improved) {
      this.bestValue = value;
      this.bestEpoch = logs.epoch;
    }
    this.holding = { epoch: logs.epoch, value, name };
    this.saves.push(this.holding);
  }

  /** A failed save in words, for the training output: what happened, that training goes on, what is stored. */
  describeFailure({ epoch, name, reason }: CheckpointFailure): string {
    const kept = this.holding;
    const lost = this.saves.some((save) => save.name === name) && kept?.name !== name;
    return `Epoch ${epoch}: checkpoint "${name}" was not saved: ${reason}. Training goes on; ` +
      (kept ? `the checkpoint stored is epoch ${kept.epoch} ("${kept.name}").` : lost ? `the earlier "${name}" was lost with it, so no checkpoint of this training is stored now.` : 'no checkpoint of this training is stored yet.') +
      " Free space by deleting checkpoints you no longer need (listCheckpoints()), or clear this site's data in the browser's settings.";
  }

  /** What the callback did, in words. */
  toString(): string {
    const failed = this.failures.length === 0 ? '' :
      `; ${this.failures.length} save${this.failures.length === 1 ? '' : 's'} failed (epoch${this.failures.length === 1 ? '' : 's'} ${this.failures.map((f) => f.epoch).join(', ')}: ${this.failures.at(-1)!.reason})`;
    if (this.saves.length === 0) return `ModelCheckpoint(${this.monitor}, ${this.mode}): nothing saved${this.failures.length ? '' : ' yet'}${failed}`;
    const held = this.holding;
    return `ModelCheckpoint(${this.monitor}, ${this.mode}${this.saveBestOnly ? ', save best only' : ''}): saved ${this.saves.length} time${this.saves.length === 1 ? '' : 's'}; ` +
      (held ? `"${held.name}" holds epoch ${held.epoch} (${this.monitor} ${held.value.toFixed(4)})` : `nothing is stored now: a failed save replaced "${this.saves.at(-1)!.name}"`) + failed;
  }
}
