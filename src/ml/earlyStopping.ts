import * as tf from '@tensorflow/tfjs';
import type { EpochLogs, History, TrainCallbacks } from './train';
import { monitorDirection, parseMonitor, type Monitor, type MonitorName } from './monitor';

export type { Monitor } from './monitor';

export interface EarlyStoppingOptions {
  monitor?: MonitorName;
  /** Smallest change of the monitored figure that counts as an improvement (its absolute value is used). */
  minDelta?: number;
  /** Epochs without improvement after which training stops. */
  patience?: number;
  /** 'min' for losses, 'max' for accuracies; 'auto' picks from the monitor's name. */
  mode?: 'auto' | 'min' | 'max';
  /** Training also stops if the monitored figure does not beat this value within `patience` epochs. */
  baseline?: number;
  /** Puts back the weights of the best epoch when training ends (Keras's restore_best_weights). */
  restoreBestWeights?: boolean;
}

/** One epoch as early stopping saw it. */
export interface StoppingStep {
  epoch: number;
  value: number;
  improved: boolean;
  /** Epochs since the last improvement, after this epoch. */
  wait: number;
}

/** What early stopping decided, as plain data for figures and captions. */
export interface EarlyStoppingSummary {
  monitor: Monitor;
  mode: 'min' | 'max';
  minDelta: number;
  patience: number;
  baseline?: number;
  bestEpoch?: number;
  bestValue?: number;
  /** The epoch after which training was stopped; undefined if it ran to the end. */
  stoppedEpoch?: number;
  /** The epoch whose weights the model holds after training, when they were restored. */
  restoredEpoch?: number;
  /** Why training stopped, or why it did not, in words. */
  reason: string;
  steps: StoppingStep[];
}

/**
 * Keras's EarlyStopping callback (Keras 3 semantics) for `train()`: after each epoch the
 * monitored figure must beat the best so far by more than `minDelta`, otherwise a counter
 * grows; when it reaches `patience`, training stops. TF.js's own `tf.callbacks.earlyStopping`
 * has no `restoreBestWeights`; this one keeps a copy of the best epoch's weights.
 */
export class EarlyStopping implements TrainCallbacks {
  readonly monitor: Monitor;
  readonly mode: 'min' | 'max';
  readonly minDelta: number;
  readonly patience: number;
  readonly baseline?: number;
  readonly restoreBestWeights: boolean;

  private model?: tf.LayersModel;
  private wait = 0;
  private best = Number.NaN;
  private bestWeights?: tf.Tensor[];
  bestEpoch?: number;
  stoppedEpoch?: number;
  restoredEpoch?: number;
  steps: StoppingStep[] = [];
  private lastEpoch = 0;

  constructor(options: EarlyStoppingOptions = {}, model?: tf.LayersModel) {
    const monitor = parseMonitor(options.monitor);
    const patience = options.patience ?? 0;
    if (!Number.isInteger(patience) || patience < 0) throw new Error(`invalid patience: ${patience} (expected a whole number ≥ 0)`);
    const minDelta = options.minDelta ?? 0;
    if (!Number.isFinite(minDelta)) throw new Error(`invalid minDelta: ${minDelta} (expected a number)`);
    const mode = options.mode ?? 'auto';
    if (!['auto', 'min', 'max'].includes(mode)) throw new Error(`invalid mode: ${JSON.stringify(mode)} (expected 'auto', 'min' or 'max')`);
    this.monitor = monitor;
    this.mode = mode === 'auto' ? monitorDirection(monitor) : mode;
    this.minDelta = Math.abs(minDelta);
    this.patience = patience;
    this.baseline = options.baseline;
    this.restoreBestWeights = options.restoreBestWeights ?? false;
    this.model = model;
  }

  /** True if `value` beats `reference` by more than minDelta in the monitored direction. */
  isImprovement(value: number, reference: number): boolean {
    if (Number.isNaN(reference)) return true;
    return this.mode === 'min' ? value - -this.minDelta < reference : value - this.minDelta > reference;
  }

  onTrainBegin(info: { model?: tf.LayersModel }): void {
    if (info.model) this.model = info.model;
    if (this.restoreBestWeights && !this.model) throw new Error('early stopping with restoreBestWeights needs the model: pass it to train()');
    this.wait = 0;
    this.best = Number.NaN;
    this.bestEpoch = this.stoppedEpoch = this.restoredEpoch = undefined;
    this.steps = [];
    this.disposeBestWeights();
  }

  onEpochEnd(logs: EpochLogs): 'stop' | undefined {
    const value = logs[this.monitor];
    if (value === undefined) {
      throw new Error(`early stopping monitors ${this.monitor}, but the epoch logs have only ${Object.keys(logs).filter((k) => k !== 'epoch').join(', ')}` +
        (this.monitor.startsWith('val_') ? ': pass a validation set to fit' : ''));
    }
    this.lastEpoch = logs.epoch;
    // Keras: before any improvement, the first epoch's weights are the ones to restore.
    if (this.restoreBestWeights && !this.bestWeights) this.bestWeights = this.copyWeights();
    this.wait++;
    if (this.isImprovement(value, this.best)) {
      this.best = value;
      this.bestEpoch = logs.epoch;
      if (this.restoreBestWeights) {
        this.disposeBestWeights();
        this.bestWeights = this.copyWeights();
      }
      // The counter restarts only when the value also beats the baseline.
      if (this.baseline === undefined || this.isImprovement(value, this.baseline)) this.wait = 0;
      this.steps.push({ epoch: logs.epoch, value, improved: true, wait: this.wait });
      return undefined;
    }
    this.steps.push({ epoch: logs.epoch, value, improved: false, wait: this.wait });
    if (this.wait >= this.patience && this.steps.length > 1) {
      this.stoppedEpoch = logs.epoch;
      return 'stop';
    }
    return undefined;
  }

  onTrainEnd(_history?: History): void {
    if (this.restoreBestWeights && this.bestWeights && this.model) {
      this.model.setWeights(this.bestWeights);
      this.restoredEpoch = this.bestEpoch ?? this.steps[0]?.epoch;
    }
    this.disposeBestWeights();
  }

  /** The decision as plain data. */
  summary(): EarlyStoppingSummary {
    return {
      monitor: this.monitor,
      mode: this.mode,
      minDelta: this.minDelta,
      patience: this.patience,
      ...(this.baseline === undefined ? {} : { baseline: this.baseline }),
      ...(this.bestEpoch === undefined ? {} : { bestEpoch: this.bestEpoch, bestValue: this.best }),
      ...(this.stoppedEpoch === undefined ? {} : { stoppedEpoch: this.stoppedEpoch }),
      ...(this.restoredEpoch === undefined ? {} : { restoredEpoch: this.restoredEpoch }),
      reason: this.reason(),
      steps: this.steps.map((step) => ({ ...step })),
    };
  }

  /** Why training stopped (or did not), e.g. "no improvement in val_loss ≥ 0.01 for 5 epochs". */
  reason(): string {
    const change = `${this.mode === 'min' ? 'decrease' : 'increase'}`;
    const rule = this.minDelta > 0 ? `no ${change} of ${this.monitor} by more than ${this.minDelta}` : `no ${change} of ${this.monitor}`;
    if (this.stoppedEpoch !== undefined) {
      const baselineNote = this.baseline !== undefined && (this.bestEpoch === undefined || !this.isImprovement(this.best, this.baseline)) ? ` (never beat the baseline ${this.baseline})` : '';
      return `stopped after epoch ${this.stoppedEpoch}: ${rule} for ${this.wait} epoch${this.wait === 1 ? '' : 's'}${baselineNote}`;
    }
    if (this.steps.length === 0) return 'no epoch has finished';
    return `did not stop: ran all ${this.lastEpoch} epochs; ${this.wait} of ${this.patience} epochs of patience used`;
  }

  private copyWeights(): tf.Tensor[] {
    return this.model!.getWeights().map((weight) => tf.clone(weight));
  }

  private disposeBestWeights(): void {
    if (this.bestWeights) tf.dispose(this.bestWeights);
    this.bestWeights = undefined;
  }
}
