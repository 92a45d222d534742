/** What the checkpointing lesson's helpers print: the list of saved checkpoints, its buttons, the saves figure (src/viz/checkpointList.ts, src/lessonKit/techniques/checkpoints.ts). */
export const checkpoints = {
  monitors: { val_acc: 'validation accuracy', val_loss: 'validation loss', acc: 'training accuracy', loss: 'training loss' } as Record<string, string>,
  none: 'No checkpoint is saved in this browser yet.',
  listCaption: (count: number) => `${count} checkpoint${count === 1 ? '' : 's'} saved in this browser (IndexedDB), newest first`,
  columns: { name: 'name', lesson: 'lesson', epoch: 'epoch', value: 'monitored value', saved: 'saved' },
  dateLocale: 'en-GB',
  restore: 'Restore',
  download: 'Download',
  delete: 'Delete',
  /** A button's accessible name: "Delete epoch-03". */
  actionOn: (action: string, name: string) => `${action} ${name}`,
  restored: (name: string, epoch: number, monitor: string, value: string) => `Restored "${name}": the weights of epoch ${epoch} (${monitor} ${value}).`,
  downloading: (name: string) => `Downloading ${name}.json and ${name}.weights.bin`,
  deleted: (name: string) => `Deleted checkpoint "${name}"`,
  savedAt: (epoch: number, value: string) => `saved at epoch ${epoch}: ${value}`,
  checkpointMark: (epoch: number) => `checkpoint: epoch ${epoch}`,
  lastMark: (epoch: number) => `last: epoch ${epoch}`,
  figureLabel: (monitor: string) => `${monitor} per epoch, saved checkpoints marked`,
  nothingSaved: 'Nothing was saved.',
  figureCaption: ({ saves, epoch, monitor, value, lastEpoch, lastValue }: { saves: number; epoch: number; monitor: string; value: string; lastEpoch: number; lastValue: string }) =>
    `${saves} save${saves === 1 ? '' : 's'} (green dots). The checkpoint holds epoch ${epoch} (${monitor} ${value})` +
    (lastEpoch === epoch ? ', which is also the last epoch.' : `; training ended at epoch ${lastEpoch} with ${lastValue}.`),
};
