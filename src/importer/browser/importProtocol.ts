/** The messages between the page and the import worker (importWorker.ts). */
import type { DatasetReport } from '../../lib/datasetReport';
import type { ImportProgress } from '../runImport';
import type { PickedFile } from './browserSources';

export type ImportInput = { kind: 'zip'; file: File } | { kind: 'files'; label: string; files: PickedFile[] };

export type ToImportWorker = { type: 'start'; input: ImportInput; title: string } | { type: 'cancel' };

export type FromImportWorker =
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'done'; id: string; report: DatasetReport; lines: string[]; bytes: number; seconds: number }
  /** `lines`: the report of what was found, when the import got as far as reading every image. */
  | { type: 'failed'; message: string; cancelled: boolean; lines?: string[] };
