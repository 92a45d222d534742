import { EditorView, keymap, lineNumbers, highlightActiveLine, drawSelection } from '@codemirror/view';
import { EditorState } from '@codemirror/state';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { bracketMatching, indentOnInput } from '@codemirror/language';
import { javascript } from '@codemirror/lang-javascript';
import { setDiagnostics } from '@codemirror/lint';
import { editorTheme } from './editorTheme';
import { assistExtensions, editorDiagnostics, type EditorAssist } from './editorAssist';
import type { CellDiagnostic } from './cellProgram';

export interface CellEditor {
  getSource(): string;
  setSource(source: string): void;
  /** Type errors to show as squiggles (offsets in the current source). */
  setDiagnostics(diagnostics: CellDiagnostic[]): void;
  focus(): void;
  destroy(): void;
  readonly view: EditorView;
}

export interface EditorOptions {
  source: string;
  label: string;
  /** Shift+Enter (and Ctrl/Cmd+Enter) run the cell. */
  onRun: () => void;
  onChange?: (source: string) => void;
  /** Called when the editor gains focus (the page starts the language service on the first). */
  onFocus?: () => void;
  /** Completion, hover and type information (editorAssist.ts). */
  assist?: EditorAssist;
}

/**
 * A CodeMirror 6 editor for one cell: TypeScript syntax, line numbers, undo history,
 * bracket matching. Tab is not captured, so keyboard users can move on to the next
 * control; indent with Ctrl+] and Ctrl+[ (CodeMirror's defaults).
 */
export function createCellEditor(parent: HTMLElement, options: EditorOptions): CellEditor {
  const runKeys = keymap.of([
    { key: 'Shift-Enter', run: () => { options.onRun(); return true; } },
    { key: 'Mod-Enter', run: () => { options.onRun(); return true; } },
  ]);
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: options.source,
      extensions: [
        runKeys,
        lineNumbers(),
        history(),
        drawSelection(),
        highlightActiveLine(),
        indentOnInput(),
        bracketMatching(),
        editorTheme,
        javascript({ typescript: true }),
        keymap.of([...defaultKeymap, ...historyKeymap]),
        EditorView.contentAttributes.of({ 'aria-label': options.label }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) options.onChange?.(update.state.doc.toString());
          if (update.focusChanged && update.view.hasFocus) options.onFocus?.();
        }),
        options.assist ? assistExtensions(options.assist) : [],
      ],
    }),
  });
  return {
    getSource: () => view.state.doc.toString(),
    setSource: (source) => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: source } }),
    setDiagnostics: (diagnostics) => view.dispatch(setDiagnostics(view.state, editorDiagnostics(diagnostics, view.state.doc.length))),
    focus: () => view.focus(),
    destroy: () => view.destroy(),
    view,
  };
}
