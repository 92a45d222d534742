/**
 * Where a lesson's reference results live and which one a build shows (issue 16). The generated default
 * dataset's are committed, references/default.json; those of an imported dataset are written beside them
 * as references/<dataset id>-<hash>.json, which .gitignore keeps out of the repository (results derived
 * from the real dataset are never committed). Node only: the build and `npm run references` read these.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { LESSON_SUBFOLDERS } from './layout';
import { PAYLOAD_DIR } from '../lib/activeDataset';
import { isDefaultDataset, manifestHash, REFERENCE_FORMAT, type LessonReference, type PageReference, type ReferenceDataset } from '../ml/referenceBands';

const DEFAULT_REFERENCE_FILE = 'default.json';

/** The dataset a payload folder holds (its manifest.json), as a reference names it. */
export function payloadDataset(payloadDir: string): ReferenceDataset {
  const path = resolve(payloadDir, 'manifest.json');
  if (!existsSync(path)) throw new Error(`no dataset payload at ${path}: run "npm run build" (it generates the default dataset) or "npm run dataset:default"`);
  const manifest = JSON.parse(readFileSync(path, 'utf8'));
  return { id: manifest.dataset.id, title: manifest.dataset.title, source: manifest.dataset.source, manifestHash: manifestHash(manifest) };
}

/** The file of a lesson's references on a dataset: default.json, or <id>-<hash>.json (gitignored) for any other. */
function referenceFileName(dataset: ReferenceDataset): string {
  return isDefaultDataset(dataset) ? DEFAULT_REFERENCE_FILE : `${dataset.id}-${dataset.manifestHash.slice(0, 8)}.json`;
}

export function referencePath(lessonDir: string, dataset: ReferenceDataset): string {
  return join(lessonDir, LESSON_SUBFOLDERS.references, referenceFileName(dataset));
}

/** A reference file, checked enough that a damaged one is named instead of drawing nonsense. */
function parseReference(text: string, path: string): LessonReference {
  let value: Partial<LessonReference>;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`${path}: not JSON (${error instanceof Error ? error.message : error}); make it again with npm run references`);
  }
  if (value?.format !== REFERENCE_FORMAT) throw new Error(`${path}: reference format ${value?.format}, this course reads format ${REFERENCE_FORMAT}; make it again with npm run references`);
  if (!Array.isArray(value.figures) || !value.dataset?.manifestHash || !Array.isArray(value.seeds)) throw new Error(`${path}: a reference needs dataset.manifestHash, seeds and figures; make it again with npm run references`);
  return value as LessonReference;
}

/**
 * The reference a build shows for a lesson on the active dataset: the one made on it, else the default
 * dataset's (the figures then say it is the default dataset's); undefined when the lesson has none.
 */
function lessonReferenceFor(lessonDir: string, active: ReferenceDataset): LessonReference | undefined {
  for (const path of [referencePath(lessonDir, active), join(lessonDir, LESSON_SUBFOLDERS.references, DEFAULT_REFERENCE_FILE)]) {
    if (existsSync(path)) return parseReference(readFileSync(path, 'utf8'), path);
  }
  return undefined;
}

let activeDataset: ReferenceDataset | undefined;
/** The dataset the build serves (public/data), read once per build. */
function builtDataset(): ReferenceDataset {
  activeDataset ??= payloadDataset(PAYLOAD_DIR);
  return activeDataset;
}

/** What a lesson page carries of its reference: the data its live figures draw under the reader's run. */
export function pageReference(lessonDir: string): PageReference | undefined {
  if (!existsSync(join(lessonDir, LESSON_SUBFOLDERS.references))) return undefined;
  const active = builtDataset();
  const reference = lessonReferenceFor(lessonDir, active);
  return reference && { reference, builtInManifestHash: active.manifestHash };
}
