import type { Messages } from '../index';

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
