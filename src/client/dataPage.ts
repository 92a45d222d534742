/**
 * The data page's script: the import panel, and what the active dataset looks like (the built-in payload,
 * or the one stored in this browser: its report as the command line prints it, samples, duplicate groups).
 */
import type { Messages } from '../i18n';
import { formatReport } from '../importer/formatReport';
import { readStoredFile } from '../importer/browser/datasetStore';
import { storedFetch, storedPayloadUrl } from '../importer/browser/storedPayload';
import { parseDatasetReport, REPORT_FILE, type DatasetReport } from '../lib/datasetReport';
import { chosenDataset } from '../lib/chosenDataset';
import { siteBase } from '../lib/siteBase';
import { MANIFEST_FILE, parseManifest } from '../ml/manifest';
import { datasetView } from './datasetView';
import { importPanel } from './importPanel';

const base = siteBase();

/** Starts the page with its language's words (each language's data page passes its own: no other language loads). */
export function startDataPage(t: Messages['dataImport']): void {
  const mount = document.querySelector('[data-import-root]');
  mount?.replaceChildren(importPanel({ t, onChange: () => void showActive(t) }));
  void showActive(t);
}

async function showActive(t: Messages['dataImport']): Promise<void> {
  const root = document.querySelector<HTMLElement>('[data-active-view]');
  if (!root) return;
  const chosen = chosenDataset();
  const folder = chosen ? storedPayloadUrl(chosen.id) : `${base}data/`;
  const fetchFile = chosen ? storedFetch : fetch;
  // The build's own report of the built-in dataset is the page's static part; an imported one's is drawn here.
  for (const element of document.querySelectorAll<HTMLElement>('[data-built-in-report]')) element.hidden = Boolean(chosen);
  try {
    const manifest = parseManifest(await (await fetchFile(`${folder}${MANIFEST_FILE}`)).json());
    const hasStaticReport = document.querySelector('[data-built-in-report]') !== null;
    const reportResponse = chosen || !hasStaticReport ? await fetchFile(`${folder}${REPORT_FILE}`) : undefined;
    const report: DatasetReport | undefined = reportResponse?.ok ? parseDatasetReport(await reportResponse.json()) : undefined;
    const blobUrls: string[] = [];
    const imageUrl = async (name: string) => {
      if (!chosen) return `${base}data/images/${encodeURIComponent(name)}`;
      const blob = await readStoredFile(chosen.id, `images/${name}`);
      const url = blob ? URL.createObjectURL(blob) : '';
      blobUrls.push(url);
      return url;
    };
    const view = await datasetView({ manifest, report, imageUrl, t });
    if (report) {
      const lines = document.createElement('pre');
      lines.className = 'import-report';
      lines.dataset.activeReport = '';
      lines.textContent = formatReport(report).join('\n');
      view.insertBefore(lines, view.children[1] ?? null);
    }
    root.replaceChildren(view);
  } catch {
    root.replaceChildren(Object.assign(document.createElement('p'), { className: 'notice', textContent: chosen ? t.missing(chosen.id) : '' }));
  }
}
