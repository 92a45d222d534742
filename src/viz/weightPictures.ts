/** The last first-layer picture of each lesson's run in this browser (localStorage), for side-by-side comparison. */
export interface WeightPicture {
  /** The lesson and the model's layers, e.g. "03-dropout: dense 100 sigmoid → dropout 0.5 → …": one picture per kind of run. */
  run: string;
  epochs: number;
  date: string;
  /** A JPEG data URL of the unit grid. */
  image: string;
}

const KEY = 'course.weightPictures.v1';
/** Kinds of run kept at most. */
const KEEP = 8;

export function recallWeightPictures(storage: Storage): WeightPicture[] {
  try {
    const parsed = JSON.parse(storage.getItem(KEY) ?? '[]') as unknown;
    return Array.isArray(parsed) ? parsed.filter((p): p is WeightPicture => typeof p?.run === 'string' && typeof p?.image === 'string' && p.image.startsWith('data:image/')) : [];
  } catch {
    return [];
  }
}

/** Keeps one picture per kind of run (the newest replaces the previous one), in lesson order. */
export function rememberWeightPicture(storage: Storage, picture: WeightPicture): void {
  const others = recallWeightPictures(storage).filter((p) => p.run !== picture.run);
  const kept = [...others, picture].sort((a, b) => a.run.localeCompare(b.run)).slice(-KEEP);
  storage.setItem(KEY, JSON.stringify(kept));
}
