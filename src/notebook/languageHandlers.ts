/**
 * The language worker's answers (languageProtocol.ts), from the cell language service: TypeScript's
 * completions, details, quick info and signature help for a position in a cell, as plain data.
 * No DOM, no worker API: the unit tests call it in Node.
 */
import type * as TS from 'typescript';
import type { CellLanguageService } from './cellLanguageService';
import type { CompletionItem, LanguageRequests } from './languageProtocol';

type Ts = typeof TS;
type Handlers = { [M in keyof LanguageRequests]: (params: Parameters<LanguageRequests[M]>[0]) => ReturnType<LanguageRequests[M]> };

/** The page's cells are one notebook of the service. */
const NOTEBOOK = 'page';

const PREFERENCES: TS.UserPreferences = {
  includeCompletionsWithInsertText: true,
  includeCompletionsWithSnippetText: false,
  includeCompletionsForModuleExports: false,
  includeAutomaticOptionalChainCompletions: true,
};

export function createLanguageHandlers(ts: Ts, cells: CellLanguageService): Handlers {
  const { service } = cells;
  const at = (request: { cells: Parameters<CellLanguageService['setNotebook']>[1]; cellId: string }) => {
    cells.setNotebook(NOTEBOOK, request.cells);
    const file = cells.file(NOTEBOOK, request.cellId);
    if (!file) throw new Error(`no cell "${request.cellId}" on this page`);
    return file;
  };
  const text = (parts: readonly TS.SymbolDisplayPart[] | undefined) => ts.displayPartsToString(parts ? [...parts] : []);
  const documentation = (docs: readonly TS.SymbolDisplayPart[] | undefined, tags: readonly TS.JSDocTagInfo[] | undefined) =>
    [text(docs), ...(tags ?? []).map((tag) => `@${tag.name} ${text(tag.text)}`.trim())].filter(Boolean).join('\n');

  return {
    diagnostics({ cells: list, from, only }) {
      cells.setNotebook(NOTEBOOK, list);
      if (only) return cells.diagnostics(NOTEBOOK, only);
      const start = from ? Math.max(0, list.findIndex((cell) => cell.id === from)) : 0;
      return list.slice(start).flatMap((cell) => cells.diagnostics(NOTEBOOK, cell.id));
    },
    completions(request) {
      const file = at(request);
      const info = service.getCompletionsAtPosition(file.path, request.offset, PREFERENCES);
      if (!info) return undefined;
      const items: CompletionItem[] = info.entries.map((entry) => ({
        label: entry.name,
        kind: entry.kind,
        sortText: entry.sortText,
        ...(entry.insertText !== undefined && entry.insertText !== entry.name ? { insertText: entry.insertText } : {}),
        ...(entry.replacementSpan ? { replace: [entry.replacementSpan.start, entry.replacementSpan.start + entry.replacementSpan.length] as [number, number] } : {}),
        ...(entry.source !== undefined ? { source: entry.source } : {}),
        ...(entry.data !== undefined ? { data: entry.data } : {}),
      }));
      return { items, isMember: info.isMemberCompletion };
    },
    details(request) {
      const file = at(request);
      const details = service.getCompletionEntryDetails(file.path, request.offset, request.name, {}, request.source, PREFERENCES, request.data as TS.CompletionEntryData | undefined);
      if (!details) return undefined;
      return { signature: text(details.displayParts), documentation: documentation(details.documentation, details.tags) };
    },
    quickInfo(request) {
      const file = at(request);
      const info = service.getQuickInfoAtPosition(file.path, request.offset);
      if (!info || info.textSpan.start + info.textSpan.length > file.cell.source.length) return undefined;
      return {
        start: info.textSpan.start,
        end: info.textSpan.start + info.textSpan.length,
        signature: text(info.displayParts),
        documentation: documentation(info.documentation, info.tags),
      };
    },
    signatureHelp(request) {
      const file = at(request);
      const help = service.getSignatureHelpItems(file.path, request.offset, {});
      if (!help) return undefined;
      const signatures = help.items.map((item) => {
        let signature = text(item.prefixDisplayParts);
        let parameter: [number, number] | undefined;
        item.parameters.forEach((p, index) => {
          if (index > 0) signature += text(item.separatorDisplayParts);
          const start = signature.length;
          signature += text(p.displayParts);
          if (index === help.argumentIndex) parameter = [start, signature.length];
        });
        signature += text(item.suffixDisplayParts);
        const active = item.parameters[help.argumentIndex];
        const docs = [text(item.documentation), active ? text(active.documentation) : ''].filter(Boolean).join('\n');
        return { text: signature, ...(parameter ? { parameter } : {}), documentation: docs };
      });
      return { signatures, active: help.selectedItemIndex };
    },
  };
}
