/** The site's own interface text (header, footer, navigation) in the course's two languages. */
export type Lang = 'en' | 'zh';

export const LANGS: readonly Lang[] = ['en', 'zh'];

export const ui = {
  en: {
    htmlLang: 'en',
    siteTitle: 'Emergency vehicles with a neural network',
    defaultDescription: 'Train a neural network on emergency vehicle images, in your browser.',
    skip: 'Skip to content',
    searchLabel: 'Search the lessons',
    searchButton: 'Search',
    darkMode: 'Dark mode',
    languageName: 'English',
    switchTo: '中文',
    switchLabel: '阅读中文版',
    datasetPrefix: 'Dataset:',
    footer: 'An interactive course after the article "Improving deep learning models" (Analytics Vidhya). Everything runs in your browser; nothing is sent anywhere.',
    offlineSaving: 'Saving the course for offline use…',
    offlineSaved: 'Saved for offline use: the lessons and the dataset now work without a network on this device.',
    offlineFailed: 'The course could not be saved for offline use',
    offlineUnsupported: 'This browser cannot keep the course for offline use (no service workers, e.g. a private window).',
    allLessons: 'All lessons',
    lessonsNav: 'Lessons',
    onThisPage: 'On this page',
    inArticle: 'In the article:',
    untranslated: '(not yet translated: in English)',
  },
  zh: {
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
    footer: '一门交互式课程，依据 Analytics Vidhya 的文章《Improving deep learning models》编写。所有计算都在你的浏览器里进行，不向任何地方发送数据。',
    offlineSaving: '正在保存课程以供离线使用…',
    offlineSaved: '已保存供离线使用：在这台设备上，课程和数据集无需网络也能使用。',
    offlineFailed: '未能保存课程以供离线使用',
    offlineUnsupported: '此浏览器无法保存课程供离线使用（不支持 Service Worker，例如隐私窗口）。',
    allLessons: '全部课程',
    lessonsNav: '课程',
    onThisPage: '本页内容',
    inArticle: '对应文章：',
    untranslated: '（尚未翻译，英文）',
  },
} as const;

/** The address of a page in a language: English at the site's root, Chinese under zh/. */
export function localePath(base: string, lang: Lang, path = ''): string {
  const root = base.endsWith('/') ? base : `${base}/`;
  return lang === 'en' ? `${root}${path}` : `${root}zh/${path}`;
}
