import { EditorView, keymap, lineNumbers, highlightActiveLine, drawSelection } from '@codemirror/view';
import { EditorState } from '@codemirror/state';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { bracketMatching, indentOnInput } from '@codemirror/language';
import { javascript } from '@codemirror/lang-javascript';
import { editorTheme } from './editorTheme';

export interface CellEditor {
  getSource(): string;
  setSource(source: string): void;
  focus(): void;
  destroy(): void;
}

export interface EditorOptions {
  source: string;
  label: string;
  /** Shift+Enter (and Ctrl/Cmd+Enter) run the cell. */
  onRun: () => void;
  onChange?: (source: string) => void;
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
        }),
      ],
    }),
  });
  return {
    getSource: () => view.state.doc.toString(),
    setSource: (source) => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: source } }),
    focus: () => view.focus(),
    destroy: () => view.destroy(),
  };
}
