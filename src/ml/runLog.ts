import type { EpochLogs, History } from './train';
import type { TextStore } from './checkpoints';

/** One training run as the comparison keeps it: plain data, small enough to keep dozens. */
export interface RunRecord {
  id: string;
  /** The lesson it ran in, e.g. '05-augmentation'. */
  lesson: string;
  /** Short name for figures and tables: what the run was ("MLP + dropout 0.5", "MLP, no dropout"), numbered if repeated. */
  label: string;
  settings: RunSettings;
  epochs: EpochLogs[];
  stopReason: History['stopReason'];
  elapsedMs: number;
  /** Milliseconds since 1970, when training ended. */
  finishedAt: number;
}

export interface RunSettings {
  epochsAsked: number;
  batchSize: number;
  trainingImages: number;
  validationImages: number;
  resolution: number;
  /** The layers, e.g. "dense 100 sigmoid → batchNormalization → dropout 0.5 → dense 1 sigmoid". */
  layers: string;
  augmented: boolean;
  /** Names of the extra callbacks (early stopping, checkpoints). */
  callbacks: string[];
}

export const RUN_LOG_KEY = 'course-runs';
const RUN_LOG_VERSION = 1;

export interface RunLogLimits {
  /** Oldest runs are dropped beyond this many. */
  maxRuns?: number;
  /** …and while the stored text is longer than this many characters. */
  maxChars?: number;
}

const DEFAULT_LIMITS = { maxRuns: 40, maxChars: 400_000 };

interface StoredLog {
  version: number;
  runs: RunRecord[];
}

/** The recorded runs, oldest first. A log of another version, or a damaged one, reads as empty. */
export function readRuns(store: TextStore): RunRecord[] {
  try {
    const stored = JSON.parse(store.getItem(RUN_LOG_KEY) ?? 'null') as Partial<StoredLog> | null;
    return stored?.version === RUN_LOG_VERSION && Array.isArray(stored.runs) ? stored.runs : [];
  } catch {
    return [];
  }
}

// The technique each lesson is about, by the words runName uses for it.
const LESSON_TECHNIQUES: Record<string, string> = { 'early-stopping': 'early stopping', dropout: 'dropout', 'batch-normalization': 'batch norm', augmentation: 'augmentation', checkpointing: 'checkpoint' };

/**
 * What a run was, in the words of its layers and techniques: "MLP + batch norm + dropout 0.5 +
 * augmentation". A run that leaves out the technique of its own lesson says so ("MLP, no dropout"),
 * so the run a lesson compares against is never named after the technique it lacks.
 */
export function runName(settings: Pick<RunSettings, 'layers' | 'augmented' | 'callbacks'>, lesson: string): string {
  const parts: string[] = [];
  if (settings.layers.includes('batchNormalization')) parts.push('batch norm');
  const dropout = settings.layers.match(/dropout [\d.]+/);
  if (dropout) parts.push(dropout[0]);
  if (settings.augmented) parts.push('augmentation');
  for (const callback of settings.callbacks) parts.push(callback === 'model checkpoint' ? 'checkpoint' : callback);
  const name = ['MLP', ...parts].join(' + ');
  const technique = LESSON_TECHNIQUES[lesson.replace(/^\d+-/, '')];
  return technique && !parts.some((part) => part.startsWith(technique)) ? `${name}, no ${technique}` : name;
}

/**
 * Adds a run to the log (figures rounded to 4 decimals) and keeps the log within its limits,
 * dropping the oldest runs first. Returns the run as recorded.
 */
export function recordRun(store: TextStore, run: Omit<RunRecord, 'id' | 'label'> & { label?: string }, limits: RunLogLimits = {}): RunRecord {
  const { maxRuns, maxChars } = { ...DEFAULT_LIMITS, ...limits };
  const runs = readRuns(store);
  const base = run.label ?? runName(run.settings, run.lesson);
  const sameBase = runs.filter((other) => other.label === base || other.label.startsWith(`${base} #`)).length;
  const record: RunRecord = {
    ...run,
    id: `${run.finishedAt.toString(36)}-${runs.length}`,
    label: sameBase === 0 ? base : `${base} #${sameBase + 1}`,
    epochs: run.epochs.map(roundLogs),
    elapsedMs: Math.round(run.elapsedMs),
  };
  let kept = [...runs, record].slice(-maxRuns);
  let text = serialize(kept);
  while (text.length > maxChars && kept.length > 1) {
    kept = kept.slice(1);
    text = serialize(kept);
  }
  // A full storage quota is handled like the size limit: the oldest runs go first.
  for (;;) {
    try {
      store.setItem(RUN_LOG_KEY, text);
      break;
    } catch (error) {
      if (kept.length <= 1) throw error;
      kept = kept.slice(1);
      text = serialize(kept);
    }
  }
  return record;
}

/**
 * Removes the oldest recorded run, to make room in a full storage for something the reader
 * cannot redo (their edits). False when there is no run left to remove.
 */
export function dropOldestRun(store: TextStore & { removeItem(key: string): void }): boolean {
  const runs = readRuns(store);
  if (runs.length === 0) {
    // A damaged or foreign log frees its room too.
    if (store.getItem(RUN_LOG_KEY) === null) return false;
    store.removeItem(RUN_LOG_KEY);
    return true;
  }
  if (runs.length === 1) store.removeItem(RUN_LOG_KEY);
  else store.setItem(RUN_LOG_KEY, serialize(runs.slice(1)));
  return true;
}

export function clearRuns(store: TextStore): void {
  store.setItem(RUN_LOG_KEY, serialize([]));
}

function serialize(runs: RunRecord[]): string {
  return JSON.stringify({ version: RUN_LOG_VERSION, runs } satisfies StoredLog);
}

function roundLogs(logs: EpochLogs): EpochLogs {
  const round = (value: number) => Math.round(value * 1e4) / 1e4;
  const rounded: EpochLogs = { epoch: logs.epoch, loss: round(logs.loss), acc: round(logs.acc) };
  if (logs.val_loss !== undefined) rounded.val_loss = round(logs.val_loss);
  if (logs.val_acc !== undefined) rounded.val_acc = round(logs.val_acc);
  return rounded;
}

/** The figures a comparison table shows for a run. */
export function runSummary(run: RunRecord) {
  const last = run.epochs.at(-1);
  const withValidation = run.epochs.filter((logs) => logs.val_acc !== undefined);
  const best = withValidation.reduce<EpochLogs | undefined>((top, logs) => (top === undefined || logs.val_acc! > top.val_acc! ? logs : top), undefined);
  return {
    epochsRun: run.epochs.length,
    finalTrainAcc: last?.acc,
    finalValAcc: last?.val_acc,
    finalValLoss: last?.val_loss,
    bestValAcc: best?.val_acc,
    bestEpoch: best?.epoch,
  };
}

/** The layers of a model in a few words, e.g. "dense 100 sigmoid → dropout 0.5 → dense 1 sigmoid". */
export function describeLayers(model: { layers: readonly { getClassName(): string; getConfig(): Record<string, unknown> }[] }): string {
  return model.layers.map((layer) => {
    const config = layer.getConfig();
    const name = layer.getClassName();
    const kind = name.charAt(0).toLowerCase() + name.slice(1);
    if (name === 'Dense') return `dense ${config.units} ${config.activation}`;
    if (name === 'Dropout') return `dropout ${config.rate}`;
    return kind;
  }).join(' → ');
}

/** The run record of a finished `fit`, from what the library knows about it. */
export function runFromTraining(run: {
  lesson: string;
  model: { layers: readonly { getClassName(): string; getConfig(): Record<string, unknown> }[] };
  train: { count: number; size: number };
  validation?: { count: number };
  epochsAsked: number;
  batchSize: number;
  augmented: boolean;
  callbacks: readonly object[];
  history: History;
}): Omit<RunRecord, 'id' | 'label'> {
  return {
    lesson: run.lesson,
    settings: {
      epochsAsked: run.epochsAsked,
      batchSize: run.batchSize,
      trainingImages: run.train.count,
      validationImages: run.validation?.count ?? 0,
      resolution: run.train.size,
      layers: describeLayers(run.model),
      augmented: run.augmented,
      // Recognised by their options: class names do not survive minification.
      callbacks: run.callbacks.flatMap((callback) => ('patience' in callback ? [`early stopping (patience ${(callback as { patience: number }).patience})`] : 'saveBestOnly' in callback ? ['model checkpoint'] : [])),
    },
    epochs: run.history.epochs,
    stopReason: run.history.stopReason,
    elapsedMs: run.history.elapsedMs,
    finishedAt: Date.now(),
  };
}
