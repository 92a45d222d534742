/**
 * Brings a lesson page's exercises to life (the markup is src/markdown/exerciseNode.ts): Check runs the reader's
 * cell in the page's notebook and grades it (src/exercises/grade.ts), Hint shows the next hint, Show solution
 * (after a confirmation) puts the solution in the cell, still editable, Reset brings the starter back. Each
 * exercise's check is its own small module, loaded when the page starts its exercises.
 */
import type { ExerciseDefinition, Localized, Verdict } from '../exercises/define';
import type { CellOutcome } from '../exercises/grade';
import type { Lang } from '../i18n';
import { exercisesText } from '../i18n/exercises';
import { browserStore, isSolved, markSolved } from '../exercises/progress';
import { readRuns } from '../ml/runLog';

export interface PageExercise {
  id: string;
  starter: string;
  /** Absent when the build hides solutions. */
  solution?: string;
  root: HTMLElement;
  code(): string;
  setCode(code: string): void;
  /** Runs the exercise's cell in the page's notebook (its output and error show under it). */
  run(): Promise<CellOutcome>;
}

export interface ExercisePage {
  lang: Lang;
  lesson: string;
  exercises: PageExercise[];
  kernel(): Promise<{ get(name: string): unknown; has(name: string): boolean; tensorflow(): Promise<typeof import('@tensorflow/tfjs')> }>;
}

// Every exercise's check, by file; Vite makes each a chunk of its own, loaded on demand.
const definitions = import.meta.glob<{ default: ExerciseDefinition }>('/content/lessons/*/exercises/*/exercise.ts');

export function startExercises(page: ExercisePage): void {
  for (const exercise of page.exercises) void startExercise(page, exercise);
}

async function startExercise(page: ExercisePage, exercise: PageExercise): Promise<void> {
  const t = exercisesText[page.lang];
  const key = `${page.lesson}/${exercise.id}`;
  const root = exercise.root;
  const button = (action: string) => root.querySelector<HTMLButtonElement>(`[data-action="${action}"]`);
  const feedback = root.querySelector<HTMLElement>('[data-exercise-feedback]')!;
  const stateLabel = root.querySelector<HTMLElement>('[data-exercise-state-label]');
  const hintList = root.querySelector<HTMLOListElement>('[data-exercise-hints]')!;
  const predictBox = root.querySelector<HTMLElement>('[data-exercise-predict]')!;
  const load = definitions[`/content/lessons/${key.replace('/', '/exercises/')}/exercise.ts`];
  if (!load) {
    feedback.textContent = t.checkerFailed(`no check for ${key}`);
    return;
  }
  const definition = (await load()).default;
  const local = (text: Localized) => text[page.lang];

  let hintsShown = 0;
  const setState = (state: Verdict['state']) => {
    root.dataset.exerciseState = state;
    if (stateLabel) stateLabel.textContent = t.state[state];
  };
  const say = (...parts: Array<string | Node>) => feedback.replaceChildren(...parts);

  // "Predict, then run": the reader picks an answer before the check runs the cell.
  const choiceName = `predict-${key.replace(/\W/g, '-')}`;
  if (definition.predict) {
    const fieldset = document.createElement('fieldset');
    const legend = document.createElement('legend');
    legend.textContent = `${t.predictQuestion} ${local(definition.predict.question)}`;
    fieldset.append(legend);
    definition.predict.choices.forEach((choice, index) => {
      const label = document.createElement('label');
      const input = document.createElement('input');
      input.type = 'radio';
      input.name = choiceName;
      input.value = String(index);
      label.append(input, ` ${local(choice)}`);
      fieldset.append(label);
    });
    predictBox.append(fieldset);
    predictBox.hidden = false;
  }
  const prediction = (): string | undefined => {
    const picked = predictBox.querySelector<HTMLInputElement>(`input[name="${choiceName}"]:checked`);
    return picked && definition.predict ? local(definition.predict.choices[Number(picked.value)]!) : undefined;
  };

  const show = (verdict: Verdict) => {
    setState(verdict.state);
    const message = document.createElement('p');
    message.textContent = local(verdict.message);
    const parts: Node[] = [message];
    const predicted = prediction();
    if (definition.predict && predicted !== undefined && verdict.observed) {
      const comparison = document.createElement('dl');
      comparison.className = 'exercise-prediction';
      const row = (term: string, value: string, hook: string) => {
        const dt = document.createElement('dt');
        dt.textContent = term;
        const dd = document.createElement('dd');
        dd.textContent = value;
        dd.setAttribute(hook, '');
        comparison.append(dt, dd);
      };
      row(t.yourPrediction, predicted, 'data-prediction');
      row(t.whatHappened, local(verdict.observed), 'data-observed');
      parts.push(comparison);
    }
    say(...parts);
  };

  // data-exercise-busy is set while a check runs (tests and styles wait on it).
  const check = async () => {
    root.dataset.exerciseBusy = 'true';
    try {
      await checkAttempt();
    } finally {
      root.dataset.exerciseBusy = 'false';
    }
  };
  const checkAttempt = async () => {
    if (definition.predict && prediction() === undefined) {
      setState('unattempted');
      say(t.predictFirst);
      return;
    }
    const { unattemptedVerdict, gradeOutcome } = await import('../exercises/grade');
    const before = unattemptedVerdict(exercise.code(), exercise.starter);
    if (before) return show(before);
    const checkButton = button('check');
    if (checkButton) checkButton.disabled = true;
    say(t.checking);
    try {
      const known = new Set(readRuns(localStorage).map((run) => run.id));
      const outcome = await exercise.run();
      const kernel = await page.kernel();
      const runs = readRuns(localStorage);
      const verdict = await gradeOutcome(definition, outcome, {
        get: kernel.get,
        has: kernel.has,
        runs,
        newRuns: runs.filter((run) => !known.has(run.id)),
        tf: await kernel.tensorflow(),
      });
      show(verdict);
      if (verdict.state === 'correct') markSolved(browserStore(), key);
    } finally {
      if (checkButton) checkButton.disabled = false;
    }
  };

  const hint = () => {
    if (hintsShown >= definition.hints.length) return;
    const item = document.createElement('li');
    item.setAttribute('data-hint', String(hintsShown + 1));
    item.setAttribute('aria-label', t.hintLabel(hintsShown + 1, definition.hints.length));
    item.textContent = local(definition.hints[hintsShown]!);
    hintList.append(item);
    hintList.hidden = false;
    hintsShown++;
    const hintButton = button('hint');
    if (hintButton && hintsShown >= definition.hints.length) {
      hintButton.disabled = true;
      hintButton.title = t.noMoreHints;
    }
  };

  const solution = () => {
    if (exercise.solution === undefined) return say(t.solutionsHidden);
    if (!window.confirm(t.confirmSolution)) return;
    exercise.setCode(exercise.solution);
    setState('unattempted');
    say();
  };

  const reset = () => {
    exercise.setCode(exercise.starter);
    hintsShown = 0;
    hintList.replaceChildren();
    hintList.hidden = true;
    const hintButton = button('hint');
    if (hintButton) {
      hintButton.disabled = false;
      hintButton.removeAttribute('title');
    }
    for (const input of predictBox.querySelectorAll<HTMLInputElement>('input')) input.checked = false;
    setState('unattempted');
    say();
  };

  const actions: Record<string, () => unknown> = { check, hint, solution, reset };
  for (const [action, handler] of Object.entries(actions)) {
    const element = button(action);
    if (!element) continue;
    element.addEventListener('click', () => void handler());
    element.disabled = false;
  }
  if (isSolved(browserStore(), key)) say(t.solvedBefore);
  root.dataset.exerciseReady = 'true';
}
