/**
 * The epoch figures a callback can watch (early stopping, checkpoints), with Keras's names;
 * `val_accuracy` and `accuracy` are accepted too. One definition for both callbacks.
 */
export type Monitor = 'val_loss' | 'val_acc' | 'loss' | 'acc';

/** What a reader may write as a monitor. */
export type MonitorName = Monitor | 'val_accuracy' | 'accuracy';

const MONITOR_ALIASES: Record<string, Monitor> = { val_loss: 'val_loss', val_acc: 'val_acc', val_accuracy: 'val_acc', loss: 'loss', acc: 'acc', accuracy: 'acc' };

/** The monitor a name means (val_loss by default); a clear error for anything else. */
export function parseMonitor(name: string | undefined): Monitor {
  const monitor = MONITOR_ALIASES[name ?? 'val_loss'];
  if (!monitor) throw new Error(`invalid monitor: ${JSON.stringify(name)} (expected val_loss, val_acc, loss or acc)`);
  return monitor;
}

/** Accuracy improves upwards, loss downwards: Keras's mode 'auto'. */
export function monitorDirection(monitor: Monitor): 'min' | 'max' {
  return monitor.endsWith('acc') ? 'max' : 'min';
}
