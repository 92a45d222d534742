/**
 * The notebook bar's own controls, added by the page script: the memory meter and the .ipynb export
 * (the bar's Run all, Reset all and kernel status are the build's).
 */
import type { NotebookText } from '../i18n/notebook';
import type { LessonPageData } from '../lessons/pageData';

export interface NotebookBar {
  /** TF.js tensors and bytes, shown once TF.js has loaded (the first run). */
  showMemory(memory: { numTensors: number; numBytes: number }): void;
}

/** What the export writes: the lesson cells' code as the reader has it, and the scratch cells at their places. */
export interface ExportedCells {
  sources(): Record<string, string>;
  scratch(): Array<{ id: string; after: string; source: string }>;
}

export function startNotebookBar(bar: HTMLElement | null, t: NotebookText, lesson: LessonPageData, cells: ExportedCells, say: (text: string) => void): NotebookBar {
  // Updated after every run and twice a second while a cell runs (training included).
  const memoryMeter = document.createElement('span');
  memoryMeter.className = 'memory-meter';
  memoryMeter.setAttribute('data-memory-meter', '');
  memoryMeter.setAttribute('title', t.memoryTitle);
  memoryMeter.hidden = true;

  // Export the lesson, with the reader's edits, as a Jupyter notebook.
  const exportButton = document.createElement('button');
  exportButton.type = 'button';
  exportButton.setAttribute('data-export-ipynb', '');
  exportButton.title = t.exportTitle;
  exportButton.textContent = t.exportButton;
  bar?.querySelector('[data-kernel-summary]')?.before(exportButton, ' ');
  bar?.append(' ', memoryMeter);
  exportButton.addEventListener('click', () => {
    exportNotebook(lesson, cells).catch((error: unknown) => say(t.exportFailed(error instanceof Error ? error.message : String(error))));
  });

  return {
    showMemory({ numTensors, numBytes }) {
      memoryMeter.hidden = false;
      memoryMeter.dataset.tensors = String(numTensors);
      memoryMeter.dataset.bytes = String(numBytes);
      memoryMeter.textContent = t.memory(numTensors, (numBytes / 1e6).toFixed(1));
    },
  };
}

/** Downloads the lesson's notebook (made by the build from its prose and cells) with the reader's code in it. */
async function exportNotebook(lesson: LessonPageData, cells: ExportedCells): Promise<void> {
  const [{ withReaderEdits }, response] = await Promise.all([import('../notebook/ipynb'), fetch(lesson.notebookUrl)]);
  if (!response.ok) throw new Error(`${lesson.notebookUrl}: ${response.status} ${response.statusText}`);
  const notebook = withReaderEdits(await response.json(), {
    sources: cells.sources(),
    scratch: cells.scratch(),
    url: location.origin + location.pathname,
    origin: location.origin,
    exportedAt: new Date(),
  });
  const url = URL.createObjectURL(new Blob([`${JSON.stringify(notebook, null, 1)}\n`], { type: 'application/x-ipynb+json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `${lesson.lesson}.ipynb`;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
