/**
 * The notebook's controls in the course's two languages: cell toolbars (written at build time by
 * remarkCells) and the lesson page's buttons and status lines (src/client/lessonPage.ts). What cells
 * print — their output, errors, the kernel's backend line — is the same in both: the cells are shared.
 */
import type { Lang } from '../layouts/i18n';
import { formatList } from './format';

export interface NotebookText {
  cellLabel(number: string | number): string;
  codeLabel(number: string | number): string;
  editorLabel(number: string | number): string;
  run: string;
  stop: string;
  reset: string;
  resetTitle: string;
  notebook: string;
  runAll: string;
  runningAll: string;
  resetAll: string;
  resetAllTitle: string;
  nothingRun: string;
  runAllStopped(number: string | number): string;
  waiting: string;
  running: string;
  stopping: string;
  doneIn(seconds: string): string;
  error: string;
  memory(tensors: number, megabytes: string): string;
  memoryTitle: string;
  exportButton: string;
  exportTitle: string;
  /** The first cell of an exported notebook: where it came from, and where its lesson library lives. */
  exportFailed(message: string): string;
  exportAbout(about: { title: string; url: string; date?: string; edited: boolean }): string;
  editConflict(savedAt: string): string;
  useMine: string;
  keepNew: string;
  /** `?backend=` named no backend of this page; training runs on `chosen`. */
  backendUnknown(requested: string, available: string[], chosen: string): string;
  /** The kernel itself (its code, TF.js) could not be loaded or started. */
  kernelFailed(message: string): string;
}

export const notebookText: Record<Lang, NotebookText> = {
  en: {
    cellLabel: (n) => `Code cell ${n}`,
    codeLabel: (n) => `Code of cell ${n}: focus or click to edit`,
    editorLabel: (n) => `Code of cell ${n}`,
    run: 'Run',
    stop: 'Stop',
    reset: 'Reset',
    resetTitle: "Discard your edits and restore the lesson's code",
    notebook: 'Notebook',
    runAll: 'Run all',
    runningAll: 'Running all…',
    resetAll: 'Reset all edits',
    resetAllTitle: 'Discard your edits in every cell of this lesson',
    nothingRun: 'Nothing has run yet. Cells run only when you press Run.',
    runAllStopped: (n) => `Run all stopped at cell ${n}, which ended with an error.`,
    waiting: 'waiting…',
    running: 'running…',
    stopping: 'stopping…',
    doneIn: (seconds) => `done in ${seconds} s`,
    error: 'error',
    memory: (tensors, megabytes) => `Memory: ${tensors} tensor${tensors === 1 ? '' : 's'} · ${megabytes} MB`,
    memoryTitle: 'Memory that TensorFlow.js holds on this page: tensors, and their size',
    exportButton: 'Export .ipynb',
    exportTitle: 'Download this lesson, with your edits, as a Jupyter notebook (TypeScript cells, Markdown prose)',
    exportFailed: (message) => `The notebook could not be exported: ${message}. Your edits are kept; try again when the page is back online.`,
    exportAbout: ({ title, url, date, edited }) =>
      `*${edited ? 'Exported' : 'Made'} from [${title}](${url})${date ? ` on ${date}` : ''}${edited ? ', with your edits' : ''}.* ` +
      "The code cells are TypeScript (kernel: tslab). They use the course's lesson library — `display`, `loadDataset`, " +
      '`trainTestSplit`, `fit`, `evaluate`, `plotHistory`, `showImages` — which exists only on the course page, so run them there.',
    editConflict: (savedAt) => `You edited this cell on ${savedAt}, and the lesson's code for it has changed since. Your edit was not applied.`,
    useMine: 'Use my edit',
    keepNew: "Keep the lesson's new code",
    backendUnknown: (requested, available, chosen) =>
      `?backend=${requested} is not a TensorFlow.js backend of this page (it has ${formatList(available)}), so the cells run on ${chosen}, the automatic choice. Use ${available.map((name) => `?backend=${name}`).join(', ')} or no ?backend= at all.`,
    kernelFailed: (message) => `The notebook could not start: ${message}. Check the network connection and press Run again; if it keeps failing, reload the page.`,
  },
  zh: {
    cellLabel: (n) => `代码单元格 ${n}`,
    codeLabel: (n) => `单元格 ${n} 的代码：获得焦点或点击即可编辑`,
    editorLabel: (n) => `单元格 ${n} 的代码`,
    run: '运行',
    stop: '停止',
    reset: '还原',
    resetTitle: '放弃你的修改，恢复课程原来的代码',
    notebook: '笔记本',
    runAll: '全部运行',
    runningAll: '正在全部运行…',
    resetAll: '还原全部修改',
    resetAllTitle: '放弃你在本课所有单元格中的修改',
    nothingRun: '还没有运行任何代码。只有按下“运行”时，单元格才会运行。',
    runAllStopped: (n) => `全部运行在单元格 ${n} 处停止：该单元格运行出错。`,
    waiting: '等待中…',
    running: '运行中…',
    stopping: '正在停止…',
    doneIn: (seconds) => `完成，用时 ${seconds} 秒`,
    error: '出错',
    memory: (tensors, megabytes) => `内存：${tensors} 个张量 · ${megabytes} MB`,
    memoryTitle: 'TensorFlow.js 在本页占用的内存：张量个数及其大小',
    exportButton: '导出 .ipynb',
    exportTitle: '把本课（包括你的修改）下载为 Jupyter 笔记本（TypeScript 单元格，Markdown 文字）',
    exportFailed: (message) => `无法导出笔记本：${message}。你的修改仍然保留；请在页面恢复联网后再试。`,
    exportAbout: ({ title, url, date, edited }) =>
      `*${edited ? '导出自' : '生成自'}[${title}](${url})${date ? `，${date}` : ''}${edited ? '，包含你的修改' : ''}。* ` +
      '代码单元格是 TypeScript（内核：tslab）。它们用到课程的函数库——`display`、`loadDataset`、' +
      '`trainTestSplit`、`fit`、`evaluate`、`plotHistory`、`showImages`——这些只存在于课程页面上，请在那里运行。',
    editConflict: (savedAt) => `你在 ${savedAt} 修改过这个单元格，而课程中这个单元格的代码后来改变了。你的修改没有被应用。`,
    useMine: '使用我的修改',
    keepNew: '保留课程的新代码',
    backendUnknown: (requested, available, chosen) =>
      `?backend=${requested} 不是本页的 TensorFlow.js 后端（本页有 ${formatList(available, '和', '、')}），所以单元格在自动选择的 ${chosen} 上运行。请使用 ${available.map((name) => `?backend=${name}`).join('、')}，或者去掉 ?backend=。`,
    kernelFailed: (message) => `笔记本无法启动：${message}。请检查网络连接后再按“运行”；如果一直失败，请重新加载页面。`,
  },
};

/** The notebook language of the page, from <html lang> (zh-CN → zh). */
export function documentLang(doc: Document): Lang {
  return doc.documentElement.lang.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}
