/**
 * The editor's TypeScript language service, in a Web Worker so typing never waits for it. Started by
 * the page on the first focus of an editor; TypeScript is this chunk, the type pack (the same
 * declarations as the CI type check, generated/cell-types.json) comes from the page, which fetches it
 * from the site's own origin while this worker starts.
 */
import ts from 'typescript';
import { createCellLanguageService, type TypePack } from './cellLanguageService';
import { createLanguageHandlers } from './languageHandlers';
import { serveLanguageRequests } from './languageProtocol';

serveLanguageRequests(self as unknown as Parameters<typeof serveLanguageRequests>[0], (json) =>
  createLanguageHandlers(ts, createCellLanguageService(ts, JSON.parse(json) as TypePack)));
