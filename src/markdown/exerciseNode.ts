/**
 * The markup of an exercise placed with `<Exercise id="small-model" />` (src/markdown/remarkCells.ts calls it):
 * its root with the stable hooks (data-exercise="<lesson>/<id>", data-exercise-state), the starter as a
 * runnable cell (data-exercise-cell, outside the lesson's cells so Run all leaves it alone), the buttons
 * (data-action="check|hint|solution|reset", named in the page's language), the hints list and the verdict.
 * The page script (src/client/exercisePanel.ts) brings it to life.
 */
import type { Code } from 'mdast';
import type { Element, ElementContent } from 'hast';
import type { NotebookText } from '../i18n/notebook';
import type { ExercisesText } from '../i18n/exercises';
import type { LessonExercise } from '../exercises/files';
import { solutionsHidden } from '../exercises/files';

export interface ExerciseNodeOptions {
  lesson: string;
  exercise: LessonExercise;
  t: NotebookText;
  text: ExercisesText;
  /** The toolbar, highlighted code and output area of a cell holding `code`. */
  cellChildren: (code: string) => ElementContent[];
}

const element = (tagName: string, properties: Element['properties'], children: ElementContent[] = []): Element => ({ type: 'element', tagName, properties, children });
const text = (value: string) => ({ type: 'text' as const, value });

export function exerciseNode({ lesson, exercise, text: x, cellChildren }: ExerciseNodeOptions): Code {
  const button = (action: string, label: string) => element('button', { type: 'button', 'data-action': action, disabled: true }, [text(label)]);
  const hidden = solutionsHidden();
  return {
    type: 'code',
    lang: 'ts',
    meta: `exercise id=${exercise.id}`,
    value: '',
    data: {
      hName: 'section',
      hProperties: { className: ['exercise'], 'data-exercise': `${lesson}/${exercise.id}`, 'data-exercise-state': 'unattempted', 'aria-label': x.label(exercise.id) },
      hChildren: [
        element('p', { className: ['exercise-heading'] }, [text(`${x.heading} · `), element('span', { className: ['exercise-state'], 'data-exercise-state-label': '' }, [text(x.state.unattempted)])]),
        element('div', { className: ['exercise-predict'], 'data-exercise-predict': '', hidden: true }),
        element('section', { className: ['cell', 'exercise-cell'], 'data-exercise-cell': exercise.id, 'data-cell-state': 'idle', 'aria-label': x.label(exercise.id) }, cellChildren(exercise.starter)),
        // Buttons start disabled: the page script enables them once it has the exercise's check.
        element('div', { className: ['exercise-actions'], role: 'group', 'aria-label': x.label(exercise.id) }, [
          button('check', x.check), text(' '),
          button('hint', x.hint), text(' '),
          ...(hidden ? [] : [button('solution', x.solution), text(' ')]),
          button('reset', x.reset),
        ]),
        element('ol', { className: ['exercise-hints'], 'data-exercise-hints': '', hidden: true }),
        element('div', { className: ['exercise-feedback'], 'data-exercise-feedback': '', role: 'status', 'aria-live': 'polite' }),
      ],
    },
  };
}
