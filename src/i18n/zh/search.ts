import type { Messages } from '../index';

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
