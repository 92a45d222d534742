/**
 * Brings a lesson page's cells to life. Kept small on purpose: the notebook engine, the
 * editor and TF.js are loaded only when the reader acts (hovers or focuses a cell, presses Run).
 */
import { createEditStore, type SaveResult } from './editStore';
import { pageCell, type PageCell } from './pageCells';
import { createCellRunner } from './cellRunner';
import { offerOutdatedEdit } from './outdatedEdit';
import { startNotebookBar } from './notebookBar';
import { clearCellNotice, showCellNotice } from './cellNotice';
import { offerCellUndo, offerResetAllUndo } from './resetUndo';
import { createStaleTracker } from './staleCells';
import { offerOtherTabChoice as otherTabChoice, watchOtherTabs } from './otherTabEdits';
import { createScratchLayout, scratchEditsLesson, withScratchCells } from './scratchLayout';
import { startScratchCells } from './scratchCells';
import { dropOldestRun } from '../ml/runLog';
import type { NotebookText } from '../i18n/notebook';
import { readLessonData } from '../lessons/pageData';
import { siteBase } from '../lib/siteBase';

/**
 * Starts the page with its language's words: each language's page has its own entry (lessonPage.en.ts,
 * lessonPage.zh.ts) that passes them, so a page's first load carries no other language's words.
 */
export function startLessonPage(t: NotebookText): void {
  // The lesson's code of every cell and the page's language, as the build passed them (not read back from the HTML).
  const lessonData = readLessonData(document);
  const params = new URLSearchParams(location.search);
  const maxEpochsParam = Number(params.get('maxEpochs'));
  const kernelStatus = document.querySelector<HTMLElement>('[data-kernel-status]');
  const kernelSummary = document.querySelector<HTMLElement>('[data-kernel-summary]');
  const runAllButton = document.querySelector<HTMLButtonElement>('[data-run-all]');
  const resetAllButton = document.querySelector<HTMLButtonElement>('[data-reset-all]');
  const notebookBar = document.querySelector<HTMLElement>('.notebook-bar');
  const lessonRoot = document.querySelector<HTMLElement>('[data-lesson]');

  // The memory meter and the .ipynb export (with the reader's code: the lesson cells' and the scratch cells').
  const bar = startNotebookBar(notebookBar, t, lessonData, {
    sources: () => Object.fromEntries(lessonCells.map((cell) => [cell.id, currentSource(cell)])),
    scratch: () => scratch.cells.map((cell) => ({ id: cell.id, after: cell.after, source: currentSource(cell) })),
  }, sayInBar);

  /** Says something about the whole notebook in the bar (its status line and its short form). */
  function sayInBar(text: string): void {
    if (kernelStatus) kernelStatus.textContent = text;
    if (kernelSummary) kernelSummary.textContent = text;
  }

  // When the storage is full, the run log's oldest records (which a rerun can make again) give way to an edit.
  const lessonId = lessonRoot?.dataset.lesson ?? location.pathname;
  const edits = createEditStore(lessonId, undefined, { makeRoom: () => dropOldestRun(localStorage) });
  const scratchEdits = createEditStore(scratchEditsLesson(lessonId), undefined, { makeRoom: () => dropOldestRun(localStorage) });
  const base = siteBase();

  const lessonCells: PageCell[] = [...document.querySelectorAll<HTMLElement>('[data-cell]')].map((root) => {
    const data = lessonData.cells.find((candidate) => candidate.id === root.dataset.cell);
    if (!data) throw new Error(`cell "${root.dataset.cell}" is on the page but not in its lesson data`);
    const number = String(data.number);
    // The kernel's messages ("`x` is defined in cell 3…") are cell output, the same in both languages.
    return pageCell(root, { id: data.id, number, label: `cell ${number}`, original: data.source, store: edits });
  });
  // Exercise cells run in the same scope after the lesson's cells, but Run all leaves them alone.
  const exerciseCells: PageCell[] = [...document.querySelectorAll<HTMLElement>('[data-exercise-cell]')].map((root) => {
    const data = lessonData.exercises?.find((candidate) => candidate.id === root.dataset.exerciseCell);
    if (!data) throw new Error(`exercise "${root.dataset.exerciseCell}" is on the page but not in its lesson data`);
    return pageCell(root, { id: `exercise-${data.id}`, number: '✎', label: `exercise ${data.id}`, original: data.starter, store: edits });
  });
  type ScratchPageCell = PageCell & { after: string; n: number };
  // Filled once the page's cells are wired (below); until then the page has no scratch cell.
  let scratch: { cells: readonly ScratchPageCell[] } = { cells: [] };
  /** The lesson's cells and the reader's scratch cells, in page order: what Run all runs and the type check sees. */
  const notebookCells = (): PageCell[] => withScratchCells<PageCell>(lessonCells, scratch.cells);
  const allCells = (): PageCell[] => [...notebookCells(), ...exerciseCells];

  let runtimePromise: Promise<ReturnType<typeof import('./runtime').createRuntime>> | undefined;
  /** The kernel once loaded: the editor completes the names its cells defined. */
  let liveKernel: ReturnType<typeof import('./runtime').createRuntime> | undefined;
  function runtime() {
    if (!runtimePromise) {
      runtimePromise = import('./runtime').then(({ createRuntime }) =>
        createRuntime({
          datasetUrl: `${base}data/`,
          maxEpochs: Number.isInteger(maxEpochsParam) && maxEpochsParam > 0 ? maxEpochsParam : undefined,
          onStatus: ({ text, summary }) => {
            if (kernelStatus) kernelStatus.textContent = text;
            if (kernelSummary) kernelSummary.textContent = summary;
          },
          onMemory: bar.showMemory,
          text: t,
          lang: lessonData.lang,
          lessonId: lessonRoot?.dataset.lesson ?? 'notebook',
        }));
      // Code that failed to load is fetched again by the next Run; a kernel that loaded keeps its scope.
      runtimePromise.then((kernel) => { liveKernel = kernel; }, () => { runtimePromise = undefined; });
    }
    return runtimePromise;
  }

  function currentSource(cell: PageCell): string {
    return cell.editor?.getSource() ?? cell.source;
  }

  const stale = createStaleTracker(t);

  // Cells run one at a time, in the order they were asked for, like a notebook kernel.
  const { runCell, runAll } = createCellRunner({ t, runtime, allCells, notebookCells, currentSource, stale, runAllButton, sayInBar });

  let editorModule: Promise<typeof import('../notebook/editor')> | undefined;
  async function upgradeToEditor(cell: PageCell, focus: boolean): Promise<void> {
    if (cell.editor) return;
    editorModule ??= import('../notebook/editor');
    const { createCellEditor } = await editorModule;
    if (cell.editor) return;
    const pre = cell.codeArea.querySelector('pre');
    const host = document.createElement('div');
    host.className = 'cell-editor';
    cell.editor = createCellEditor(host, {
      source: cell.source,
      label: t.editorLabel(cell.number === '✎' ? cell.label : cell.number),
      onRun: () => void runCell(cell),
      onChange: (source) => setSource(cell, source, { fromEditor: true }),
      onFocus: () => startTypeAssist(cell.id),
      assist: {
        cellId: cell.id,
        live: () => liveKernel?.live,
        language: () => typeAssist?.language(),
        cells: (source) => notebookCells().map((c) => ({ id: c.id, label: c.label, source: c === cell ? source : c.source })),
      },
    });
    pre?.replaceWith(host);
    if (focus) cell.editor.focus();
  }

  // The language service (a worker with TypeScript) starts on the first focus of an editor, never before.
  let typeAssist: import('./typeAssist').TypeAssist | undefined;
  let typeAssistLoading: Promise<void> | undefined;
  function startTypeAssist(focused: string): void {
    typeAssistLoading ??= import('./typeAssist').then(({ createTypeAssist }) => {
      typeAssist = createTypeAssist(() => notebookCells().map((cell) => ({
        id: cell.id, label: cell.label, source: cell.source, root: cell.root,
        showDiagnostics: (diagnostics) => void showTypeErrors(cell, diagnostics),
      })), focused);
    });
  }

  async function showTypeErrors(cell: PageCell, diagnostics: import('../notebook/cellProgram').CellDiagnostic[]): Promise<void> {
    if (!cell.editor && diagnostics.length === 0) return;
    await upgradeToEditor(cell, false);
    if (cell.editor?.getSource() === cell.source) cell.editor.setDiagnostics(diagnostics);
  }

  /** Undoing a reset: the reader's code comes back, saved again. */
  function restoreSource(cell: PageCell, source: string): void {
    setSource(cell, source);
    void upgradeToEditor(cell, false);
  }

  /**
   * Marks each lesson cell at or below an edited one (data-edited-above): its pre-rendered reference figure
   * then says the reference was made from the cells as published (global.css). Set here, not by a sibling
   * selector: the cells sit each in its own <pre> of the prose, so CSS cannot see an earlier one.
   */
  function markEditedAbove(): void {
    let above = false;
    for (const cell of lessonCells) {
      above ||= cell.source !== cell.original;
      cell.root.dataset.editedAbove = String(above);
    }
  }

  /** Records the cell's code (typed by the reader, restored, or reset) and saves it as an edit (unless another tab saved it). */
  function setSource(cell: PageCell, source: string, { fromEditor = false, save = true } = {}): void {
    cell.source = source;
    if (!fromEditor) cell.editor?.setSource(source);
    else clearCellNotice(cell.codeArea, 'reset');
    const edited = source !== cell.original;
    cell.root.dataset.edited = String(edited);
    markEditedAbove();
    if (cell.resetButton) cell.resetButton.hidden = !edited;
    if (save) reportSave(cell, cell.store.save(cell.id, cell.original, source));
    if (resetAllButton) resetAllButton.hidden = edits.count() === 0;
    typeAssist?.changed(cell.id);
    markStaleAfterEdit(cell);
  }

  // An edit makes the later cells that used the names the cell defines stale (checked once typing pauses).
  const STALE_CHECK_DELAY_MS = 300;
  const staleTimers = new Map<string, ReturnType<typeof setTimeout>>();
  function markStaleAfterEdit(cell: PageCell): void {
    if (!stale.anyRan()) return;
    clearTimeout(staleTimers.get(cell.id));
    staleTimers.set(cell.id, setTimeout(() => {
      // The transpiler came with the kernel (a cell has run): it reads the names the new code declares.
      void import('../notebook/transpile').then(({ transpileCell }) => {
        let declares: string[] = [];
        try { declares = transpileCell(cell.source).defines; } catch { /* code being typed: the names of its last run still count */ }
        stale.edited(cell, cell.source, declares, notebookCells());
      });
    }, STALE_CHECK_DELAY_MS));
  }

  /** Says on the cell when its edit could not be saved, or what was removed to save it. */
  function reportSave(cell: PageCell, result: SaveResult): void {
    if (result.kind === 'conflict') return offerOtherTabChoice(cell);
    if (result.kind === 'full') showCellNotice(cell.codeArea, 'storage', t.editNotSaved, { alert: true });
    else if (result.kind === 'saved' && result.prunedRuns > 0) showCellNotice(cell.codeArea, 'storage', t.runsPrunedForEdit(result.prunedRuns));
    else if (result.kind === 'saved' && cell.codeArea.parentElement?.querySelector('[data-cell-notice="storage"][role="alert"]')) clearCellNotice(cell.codeArea, 'storage');
  }

  const tabHooks = { edits, text: t, currentSource, setSource: (cell: PageCell, source: string) => setSource(cell, source), reportSave };
  const offerOtherTabChoice = (cell: PageCell) => otherTabChoice(cell, { ...tabHooks, edits: cell.store });
  watchOtherTabs([...lessonCells, ...exerciseCells], tabHooks, () => { if (resetAllButton) resetAllButton.hidden = edits.count() === 0; });

  /** Brings back the reader's saved edits; an edit of code that has since changed is offered, not applied. */
  function restoreEdits(cell: PageCell): void {
    const status = edits.status(cell.id, cell.original);
    if (status.kind === 'current') {
      setSource(cell, status.edit.source);
      void upgradeToEditor(cell, false);
    } else if (status.kind === 'outdated') {
      offerOutdatedEdit(cell.codeArea, status.edit.savedAt, t, {
        useMine() {
          setSource(cell, status.edit.source);
          void upgradeToEditor(cell, false);
        },
        keepNew() {
          edits.discard(cell.id);
          if (resetAllButton) resetAllButton.hidden = edits.count() === 0;
        },
      });
    }
  }

  /** A cell's controls: Run, Stop, Run this and below, Reset, and its editor on first touch. */
  function wireCell(cell: PageCell): void {
    cell.resetButton?.addEventListener('click', () => {
      const previous = currentSource(cell);
      setSource(cell, cell.original);
      offerCellUndo(cell, previous, t, restoreSource);
    });
    cell.runButton.addEventListener('click', () => void runCell(cell));
    cell.runBelowButton?.addEventListener('click', () => void runAll(notebookCells().indexOf(cell)));
    cell.stopButton.addEventListener('click', () => {
      cell.status.textContent = t.stopping;
      cell.current?.stop();
    });
    cell.codeArea.addEventListener('pointerenter', () => void upgradeToEditor(cell, false), { once: true });
    cell.codeArea.addEventListener('focusin', (event) => {
      if ((event.target as HTMLElement).tagName === 'PRE') void upgradeToEditor(cell, true);
    });
    cell.codeArea.addEventListener('pointerdown', () => void upgradeToEditor(cell, true));
    cell.codeArea.addEventListener('keydown', (event) => {
      // Before the editor has loaded, Shift+Enter on the highlighted code still runs the cell.
      if (!cell.editor && event.key === 'Enter' && (event.shiftKey || event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        void runCell(cell);
      }
    });
  }
  for (const cell of [...lessonCells, ...exerciseCells]) {
    restoreEdits(cell);
    wireCell(cell);
  }

  // Scratch cells: saved apart from the lesson cells' edits, so "Reset all edits" leaves them (each has its Delete).
  scratch = startScratchCells<ScratchPageCell>({
    ...tabHooks,
    edits: scratchEdits,
    layout: createScratchLayout(lessonId),
    lessonCells,
    create(root, { id, n, after }) {
      const cell = Object.assign(pageCell(root, { id, number: t.scratchNumber(n), label: `scratch cell ${n}`, original: '', store: scratchEdits }), { after, n });
      const saved = scratchEdits.status(id, '');
      if (saved.kind !== 'none') cell.source = saved.edit.source;
      return cell;
    },
    wire(cell, focus) {
      wireCell(cell);
      if (focus) void upgradeToEditor(cell, true);
    },
    adopt(cell, source) {
      setSource(cell, source, { save: false });
      void upgradeToEditor(cell, false);
    },
    changed: () => typeAssist?.changed(),
  });
  runAllButton?.addEventListener('click', () => void runAll());
  if (resetAllButton) resetAllButton.hidden = edits.count() === 0;
  resetAllButton?.addEventListener('click', () => {
    const previous = [...lessonCells, ...exerciseCells].filter((cell) => cell.source !== cell.original).map((cell) => ({ cell, source: cell.source }));
    for (const { cell } of previous) setSource(cell, cell.original);
    if (notebookBar) offerResetAllUndo(notebookBar, previous, t, restoreSource);
    // Edits another tab saved since are kept: their cells ask the reader instead.
    edits.discardAll();
    for (const cell of [...lessonCells, ...exerciseCells]) offerOtherTabChoice(cell);
    resetAllButton.hidden = edits.count() === 0;
  });

  // Exercises: their panel loads with the page when the lesson has any (their checks load on first use).
  if (exerciseCells.length > 0) {
    void import('./exercisePanel').then(({ startExercises }) => startExercises({
      lang: lessonData.lang,
      lesson: lessonData.lesson,
      exercises: (lessonData.exercises ?? []).map((data) => {
        const cell = exerciseCells.find((candidate) => candidate.id === `exercise-${data.id}`)!;
        return {
          ...data,
          root: cell.root.closest<HTMLElement>('[data-exercise]')!,
          code: () => currentSource(cell),
          setCode: (code: string) => { setSource(cell, code); void upgradeToEditor(cell, false); },
          run: async () => {
            cell.outcome = undefined;
            await runCell(cell);
            return cell.outcome ?? { status: 'error' as const, message: t.error };
          },
        };
      }),
      kernel: async () => {
        const kernel = await runtime();
        return { get: kernel.live.get, has: kernel.live.has, tensorflow: kernel.tensorflow };
      },
    }));
  }
  document.documentElement.dataset.notebookReady = 'true';
}
