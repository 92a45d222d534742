import type { Messages } from '../index';

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
