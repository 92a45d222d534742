import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { EditorView } from '@codemirror/view';
import { tags } from '@lezer/highlight';
import type { Extension } from '@codemirror/state';

/**
 * The cell editor's colours, written as the page's CSS variables (global.css: --code-*), which hold both
 * themes with light-dark(): the editor follows the reader's dark-mode choice the moment it changes, and
 * shows code in the same colours as the highlighted code it replaces (Shiki's github-light / github-dark).
 */
const highlightStyle = HighlightStyle.define([
  { tag: [tags.keyword, tags.operatorKeyword, tags.modifier, tags.controlKeyword, tags.definitionKeyword, tags.moduleKeyword], color: 'var(--code-keyword)' },
  { tag: [tags.string, tags.special(tags.string), tags.regexp], color: 'var(--code-string)' },
  { tag: [tags.number, tags.bool, tags.null, tags.atom, tags.constant(tags.name), tags.standard(tags.name)], color: 'var(--code-constant)' },
  { tag: [tags.function(tags.variableName), tags.function(tags.propertyName), tags.typeName, tags.className], color: 'var(--code-function)' },
  { tag: [tags.comment, tags.lineComment, tags.blockComment], color: 'var(--code-comment)' },
  { tag: [tags.definition(tags.variableName), tags.local(tags.variableName)], color: 'var(--code-variable)' },
  { tag: tags.invalid, color: 'var(--danger)' },
]);

const chrome = EditorView.theme({
  '&': { color: 'var(--code-fg)', backgroundColor: 'var(--code-bg)' },
  '.cm-content': { caretColor: 'var(--code-fg)' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--code-fg)' },
  '.cm-gutters': { color: 'var(--muted)', backgroundColor: 'var(--panel)', borderRight: '1px solid var(--border)' },
  '.cm-activeLine': { backgroundColor: 'var(--code-active-line)' },
  '.cm-activeLineGutter': { backgroundColor: 'var(--code-active-line)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, .cm-content ::selection': { backgroundColor: 'var(--code-selection)' },
  '.cm-matchingBracket': { backgroundColor: 'var(--code-selection)', outline: '1px solid var(--muted)' },
});

export const editorTheme: Extension = [chrome, syntaxHighlighting(highlightStyle)];
