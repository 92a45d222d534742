/** tryYourPhoto(model) in a lesson's evaluation: a photo by picker, drop or paste, as the network sees it, with the decision at the threshold. */
import { describe, expect, inject, it } from 'vitest';
import sharp from 'sharp';
import { pixels } from '../dataset/fixtures';
import { output, runAll, useBrowser } from './helpers';

const siteUrl = inject('siteUrl');
const browser = useBrowser();

describe('tryYourPhoto in the baseline lesson', () => {
  it('takes a photo by file picker, drop and paste, shows it at the lesson’s 64×64 and decides at 0.5', async () => {
    const page = await browser().newPage();
    await page.goto(`${siteUrl}lessons/01-baseline/?maxEpochs=1`);
    const states = await runAll(page, 480_000);
    expect(Object.entries(states).filter(([, state]) => state !== 'done')).toEqual([]);
    const panel = output(page, 'evaluate').locator('[data-photo-trial]');
    await expect(panel.getAttribute('data-photo-trial')).resolves.toBe('64');
    const verdict = panel.locator('[data-photo-verdict]');

    const photo = await sharp(pixels(3, 400, 300), { raw: { width: 400, height: 300, channels: 3 } }).png().toBuffer();
    await panel.locator('[data-photo-input]').setInputFiles({ name: 'my-car.png', mimeType: 'image/png', buffer: photo });
    await page.waitForFunction(() => document.querySelector('[data-photo-verdict]')?.getAttribute('data-decision'));
    const probability = Number(await verdict.getAttribute('data-probability'));
    expect(probability).toBeGreaterThan(0);
    expect(probability).toBeLessThan(1);
    await expect(verdict.getAttribute('data-threshold')).resolves.toBe('0.5');
    await expect(verdict.getAttribute('data-decision')).resolves.toBe(probability > 0.5 ? 'emergency' : 'non-emergency');
    await expect(verdict.textContent()).resolves.toBe(`Probability of an emergency vehicle: ${(100 * probability).toFixed(1)} % → ${probability > 0.5 ? 'emergency' : 'not an emergency'} (threshold 0.50).`);
    // The photo as the network sees it: 64 × 64 pixels, the photo's own colours.
    const seen = await panel.locator('canvas').evaluate((canvas: HTMLCanvasElement) => ({ width: canvas.width, height: canvas.height, red: canvas.getContext('2d')!.getImageData(10, 10, 1, 1).data[0] }));
    expect(seen).toMatchObject({ width: 64, height: 64, red: (3 * 37) % 256 });

    // Dropped and pasted: the same photo gives the same probability; a file that is no image says why.
    const send = (kind: 'drop' | 'paste', bytes: number[], type: string) =>
      panel.evaluate((element, { kind, bytes, type }) => {
        const data = new DataTransfer();
        data.items.add(new File([new Uint8Array(bytes)], 'x', { type }));
        element.dispatchEvent(kind === 'drop' ? new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }) : new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      }, { kind, bytes, type });
    await verdict.evaluate((element) => element.removeAttribute('data-decision'));
    await send('drop', [...photo], 'image/png');
    await page.waitForFunction(() => document.querySelector('[data-photo-verdict]')?.getAttribute('data-decision'));
    await expect(verdict.getAttribute('data-probability')).resolves.toBe(probability.toFixed(4));
    await verdict.evaluate((element) => element.removeAttribute('data-decision'));
    await send('paste', [...Buffer.from('not a photo')], 'image/png');
    await page.waitForFunction(() => document.querySelector('[data-photo-verdict]')?.getAttribute('data-decision'));
    await expect(verdict.textContent()).resolves.toBe('This photo cannot be used: not an image (unsupported or unknown file format).');
    await page.close();
  });
});
