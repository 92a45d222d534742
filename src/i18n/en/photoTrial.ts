/** tryYourPhoto(model) in a lesson's evaluation. */
export const photoTrial = {
  heading: 'Try it on your own photo',
  intro: (size: number) => `Choose a photo, drop one here, or paste one (Ctrl+V with this panel focused). It is shown as the network sees it: ${size}×${size} pixels. Nothing leaves your browser.`,
  pick: 'Choose a photo…',
  camera: 'Use the camera',
  snap: 'Take the photo',
  verdict: (probability: number, threshold: number, emergency: boolean) => `Probability of an emergency vehicle: ${(100 * probability).toFixed(1)} % → ${emergency ? 'emergency' : 'not an emergency'} (threshold ${threshold.toFixed(2)}).`,
  unreadable: (message: string) => `This photo cannot be used: ${message}.`,
  noCamera: (message: string) => `The camera is not available: ${message}.`,
};
