import type { Messages } from '../index';
import { formatCount, formatList } from '../../notebook/format';

export const notebook: Messages['notebook'] = {
  cellLabel: (n) => `代码单元格 ${n}`,
  codeLabel: (n) => `单元格 ${n} 的代码：获得焦点或点击即可编辑`,
  editorLabel: (n) => `单元格 ${n} 的代码`,
  run: '运行',
  stop: '停止',
  reset: '还原',
  resetTitle: '放弃你的修改，恢复课程原来的代码',
  notebook: '笔记本',
  runAll: '全部运行',
  staleSince: (n, names) => `已过期：单元格 ${n} 在此之后改变了 ${names.map((name) => `\`${name}\``).join('、')}`,
  staleEdited: (n, names) => `已过期：定义了 ${names.map((name) => `\`${name}\``).join('、')} 的单元格 ${n} 在此之后被修改过`,
  addScratch: '+ 草稿单元格',
  addScratchTitle: '在这里打开一个空的代码单元格，与课程的单元格共用同一个作用域：试一个想法，而不改动课程的代码',
  scratchNumber: (n) => `草稿 ${n}`,
  deleteScratch: '删除',
  deleteScratchTitle: '删除这个草稿单元格及其代码',
  scratchDeleted: (n, lines, firstLine) =>
    lines === 0 ? `草稿单元格 ${n}（空的）已删除。` : `草稿单元格 ${n} 已删除，连同它的代码（${formatCount(lines)} 行，开头是“${firstLine}”）；除非撤销，它将丢失。`,
  scratchDeletedInOtherTab: '这个草稿单元格已在本课的另一个标签页中删除。在你选择之前，它会留在这里。',
  deleteHere: '这里也删除',
  runBelow: '运行此单元格及以下',
  runBelowTitle: '运行这个单元格，再按顺序运行它后面的每个单元格',
  undoReset: '撤销',
  dismiss: '关闭',
  cellReset: (n) => `单元格 ${n} 已恢复为课程代码；除非撤销，你的修改将丢失。`,
  allReset: (numbers) => `单元格 ${numbers.join('、')} 已恢复为课程代码；除非撤销，你的修改将丢失。`,
  runningAll: '正在全部运行…',
  resetAll: '还原全部修改',
  resetAllTitle: '放弃你在本课所有单元格中的修改',
  nothingRun: '还没有运行任何代码。只有按下“运行”时，单元格才会运行。',
  kernelDetails: '详情',
  kernelSummary: (backend, threads) => `${backend} · ${threads} 个线程`,
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
  pageBlocked: (seconds) =>
    `这个单元格运行时，页面有 ${seconds} 秒没有响应，其间“停止”按钮也无法起作用。单元格代码中的循环运行 5 秒后会被停止，但有些代码无法在页面上中断：` +
    '大量回溯的正则表达式、对浏览器或函数库的一次长时间调用。如果页面再次卡住，请关闭或重新加载这个标签页（你的修改已保存），并缩小输入。',
  changedInOtherTab: '这个单元格在本课的另一个标签页中被修改了。在你选择保留哪份代码之前，什么都不会被覆盖。',
  resetInOtherTab: '这个单元格在本课的另一个标签页中被还原为课程代码。在你选择保留哪份代码之前，什么都不会被覆盖。',
  keepMine: '保留我的',
  takeTheirs: '采用另一个标签页的',
  editNotSaved: '没有保存：浏览器为本站提供的存储空间已满。你的修改会留在这个页面上，直到你重新加载或关闭它。' +
    '要保留它，请按“导出 .ipynb”（或复制代码），然后腾出空间：在不再需要修改的课程中按“还原全部修改”、' +
    '在第 07 课运行 clearRuns()（清空训练记录对比），或在浏览器设置中清除本站数据。',
  runsPrunedForEdit: (count) =>
    `浏览器为本站提供的存储空间已满：为了保存你的修改，训练记录对比（第 07 课）中最早的 ${count} 次训练记录已被删除。`,
  backendUnknown: (requested, available, chosen) =>
    `?backend=${requested} 不是本页的 TensorFlow.js 后端（本页有 ${formatList(available, '和', '、')}），所以单元格在自动选择的 ${chosen} 上运行。请使用 ${available.map((name) => `?backend=${name}`).join('、')}，或者去掉 ?backend=。`,
  kernelFailed: (message) => `笔记本无法启动：${message}。请检查网络连接后再按“运行”；如果一直失败，请重新加载页面。`,
  moreLines: (count, hidden) => `再显示 ${formatCount(count)} 行（还有 ${formatCount(hidden)} 行未显示）`,
  moreCharacters: (hidden) => `显示更多（还有 ${formatCount(hidden)} 个字符）`,
  linesDropped: (count) => `……另有 ${formatCount(count)} 行没有保留：每个单元格最多保留约 5 MB 的折叠输出`,
};
