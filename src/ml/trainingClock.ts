/**
 * Times a training run to give an honest ETA and throughput. The first batch is left out
 * (it compiles kernels, packs weights and grows memory: often several times a normal one), and
 * the time an epoch spends outside its batches — the validation pass, callbacks, redrawing
 * the curves — is measured once an epoch has ended and added for every epoch still to come.
 */
export class TrainingClock {
  private warmUpEnd?: number;
  private batchesAfterWarmUp = 0;
  private batchMs = 0;
  private lastBatchEnd?: number;
  private epochExtraMs?: number;
  private samplesAfterWarmUp = 0;
  /** Batches run in total, and the epoch of the latest one. */
  private done = 0;
  private epochOfLastBatch = 0;

  constructor(
    private readonly totalEpochs: number,
    private readonly batchesPerEpoch: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** After every batch: which one (1-based, per epoch) and how many images it had. */
  batchEnded(epoch: number, batch: number, samples: number): void {
    const time = this.now();
    if (this.warmUpEnd === undefined) {
      this.warmUpEnd = time;
    } else if (batch > 1 && this.lastBatchEnd !== undefined) {
      // A batch that starts an epoch also carries the previous epoch's extra time: not counted here.
      this.batchMs += time - this.lastBatchEnd;
      this.batchesAfterWarmUp++;
      this.samplesAfterWarmUp += samples;
    }
    this.lastBatchEnd = time;
    this.done = (epoch - 1) * this.batchesPerEpoch + batch;
    this.epochOfLastBatch = epoch;
  }

  /** When an epoch ends (after its validation): the epoch's time beyond its batches becomes known. */
  epochEnded(epoch: number): void {
    if (this.lastBatchEnd === undefined || this.batchesAfterWarmUp === 0) return;
    const extra = Math.max(0, this.now() - this.lastBatchEnd);
    this.epochExtraMs = this.epochExtraMs === undefined ? extra : (this.epochExtraMs * (epoch - 1) + extra) / epoch;
    this.lastBatchEnd = undefined;
  }

  /** Training images per second, warm-up excluded; undefined until two batches have run. */
  samplesPerSecond(): number | undefined {
    return this.batchesAfterWarmUp > 0 && this.batchMs > 0 ? this.samplesAfterWarmUp / (this.batchMs / 1000) : undefined;
  }

  /** Milliseconds left; undefined while there is nothing to estimate from yet. */
  remainingMs(): number | undefined {
    if (this.batchesAfterWarmUp === 0) return undefined;
    const perBatch = this.batchMs / this.batchesAfterWarmUp;
    const batchesLeft = this.totalEpochs * this.batchesPerEpoch - this.done;
    // Epoch ends still to come, including the current one's if its last batch has run.
    const epochEndsLeft = this.totalEpochs - this.epochOfLastBatch + (this.lastBatchEnd !== undefined ? 1 : 0);
    return batchesLeft * perBatch + epochEndsLeft * (this.epochExtraMs ?? 0);
  }
}

/** Milliseconds a run of `epochs` over `samples` images should take at a known throughput (epoch extras not included). */
export function estimateTrainingMs(samplesPerSecond: number, samples: number, epochs: number): number {
  return (samples * epochs * 1000) / samplesPerSecond;
}
