/** Hints under a training cell's output, triggered by what the run did (src/ml/runHints.ts). */
export const hints = {
  heading: 'What this run shows',
  nonFinite: (epoch: number, metric: string) =>
    `The ${metric === 'loss' ? 'training' : 'validation'} loss became NaN or infinite at epoch ${epoch}, so training was stopped there: the weights are no longer numbers, and more epochs cannot repair them. The usual cause is a learning rate too high for the inputs (or inputs not scaled to [0, 1]). Lower the learning rate (e.g. by 10×), rebuild the model and train again.`,
  noMovement: (epochs: number, change: string) =>
    `The training loss moved by only ${change} over the first ${epochs} epochs: the weights are barely changing. A learning rate too small for this input size does this — the article's 1e-5 is tuned for 224×224 images; at 64×64 each weight gets far less gradient, which is why the lessons scale it up.`,
  validationAboveTraining: (epochs: number, total: number) =>
    `Validation accuracy was above training accuracy in ${epochs} of ${total} epochs. With dropout that is expected, not a mistake: training accuracy is measured on the thinned network (units dropped at random, and averaged over an epoch while the weights still change), validation accuracy on the full network at the epoch's end.`,
  overfitting: (epoch: number, loss: string, after: number) =>
    `The overfitting point: validation loss last fell by more than the course's min delta (0.01) at epoch ${epoch} (${loss}), and has not for the ${after} epochs since. From there on the network fits the training images better and new images worse — what early stopping and checkpointing (lessons 2 and 6) act on.`,
};
