import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseDatasetReport, REPORT_FILE, type DatasetReport } from './datasetReport';

/** What the build serves as the course's dataset, read from the payload's manifest (build time only). */
export interface ActiveDatasetInfo {
  title: string;
  source: string;
  count: number;
  emergency: number;
  resolutions: string[];
}

export const PAYLOAD_DIR = resolve(process.cwd(), 'public/data');

export function readActiveDataset(): ActiveDatasetInfo {
  const manifestPath = resolve(PAYLOAD_DIR, 'manifest.json');
  if (!existsSync(manifestPath)) {
    throw new Error(`no dataset payload at ${manifestPath}: run "npm run build" (it generates the default dataset) or "npm run dataset:default"`);
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    dataset: { title: string; source: string };
    count: number;
    labels: number[];
    resolutions: Record<string, unknown>;
  };
  return {
    title: manifest.dataset.title,
    source: manifest.dataset.source,
    count: manifest.count,
    emergency: manifest.labels.reduce((sum, label) => sum + label, 0),
    resolutions: Object.keys(manifest.resolutions),
  };
}

/** The active payload's report, or undefined when it has none (a payload built before reports existed). */
export function readDatasetReport(payloadDir = PAYLOAD_DIR): DatasetReport | undefined {
  const path = resolve(payloadDir, REPORT_FILE);
  if (!existsSync(path)) return undefined;
  return parseDatasetReport(JSON.parse(readFileSync(path, 'utf8')), path);
}
