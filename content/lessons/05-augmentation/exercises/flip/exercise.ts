import { callReader, correct, defineExercise, notYet } from '../../../../../src/exercises/define';

/** One 2×3 image of one channel, pixels 1…6 row by row; its mirror image, and what the wrong axes give. */
const PIXELS = [1, 2, 3, 4, 5, 6];
const MIRRORED = [3, 2, 1, 6, 5, 4];
const UPSIDE_DOWN = [4, 5, 6, 1, 2, 3];

export default defineExercise({
  hints: [
    { en: '`tf.reverse(x, axis)` reverses the order along one axis. Left to right means the order of the columns.', zh: '`tf.reverse(x, axis)` 会把某一个轴上的顺序颠倒过来。左右翻转就是颠倒列的顺序。' },
    { en: 'The columns are axis 2 (0 is the image, 1 the row): `tf.reverse(images, 2)`.', zh: '列是第 2 轴（0 是图像，1 是行）：`tf.reverse(images, 2)`。' },
  ],
  async check({ get, tf }) {
    const flip = get('flipLeftRight');
    if (typeof flip !== 'function') return notYet({ en: 'The cell should define a function named `flipLeftRight`.', zh: '这个单元格应当定义一个名为 `flipLeftRight` 的函数。' });
    const input = tf.tensor4d(PIXELS, [1, 2, 3, 1]);
    try {
      const output = await callReader(() => flip(input) as unknown);
      if (!(output instanceof tf.Tensor)) return notYet({ en: `flipLeftRight returned ${String(output)}, not a tensor.`, zh: `flipLeftRight 返回了 ${String(output)}，不是张量。` });
      const values = await callReader(async () => [...(await output.data())]);
      const shape = output.shape.join('×');
      if (output !== input) output.dispose();
      if (shape !== '1×2×3×1') return notYet({ en: `For a batch of shape 1×2×3×1 flipLeftRight returned shape ${shape}: a flip keeps the shape.`, zh: `对于形状为 1×2×3×1 的批次，flipLeftRight 返回的形状是 ${shape}：翻转不会改变形状。` });
      const same = (a: number[]) => a.every((v, i) => v === values[i]);
      const shown = { en: `The image [[1, 2, 3], [4, 5, 6]] came back as [[${values.slice(0, 3).join(', ')}], [${values.slice(3).join(', ')}]]`, zh: `图像 [[1, 2, 3], [4, 5, 6]] 变成了 [[${values.slice(0, 3).join(', ')}], [${values.slice(3).join(', ')}]]` };
      if (same(MIRRORED)) return correct({ en: 'Right: each row now reads right to left. A vehicle seen in a mirror is the same vehicle, so each flipped image is a new, honest training example.', zh: '正确：现在每一行都从右往左排列。镜子里的车还是同一辆车，所以每张翻转的图像都是一个新的、真实可信的训练样本。' });
      if (same(UPSIDE_DOWN)) return notYet({ en: `${shown.en}: upside down. Reversing axis 1 flips the rows; left to right reverses the columns, axis 2.`, zh: `${shown.zh}：上下颠倒了。颠倒第 1 轴翻转的是行；左右翻转要颠倒列，也就是第 2 轴。` });
      if (same(PIXELS)) return notYet({ en: `${shown.en}: unchanged. Reverse the axis of the columns.`, zh: `${shown.zh}：没有变化。请颠倒列所在的轴。` });
      return notYet({ en: `${shown.en}; mirrored left to right it is [[3, 2, 1], [6, 5, 4]].`, zh: `${shown.zh}；左右翻转后应当是 [[3, 2, 1], [6, 5, 4]]。` });
    } finally {
      input.dispose();
    }
  },
});
