/**
 * The course's Chinese words: the same keys as en.ts (the type says so, and test/i18n/messages.test.ts
 * lists any key missing here), each in Chinese.
 */
import type { Messages } from './index';
import { formatCount, formatList } from '../notebook/format';

export const site: Messages['site'] = {
  htmlLang: 'zh-CN',
  siteTitle: '用神经网络识别紧急车辆',
  defaultDescription: '在浏览器里训练一个识别紧急车辆图像的神经网络。',
  skip: '跳到正文',
  searchLabel: '搜索课程',
  searchButton: '搜索',
  darkMode: '深色模式',
  languageName: '中文',
  switchTo: 'English',
  switchLabel: 'Read this page in English',
  datasetPrefix: '数据集：',
  useBuiltIn: '改用内置数据集',
  datasetBadgeTitle: (count, emergency) => `${count} 张图像，其中 ${emergency} 张是紧急车辆`,
  footer: '一门交互式课程，依据 Analytics Vidhya 的文章《Improving deep learning models》编写。所有计算都在你的浏览器里进行，不向任何地方发送数据。',
  offlineSaving: '正在保存课程以供离线使用…',
  offlineSaved: '已保存供离线使用：在这台设备上，课程和数据集无需网络也能使用。',
  offlineFailed: '未能保存课程以供离线使用',
  offlineUnsupported: '此浏览器无法保存课程供离线使用（不支持 Service Worker，例如隐私窗口）。',
  offlinePageTitle: '你现在处于离线状态',
  offlinePageText: '这个页面没有保存在本设备上，而且无法连接网络。已保存供离线使用的课程仍然可以使用：请从课程列表打开它们，或在恢复联网后再试这个地址。',
  allLessons: '全部课程',
  lessonsNav: '课程',
  onThisPage: '本页内容',
  inArticle: '对应文章：',
  untranslated: '（尚未翻译，英文）',
};

export const courseIndex: Messages['courseIndex'] = {
  title: '课程',
  heading: '早停、丢弃法和批量归一化为什么能帮助神经网络',
  lead: '这是一门动手实践的课程：你将在浏览器里训练一个小型神经网络（多层感知机），让它把紧急车辆——救护车、警车、消防车——与其他车辆区分开来。每个代码单元格都是可以编辑和运行的 TypeScript。然后，一课接一课，你会加入让模型具备泛化能力的各项技术。代码单元和它们的输出与英文版相同，讲解文字已翻译成中文。',
  datasetBefore: '当前使用的数据集是 ',
  datasetAfter: (count, emergency, generated) =>
    `：共 ${count} 张图像，其中 ${emergency} 张是紧急车辆（${generated ? '由本项目自带的生成器绘制，因此无需下载任何东西即可学习本课程' : '由你的老师导入'}）。`,
  dataLink: '数据集里有什么',
  dataRest: '：各类数量、完全相同的图像、标签冲突、类别顺序以及两种划分方式（英文页面）。',
  lessons: '课程列表',
};

export const search: Messages['search'] = {
  title: '搜索',
  heading: '搜索课程',
  label: '要查找的词',
  button: '搜索',
  loading: '正在搜索…',
  none: '没有课程提到',
  results: { one: '个课程提到', other: '个课程提到' },
  unavailable: '搜索只在构建好的网站上可用（npm run build 会用 Pagefind 建立索引）。',
  prompt: '输入一两个词：dropout、过拟合、早停……',
};

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

export const training: Messages['training'] = {
  classNames: ['非紧急', '紧急'],
  majorityPlateau: ({ from, to, rate, majority, minority }) =>
    `${from === to ? `第 ${from} 轮` : `从第 ${from} 轮到第 ${to} 轮`}，验证准确率一直停在 ${rate}，也就是验证集中"${majority}"图像所占的比例：` +
    `网络对每张图像都回答"${majority}"。当类别比例是网络找到的唯一规律时，它就会从这里起步——总是回答数量较多的类别，有 ${rate} 的时候是对的；` +
    `在第一层还没有学到${minority}车辆的任何特征之前，损失函数就已经奖励这种回答了。` +
    '它通常会自行结束：继续训练即可。更大的学习率、批量归一化，或把输入缩放到均值为 0，都能让网络更快地离开这个平台。',
};

export const exercises: Messages['exercises'] = {
  label: (id) => `练习：${id}`,
  heading: '练习',
  check: '检查',
  hint: '提示',
  solution: '显示答案',
  reset: '重置',
  checking: '正在检查…',
  hintLabel: (n, total) => `提示 ${n} / ${total}`,
  noMoreHints: '这已经是最后一条提示了。',
  confirmSolution: '要显示答案吗？答案会替换单元格中你的代码（“重置”可恢复初始代码）。',
  solutionsHidden: '本课程的这个版本不包含答案：请询问你的老师。',
  state: { unattempted: '尚未作答', incorrect: '还不对', correct: '正确 ✓' },
  starterUnchanged: '这还是初始代码：先填好空白处（____），再按“检查”。',
  blanksLeft: (count) => `还有 ${count} 个空白处（____）没有填写。`,
  readerError: (message) => `你的代码运行出错（错误显示在单元格下方）：${message}`,
  readerCallError: (message) => `检查调用你的代码时，它抛出了错误：${message}`,
  checkerFailed: (message) => `检查程序本身出错了（是课程的问题，不是你的代码的问题）：${message}`,
  predictQuestion: '运行之前，先写下你的预测：',
  predictFirst: '请先选择你的预测，然后按“检查”运行你的代码。',
  yourPrediction: '你的预测：',
  whatHappened: '实际结果：',
  solvedBefore: '你之前已经在这台设备上完成了这个练习。',
  progress: (done, total) => `${done} / ${total}${done === total ? ' ✓' : ''}`,
  progressLabel: (done, total) => `已完成练习：${done} / ${total}`,
  resetProgress: '重置我的进度',
  confirmResetProgress: '要忘记你在所有课程中完成了哪些练习吗？单元格中你的代码会保留。',
};

export const dataImport: Messages['dataImport'] = {
  heading: '使用你自己的数据',
  intro: '拖入文章的 Dataset.zip、文章或 Kaggle 布局的文件夹，或者两个装有你自己照片的文件夹（emergency/ 和 other/，JPEG、PNG 或 WebP，任意尺寸）。它会像命令行那样被检查，打包成 32、64 和 224 像素，并保存在这个浏览器里。不会上传任何内容。',
  nameLabel: '名称',
  namePlaceholder: '例如：我的照片',
  pickZip: '选择 zip 文件…',
  pickFolder: '选择文件夹…',
  dropHere: '或者把 zip、文件夹或两个照片文件夹拖到这里',
  cancel: '取消',
  phase: { reading: '读取并检查标签', packing: '检查并缩放图片', encoding: '打包精灵图' },
  progress: (phase, done, total) => `${phase}：${formatCount(done)} / ${formatCount(total)}`,
  imported: (title, megabytes, seconds) => `已导入“${title}”（在这个浏览器中占 ${megabytes} MB），用时 ${seconds} 秒。它现在是每一课的当前数据集。`,
  failed: '没有导入任何内容：',
  storedHeading: '这个浏览器中的数据集',
  builtIn: '内置数据集（随课程提供）',
  images: (count) => `${formatCount(count)} 张图片`,
  use: '使用',
  active: '当前',
  remove: '删除',
  noneStored: '还没有。',
  activeHeading: (title) => `当前数据集的样子：${title}`,
  samples: (className) => `${className} 图片示例`,
  duplicateGroups: (count) => `${formatCount(count)} 组完全相同的图片`,
  conflicts: (count) => `${formatCount(count)} 组标签不一致的相同图片`,
  labelsDisagree: '标签不一致',
  chooseHeading: '为这个页面选择数据集',
  chosen: (title) => `数据集：${title}。loadDataset() 现在会加载它。`,
  missing: (id) => `保存的数据集“${id}”已不在这个浏览器中，改用内置数据集。`,
};

export const photoTrial: Messages['photoTrial'] = {
  heading: '用你自己的照片试试',
  intro: (size) => `选择一张照片、拖到这里，或者粘贴（先选中这个面板再按 Ctrl+V）。它会按网络看到的样子显示：${size}×${size} 像素。照片不会离开你的浏览器。`,
  pick: '选择照片…',
  camera: '使用摄像头',
  snap: '拍照',
  verdict: (probability, threshold, emergency) => `是紧急车辆的概率：${(100 * probability).toFixed(1)} % → ${emergency ? '紧急车辆' : '不是紧急车辆'}（阈值 ${threshold.toFixed(2)}）。`,
  unreadable: (message) => `无法使用这张照片：${message}。`,
  noCamera: (message) => `摄像头不可用：${message}。`,
};

export const figures: Messages['figures'] = {
  thresholdLabel: '判定阈值',
  thresholdHelp: '模型给出的概率高于阈值时，图像被判为紧急车辆。移动阈值（可用方向键），在漏掉的紧急车辆和误报之间权衡。',
  thresholdSummary: ({ threshold, missed, emergencies, alarms, others, accuracy }) =>
    `阈值 ${threshold}：${emergencies} 辆紧急车辆中漏掉 ${missed} 辆（假阴性），${others} 辆其他车辆中有 ${alarms} 辆被判为紧急车辆（假阳性）；准确率 ${accuracy}。`,
  thresholdValueText: (threshold, missed, alarms) => `${threshold}：漏掉 ${missed} 辆，误报 ${alarms} 次`,
  costLabel: (n) => `漏掉一辆紧急车辆的代价相当于 ${n} 次误报`,
  costBefore: '漏掉一辆紧急车辆的代价相当于',
  costAfter: '次误报',
  costSuggestion: ({ threshold, cost, missed, alarms }) => `代价最低的阈值是 ${threshold}：漏掉 ${missed} 辆，误报 ${alarms} 次（代价相当于 ${cost} 次误报）。`,
  costUse: (threshold) => `使用阈值 ${threshold}`,
  costInvalid: (value) => `“${value}”不是误报次数（应为 0 或更大的数）；建议保持不变。`,
  rocTitle: (auc) => `ROC 曲线（曲线下面积 ${auc}）`,
  rocX: '假阳性率（被误判为紧急的其他车辆，%）',
  rocY: '真阳性率（识别出的紧急车辆，%）',
  prTitle: (ap) => `精确率–召回率曲线（平均精确率 ${ap}）`,
  prX: '召回率（识别出的紧急车辆，%）',
  prY: '精确率（判为紧急且确为紧急，%）',
  curvesCaption: (threshold, auc, ap) => `每条曲线上的圆点是当前阈值 ${threshold}。ROC 曲线下面积 ${auc}（0.5 相当于瞎猜，1 为完美排序）；平均精确率 ${ap}。`,
  missedAt: (threshold, shown, missed) =>
    missed === 0 ? `阈值 ${threshold} 时没有漏掉任何紧急车辆。` : `阈值 ${threshold} 时漏掉的紧急车辆${shown < missed ? `（${missed} 辆中的前 ${shown} 辆）` : ''}：`,
  cellButton: (count, what) => `${count}：显示${what}`,
  cellNames: { trueNegatives: '被判为其他车辆的其他车辆', falsePositives: '误报（被判为紧急的其他车辆）', falseNegatives: '漏掉的紧急车辆', truePositives: '识别出的紧急车辆' },
  cellHeading: (what, count, threshold) => `阈值 ${threshold} 时的${what}：${count} 张`,
  cellEmpty: '这一格没有图像。',
  cellPage: (from, to, total) => `第 ${from}–${to} 张，共 ${total} 张`,
  previous: '上一页',
  next: '下一页',
  close: '关闭',
  probability: (name, p) => `${name} · p = ${p}`,
  weightsSummary: '权重：第一层各单元的权重图，以及各层权重随训练轮次的变化',
  unitsCaption: (units, size, epoch) =>
    `每个方块是第一层 ${units} 个单元中的一个：它的 ${size}×${size}×3 个权重画在对应像素的位置（三种颜色取平均），第 ${epoch} 轮之后。橙色：该处像素越亮，单元输出越高；蓝色：越亮输出越低；白色：不起作用。每个单元按自己最大的权重缩放。杂乱的斑点是在死记硬背；平滑的色块是形状。`,
  unitsLabel: (units, epoch) => `第 ${epoch} 轮之后第一层 ${units} 个单元的权重图`,
  histogramTitle: (layer) => `${layer}：每轮的权重分布`,
  histogramX: '权重值',
  histogramY: '轮次',
  histogramCaption: (rows) => `颜色越深，表示该轮中取这个值的权重越多。各层权重的离散程度（标准差）：${rows}。`,
  histogramRow: (layer, first, last, epochs) => `${layer} 第 1 轮 ${first}，第 ${epochs} 轮 ${last}`,
  comparisonHeading: '本浏览器中各次训练的第一层权重',
  comparisonItem: (lesson, epochs, date) => `${lesson}，${epochs} 轮，${date}`,
};

export const hints: Messages['hints'] = {
  heading: '这次训练说明了什么',
  nonFinite: (epoch, metric) =>
    `${metric === 'loss' ? '训练' : '验证'}损失在第 ${epoch} 轮变成了 NaN 或无穷大，所以训练在那里停止：权重已不再是数值，继续训练也无法修复。常见原因是学习率相对输入过高（或输入没有缩放到 [0, 1]）。请降低学习率（例如缩小 10 倍），重新建立模型后再训练。`,
  noMovement: (epochs, change) =>
    `前 ${epochs} 轮训练损失只变化了 ${change}：权重几乎没有改变。学习率相对这个输入尺寸太小就会这样——文章的 1e-5 是为 224×224 图像调的；在 64×64 时每个权重得到的梯度少得多，所以课程把它放大了。`,
  validationAboveTraining: (epochs, total) =>
    `${total} 轮中有 ${epochs} 轮验证准确率高于训练准确率。使用 dropout 时这是正常的，不是错误：训练准确率是在被随机丢弃单元的“变薄”网络上测得的（并且是权重仍在变化时整轮的平均），验证准确率则是在每轮结束时用完整网络测得的。`,
  overfitting: (epoch, loss, after) =>
    `过拟合点：验证损失最后一次下降超过课程的最小改善量（0.01）是在第 ${epoch} 轮（${loss}），之后 ${after} 轮都没有再这样下降。从那以后，网络对训练图像拟合得更好，对新图像却更差——这正是提前停止和模型检查点（第 2 课和第 6 课）要处理的。`,
};

export const references: Messages['references'] = {
  label: (runs, dataset) => `参考：课程构建时运行的 ${runs} 次结果，${dataset}`,
  defaultDataset: '默认数据集',
  capped: (epochs) => `（训练限制为 ${epochs} 轮）`,
  explain: '阴影：逐轮从各次运行的最低值到最高值；虚线：它们的中位数。运行该单元格，你自己的结果会画在它上面。',
  final: (what, low, high, median, epochs) => `最终${what}：${low} 至 ${high}（中位数 ${median}），共 ${epochs} 轮。`,
  validationAccuracy: '验证准确率',
  trainingAccuracy: '训练准确率',
  behindRun: (runs) => `你的运行之下：${runs} 次参考运行的范围带和中位数虚线。曲线落在带内是不同种子之间的噪声；落在带外才是真正的差别。`,
  cellsChanged: '已过期：本课的单元格与生成此参考时不同（种子除外）；运行 `npm run references` 重新生成。',
  otherDataset: '此参考基于默认数据集；运行 `npm run references` 为你的数据集生成参考。',
  edited: '你修改了本课的单元格：此参考是用发布时的单元格生成的。运行该单元格，看看它是否仍然适用。',
  chart: (metric, runs) => `${metric}逐轮变化：${runs} 次参考运行的范围带与中位数，训练与验证`,
};
