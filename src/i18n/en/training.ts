/** What the lesson library prints about a training run, beside its curves. */
export const training = {
  /** The two classes, by label: 0 and 1. */
  classNames: ['non-emergency', 'emergency'] as [string, string],
  /** Validation accuracy sat at the majority class's share: the network answered that class for every image. */
  majorityPlateau: ({ from, to, rate, majority, minority }: { from: number; to: number; rate: string; majority: string; minority: string }) =>
    `${from === to ? `In epoch ${from}` : `From epoch ${from} to ${to}`} validation accuracy stayed at ${rate}, the share of ${majority} images in the validation set: ` +
    `the network answered "${majority}" for every image. That is where a network starts when the class balance is the only pattern it has found yet — ` +
    `answering the larger class is right ${rate} of the time, and the loss rewards it before the first layer has learned any feature of ${minority} vehicles. ` +
    'It usually ends by itself: keep training. A larger learning rate, batch normalization or inputs scaled to mean 0 get the network off it sooner.',
};
