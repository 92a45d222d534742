/** The course's front page. */
export const courseIndex = {
  title: 'Course',
  heading: 'Why early stopping, dropout and batch normalization help a network',
  lead: 'A hands-on course: you train a small neural network (a multilayer perceptron) to tell emergency vehicles — ambulances, police cars, fire trucks — from other vehicles, right here in the browser. Every code cell is TypeScript you can edit and run. Then, one lesson at a time, you add the techniques that make it generalise.',
  datasetBefore: 'The active dataset is ',
  datasetAfter: (count: number, emergency: number, generated: boolean) =>
    `: ${count} images, ${emergency} of them emergency vehicles (${generated ? "drawn by the project's own generator, so the course works with no download" : 'imported by your instructor'}).`,
  dataLink: 'What is in the dataset',
  dataRest: ': counts, identical images, label conflicts, class order and the two splits.',
  lessons: 'Lessons',
};
