import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The article's real images: beside the repository on CI (../shared/datasets/av-emergency), read, never copied
 * into it. REAL_DATASET points elsewhere (a git worktree has no ../shared beside it).
 */
export const REAL_DATASET = process.env.REAL_DATASET ?? resolve(fileURLToPath(new URL('..', import.meta.url)), '../shared/datasets/av-emergency');
