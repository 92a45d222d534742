/**
 * The editor's TypeScript language service, in a Web Worker so typing never waits for it. Started by
 * the page on the first focus of an editor; loads TypeScript (this chunk) and the type pack (the same
 * declarations as the CI type check, generated/cell-types.json) from the site's own origin.
 */
import ts from 'typescript';
import packUrl from '../../generated/cell-types.json?url';
import { createCellLanguageService, type TypePack } from './cellLanguageService';
import { createLanguageHandlers } from './languageHandlers';
import { serveLanguageRequests } from './languageProtocol';

const ready = fetch(packUrl)
  .then((response) => {
    if (!response.ok) throw new Error(`the type declarations could not be loaded (${packUrl}: HTTP ${response.status})`);
    return response.json() as Promise<TypePack>;
  })
  .then((pack) => createLanguageHandlers(ts, createCellLanguageService(ts, pack)));

serveLanguageRequests(self as unknown as Parameters<typeof serveLanguageRequests>[0], ready);
