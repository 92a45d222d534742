import { describe, expect, it } from 'vitest';
import { attempt, exerciseOf } from './attempt';

const LESSON = '06-checkpointing';

describe('06-checkpointing/checkpoint-settings (what the code built: checkpoint settings)', () => {
  it('its solution is correct', async () => {
    const { solution } = await exerciseOf(LESSON, 'checkpoint-settings');
    expect((await attempt(LESSON, 'checkpoint-settings', solution)).state).toBe('correct');
  });

  it("mode 'max' on a loss keeps the worst epoch: not yet, saying so; the lesson's monitor is named too", async () => {
    const { solution } = await exerciseOf(LESSON, 'checkpoint-settings');
    expect((await attempt(LESSON, 'checkpoint-settings', solution.replace("mode: 'min'", "mode: 'max'"))).message).toEqual({
      en: "mode is max: it would keep the highest loss, the worst epoch. A loss is best at its minimum: 'min'.",
      zh: "mode 是 max：这样会保留最高的损失，也就是最差的一轮。损失在最小时最好：'min'。",
    });
    expect((await attempt(LESSON, 'checkpoint-settings', solution.replace("monitor: 'val_loss'", "monitor: 'val_accuracy'"))).message.en).toBe("lossCheckpoint watches val_acc; the task keeps the lowest validation loss, 'val_loss'.");
  });
});

describe('06-checkpointing/best-epoch (what the code built: a function checked on a known run)', () => {
  it('its solution is correct', async () => {
    const { solution } = await exerciseOf(LESSON, 'best-epoch');
    expect((await attempt(LESSON, 'best-epoch', solution)).state).toBe('correct');
  });

  it('keeping a later tie (>=) is not yet: a checkpoint saves only a strictly better epoch', async () => {
    const { solution } = await exerciseOf(LESSON, 'best-epoch');
    const verdict = await attempt(LESSON, 'best-epoch', solution.replace(') > (best', ') >= (best'));
    expect(verdict).toMatchObject({ state: 'incorrect', message: { en: expect.stringMatching(/bestEpoch gives 5: a later tie\. A checkpoint saves only a strictly better epoch/) } });
    expect((await attempt(LESSON, 'best-epoch', solution.replace('return best.epoch;', 'return run.epochs.length - 1;'))).message.en).toMatch(/gives 6: the last epoch, not the best\.$/);
  });
});
