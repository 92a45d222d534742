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
  // Completion list, hover and error tooltips: the page's panel colours, so they read in both themes.
  '.cm-tooltip': { color: 'var(--code-fg)', backgroundColor: 'var(--panel)', border: '1px solid var(--border)', maxWidth: 'min(42rem, 90vw)' },
  '.cm-tooltip-autocomplete > ul > li[aria-selected]': { color: 'var(--code-fg)', backgroundColor: 'var(--code-selection)' },
  '.cm-completionInfo, .cm-type-hover, .cm-type-info': { padding: '0.3rem 0.6rem', fontSize: '0.85rem', lineHeight: '1.4' },
  '.cm-type-signature': { display: 'block', whiteSpace: 'pre-wrap', fontFamily: 'var(--font-mono, monospace)', color: 'var(--code-fg)' },
  '.cm-type-hover p, .cm-type-info p': { margin: '0.35rem 0 0' },
  '.cm-lintRange-error': { backgroundImage: 'none', textDecoration: 'underline wavy var(--danger)', textDecorationSkipInk: 'none', textUnderlineOffset: '3px' },
  '.cm-lintRange-warning': { backgroundImage: 'none', textDecoration: 'underline wavy var(--muted)', textUnderlineOffset: '3px' },
  '.cm-diagnostic-error': { borderLeft: '4px solid var(--danger)' },
});

export const editorTheme: Extension = [chrome, syntaxHighlighting(highlightStyle)];
