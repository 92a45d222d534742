/**
 * `tryYourPhoto(model)`: the reader's own photo through the lesson's network. It takes a photo by file
 * picker, drag and drop, paste or the camera (the browser asks permission), turns it upright and stretches it
 * to the model's resolution exactly as the importer prepares the dataset's images (the same core functions),
 * shows it as the network sees it, the probability of "emergency" and the decision at the current threshold:
 * the evaluation's threshold control when the page has one (`[data-threshold-control]`), else 0.5.
 */
import type * as tf from '@tensorflow/tfjs';
import { canvasCodec } from '../../importer/browser/canvasCodec';
import { checkImageFile, orientPixels, withoutOrientation } from '../../importer/imageFile';
import { ImageSet } from '../../ml/imageSet';
import { predictProbabilities } from '../../ml/predict';
import type { CellContext } from '../context';

const SHOWN_PX = 192;

/** The side of the square images a model reads: its input is size × size × 3 values per image. */
function modelResolution(model: tf.LayersModel): number {
  const shape = model.inputs[0]!.shape;
  const features = shape.slice(1).reduce<number>((product, dim) => product * (dim ?? 0), 1);
  const size = Math.round(Math.sqrt(features / 3));
  if (size * size * 3 !== features) throw new Error(`the model reads ${features} values per image, which is not a square RGB image (size × size × 3)`);
  return size;
}

/** The current decision threshold of the page: the last evaluation's control, or 0.5. */
function currentThreshold(doc: Document): number {
  const controls = doc.querySelectorAll<HTMLInputElement>('[data-threshold-control]');
  const value = Number(controls[controls.length - 1]?.value);
  return Number.isFinite(value) && value >= 0 && value <= 1 && controls.length > 0 ? value : 0.5;
}

/** The photo's pixels as the importer would pack them at `size` (upright, stretched to a square). */
async function asTheNetworkSeesIt(bytes: Uint8Array, size: number): Promise<Uint8Array> {
  const checked = checkImageFile(bytes);
  if (!checked.info) throw new Error(checked.problem);
  const codec = canvasCodec();
  const decoded = await codec.decode(withoutOrientation(bytes, checked.info));
  const upright = orientPixels(decoded.rgb, decoded.width, decoded.height, checked.info.orientation);
  return codec.resize(upright, size);
}

export function photoTrialLibrary(context: CellContext) {
  /** A panel to try the model on your own photo; `threshold` fixes the decision threshold (default: the page's). */
  function tryYourPhoto(model: tf.LayersModel, { threshold }: { threshold?: number } = {}): HTMLElement {
    const doc = document;
    const t = context.t.photoTrial;
    const size = modelResolution(model);
    const make = <K extends keyof HTMLElementTagNameMap>(tag: K, text = '') => Object.assign(doc.createElement(tag), { textContent: text });
    const root = make('section');
    root.className = 'photo-trial';
    root.dataset.photoTrial = String(size);
    root.tabIndex = 0;
    const input = make('input');
    input.type = 'file';
    input.accept = 'image/jpeg,image/png,image/webp';
    input.dataset.photoInput = '';
    const pick = make('label', t.pick);
    pick.className = 'button';
    pick.append(input);
    const camera = make('button', t.camera);
    camera.type = 'button';
    camera.hidden = !navigator.mediaDevices?.getUserMedia;
    const canvas = make('canvas');
    canvas.width = canvas.height = size;
    canvas.style.width = canvas.style.height = `${SHOWN_PX}px`;
    canvas.style.imageRendering = 'pixelated';
    canvas.hidden = true;
    const video = make('video');
    video.hidden = true;
    video.muted = true;
    video.playsInline = true;
    const snap = make('button', t.snap);
    snap.type = 'button';
    snap.hidden = true;
    const verdict = make('p');
    verdict.dataset.photoVerdict = '';
    verdict.setAttribute('role', 'status');
    root.append(make('h3', t.heading), make('p', t.intro(size)), pick, ' ', camera, ' ', snap, video, canvas, verdict);

    let probability: number | undefined;
    const say = () => {
      if (probability === undefined) return;
      const cut = threshold ?? currentThreshold(doc);
      const emergency = probability > cut;
      verdict.textContent = t.verdict(probability, cut, emergency);
      verdict.dataset.probability = probability.toFixed(4);
      verdict.dataset.threshold = String(cut);
      verdict.dataset.decision = emergency ? 'emergency' : 'non-emergency';
    };
    // The evaluation's threshold control moves: the decision follows.
    const follow = (event: Event) => { if ((event.target as Element | null)?.closest?.('[data-threshold-control]')) say(); };
    doc.addEventListener('input', follow);

    async function tryBytes(bytes: Uint8Array): Promise<void> {
      try {
        const pixels = await asTheNetworkSeesIt(bytes, size);
        const rgba = new Uint8ClampedArray(size * size * 4);
        for (let i = 0; i < size * size; i++) rgba.set([pixels[i * 3]!, pixels[i * 3 + 1]!, pixels[i * 3 + 2]!, 255], i * 4);
        canvas.getContext('2d')!.putImageData(new ImageData(rgba, size, size), 0, 0);
        canvas.hidden = false;
        [probability] = await predictProbabilities(model, new ImageSet(size, pixels, new Uint8Array(1), ['photo']));
        say();
      } catch (error) {
        probability = undefined;
        verdict.textContent = t.unreadable((error as Error).message);
        verdict.dataset.decision = 'error';
      }
    }
    const tryBlob = async (blob: Blob) => tryBytes(new Uint8Array(await blob.arrayBuffer()));

    input.addEventListener('change', () => { const file = input.files?.[0]; input.value = ''; if (file) void tryBlob(file); });
    root.addEventListener('dragover', (event) => event.preventDefault());
    root.addEventListener('drop', (event) => {
      event.preventDefault();
      const file = event.dataTransfer?.files[0];
      if (file) void tryBlob(file);
    });
    // Pasting an image anywhere on the page while this panel has focus (or holds the pointer) tries it.
    root.addEventListener('paste', (event) => {
      const file = [...(event.clipboardData?.files ?? [])].find((candidate) => candidate.type.startsWith('image/'));
      if (file) { event.preventDefault(); void tryBlob(file); }
    });
    camera.addEventListener('click', async () => {
      try {
        const stream = await navigator.mediaDevices.getUserMedia({ video: true });
        video.srcObject = stream;
        video.hidden = snap.hidden = false;
        await video.play();
      } catch (error) {
        verdict.textContent = t.noCamera((error as Error).message);
      }
    });
    snap.addEventListener('click', () => {
      const frame = new OffscreenCanvas(video.videoWidth, video.videoHeight);
      frame.getContext('2d')!.drawImage(video, 0, 0);
      (video.srcObject as MediaStream | null)?.getTracks().forEach((track) => track.stop());
      video.hidden = snap.hidden = true;
      void frame.convertToBlob({ type: 'image/png' }).then(tryBlob);
    });
    return root;
  }
  return { tryYourPhoto };
}
