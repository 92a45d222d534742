/** What loadDataset prints while it loads (src/lessonKit/data/loadDataset.ts). */
export const dataset = {
  loading: (side: number) => `Loading the dataset at ${side}×${side}…`,
  loadingFiles: (side: number, done: number, total: number, megabytes: string) => `Loading the dataset at ${side}×${side}: ${done}/${total} files, ${megabytes} MB`,
  loaded: ({ title, count, side, emergency, other, megabytes, seconds }: { title: string; count: number; side: number; emergency: number; other: number; megabytes: string; seconds: string }) =>
    `Loaded ${title}: ${count} images at ${side}×${side} (${emergency} emergency, ${other} non-emergency; ${megabytes} MB in ${seconds} s).`,
};
