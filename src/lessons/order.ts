/** Lessons in course order, and each lesson's neighbours. */
export interface OrderedLesson {
  id: string;
  data: { order: number; title: string };
}

export function sortLessons<T extends OrderedLesson>(lessons: readonly T[]): T[] {
  const sorted = [...lessons].sort((a, b) => a.data.order - b.data.order);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.data.order === sorted[i - 1]!.data.order) {
      throw new Error(`lessons "${sorted[i - 1]!.id}" and "${sorted[i]!.id}" have the same order ${sorted[i]!.data.order}`);
    }
  }
  return sorted;
}

export function neighbours<T extends OrderedLesson>(sorted: readonly T[], id: string): { previous?: T; next?: T } {
  const index = sorted.findIndex((lesson) => lesson.id === id);
  if (index < 0) throw new Error(`unknown lesson: ${id}`);
  return { previous: sorted[index - 1], next: sorted[index + 1] };
}
