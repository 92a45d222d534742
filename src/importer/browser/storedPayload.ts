/**
 * A dataset stored in this browser, read as the lesson loader reads a payload on the site: `storedFetch`
 * answers loadDataset's requests for "stored:<id>/<file>" from the store, so the loader (src/ml/loadDataset.ts)
 * is the same for both and nothing goes to the network.
 */
import { readStoredFile } from './datasetStore';

export const storedPayloadUrl = (id: string) => `stored:${id}/`;

export const storedFetch: typeof fetch = async (input) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  if (!url.startsWith('stored:')) return fetch(input);
  const [id, ...rest] = url.slice('stored:'.length).split('/');
  const path = rest.map(decodeURIComponent).join('/');
  const blob = await readStoredFile(id!, path);
  return blob ? new Response(blob, { status: 200 }) : new Response(null, { status: 404, statusText: `${path} is not in the stored dataset ${id}` });
};
