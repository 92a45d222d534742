/**
 * Signature help: typing `(` or `,` in a call shows the function's parameters above the cursor, the
 * one being typed in bold, with its doc; it goes when the call is closed or the cursor leaves it.
 */
import { StateEffect, StateField, type Extension } from '@codemirror/state';
import { showTooltip, ViewPlugin, type Tooltip, type ViewUpdate } from '@codemirror/view';
import type { EditorAssist } from './editorAssist';
import type { SignatureHelp } from './languageProtocol';

const setHint = StateEffect.define<Tooltip | null>();

const hintField = StateField.define<Tooltip | null>({
  create: () => null,
  update(value, transaction) {
    for (const effect of transaction.effects) if (effect.is(setHint)) return effect.value;
    if (!value) return value;
    // Typing `)` or moving before the call's opening parenthesis ends the hint.
    const pos = transaction.state.selection.main.head;
    const closed = transaction.docChanged && /\)/.test(transaction.state.sliceDoc(Math.max(0, pos - 1), pos));
    return closed || pos <= value.pos - 1 ? null : { ...value, pos: transaction.changes.mapPos(value.pos) };
  },
  provide: (field) => showTooltip.from(field),
});

export function signatureHint(assist: EditorAssist): Extension {
  const plugin = ViewPlugin.fromClass(class {
    private asked = 0;
    update(update: ViewUpdate) {
      if (!update.docChanged || !update.transactions.some((tr) => tr.isUserEvent('input.type'))) return;
      const pos = update.state.selection.main.head;
      const typed = update.state.sliceDoc(pos - 1, pos);
      if (typed !== '(' && typed !== ',') return;
      const language = assist.language();
      if (!language) return;
      const ask = ++this.asked;
      const source = update.state.doc.toString();
      const view = update.view;
      void language.signatureHelp({ cells: assist.cells(source), cellId: assist.cellId, offset: pos }).then((help) => {
        if (ask !== this.asked || view.state.doc.toString() !== source) return;
        view.dispatch({ effects: setHint.of(help && help.signatures.length > 0 ? hintTooltip(pos, help) : null) });
      }, () => {});
    }
  });
  return [hintField, plugin];
}

function hintTooltip(pos: number, help: SignatureHelp): Tooltip {
  return {
    pos,
    above: true,
    strictSide: false,
    arrow: false,
    create: () => {
      const signature = help.signatures[help.active] ?? help.signatures[0]!;
      const dom = document.createElement('div');
      dom.className = 'cm-type-info cm-signature-hint';
      const code = document.createElement('code');
      code.className = 'cm-type-signature';
      const [start, end] = signature.parameter ?? [signature.text.length, signature.text.length];
      const active = document.createElement('strong');
      active.textContent = signature.text.slice(start, end);
      code.append(signature.text.slice(0, start), active, signature.text.slice(end));
      dom.append(code);
      if (signature.documentation) {
        const doc = document.createElement('p');
        doc.textContent = signature.documentation;
        dom.append(doc);
      }
      return { dom };
    },
  };
}
