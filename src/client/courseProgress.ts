/**
 * The course index's exercise progress ("2 / 3 ✓" per lesson), read from the browser's record of solved
 * exercises (src/exercises/progress.ts, shared by both languages), and "Reset my progress", which asks first.
 */
import type { ExercisesText } from '../i18n/exercises';
import { browserStore, clearProgress, solvedInLesson } from '../exercises/progress';

/** Starts the index's progress with its language's words (each language's index passes its own: CourseProgressEn/Zh.astro). */
export function startCourseProgress(t: ExercisesText): void {
  const showProgress = () => showProgressIn(t);
  showProgress();
  document.querySelector('[data-reset-progress]')?.addEventListener('click', () => {
    if (!window.confirm(t.confirmResetProgress)) return;
    clearProgress(browserStore());
    showProgress();
  });
  // Another tab (the other language's index, a lesson) may solve an exercise meanwhile.
  window.addEventListener('storage', showProgress);
  window.addEventListener('pageshow', showProgress);
  document.documentElement.dataset.progressReady = 'true';
}

function showProgressIn(t: ExercisesText): void {
  for (const element of document.querySelectorAll<HTMLElement>('[data-exercise-progress]')) {
    const ids = (element.dataset.exerciseIds ?? '').split(' ').filter(Boolean);
    const done = solvedInLesson(browserStore(), element.dataset.exerciseProgress ?? '', ids);
    element.textContent = t.progress(done, ids.length);
    element.setAttribute('aria-label', t.progressLabel(done, ids.length));
    element.dataset.done = String(done);
  }
}

