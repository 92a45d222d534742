import type { CellContext } from '../context';
import type { ImageSet } from '../../ml/imageSet';
import { loadDataset as loadPayload, type LoadedDataset } from '../../ml/loadDataset';
import { trainTestSplitIndices } from '../../ml/split';
import { countLeakedValidationImages, groupAwareSplitIndices } from '../../ml/groupSplit';
import { imageGrid } from '../../viz/imageGrid';
import { locateDataset } from './datasetChoice';
import { datasetHash, manifestHashOf } from '../runReference';

// A dataset is fetched and decoded once per page and resolution, however often its cell reruns.
const loadedDatasets = new Map<string, Promise<LoadedDataset>>();
// Groups of identical images (from the import's quality report) of each loaded dataset.
const duplicateGroupsOf = new WeakMap<ImageSet, number[][]>();

/** The data names every lesson uses: load the dataset, split it, look at its images. */
export function dataLibrary(context: CellContext) {
  const doc = context.document;

  /**
   * Loads the course's active dataset at 32, 64 or 224 pixels a side (64 by default): the built-in one, or
   * the one imported in this browser that the reader chose; `dataset` names another (a stored id, or "built-in").
   */
  async function loadDataset({ resolution = 64, dataset }: { resolution?: number; dataset?: string } = {}): Promise<ImageSet> {
    const location = await locateDataset(dataset, context.datasetUrl, context.t.dataImport);
    const key = `${location.url}@${resolution}`;
    if (location.notice) context.display(Object.assign(doc.createElement('p'), { className: 'notice', textContent: location.notice }));
    const line = doc.createElement('p');
    line.className = 'load-status';
    line.textContent = context.t.dataset.loading(resolution);
    context.display(line);
    let pending = loadedDatasets.get(key);
    if (!pending) {
      pending = loadPayload(location.url, {
        resolution,
        fetch: location.fetch,
        onProgress: (p) => { if (p.phase === 'images') line.textContent = context.t.dataset.loadingFiles(resolution, p.done, p.total, (p.bytes / 1e6).toFixed(1)); },
      });
      loadedDatasets.set(key, pending);
      pending.catch(() => loadedDatasets.delete(key));
    }
    const loaded = await pending;
    duplicateGroupsOf.set(loaded.images, loaded.manifest.duplicateGroups ?? []);
    manifestHashOf.set(loaded.images, datasetHash(loaded.manifest));
    const [negatives, positives] = loaded.images.classCounts();
    line.textContent = context.t.dataset.loaded({
      title: loaded.manifest.dataset.title, count: loaded.images.count, side: resolution, emergency: positives, other: negatives,
      megabytes: (loaded.bytes / 1e6).toFixed(1), seconds: (loaded.milliseconds / 1000).toFixed(1),
    });
    line.setAttribute('data-dataset-loaded', String(loaded.images.count));
    return loaded.images;
  }

  /**
   * scikit-learn's train_test_split(X, y, test_size, random_state), with the same permutation.
   * `keepDuplicatesTogether` puts every group of identical images on one side, so that no
   * validation image has a copy in the training set; `leaked` counts those that do.
   */
  function trainTestSplit(data: ImageSet, { testSize = 0.3, randomState = 42, keepDuplicatesTogether = false }: { testSize?: number; randomState?: number; keepDuplicatesTogether?: boolean } = {}) {
    const groups = duplicateGroupsOf.get(data) ?? [];
    const split = keepDuplicatesTogether
      ? groupAwareSplitIndices(data.count, groups, { testSize, seed: randomState })
      : trainTestSplitIndices(data.count, { testSize, seed: randomState });
    const [train, validation] = [data.subset(split.train), data.subset(split.validation)];
    const hash = manifestHashOf.get(data);
    if (hash !== undefined) for (const part of [train, validation]) manifestHashOf.set(part, hash);
    return { train, validation, leaked: countLeakedValidationImages(split.train, split.validation, groups) };
  }

  /** Thumbnails of a few images of a set with their labels. */
  function showImages(data: ImageSet, { count = 12, indices }: { count?: number; indices?: number[] } = {}): HTMLElement {
    return imageGrid(data, { indices: indices ?? Array.from({ length: Math.min(count, data.count) }, (_, i) => i), document: doc });
  }

  return { loadDataset, trainTestSplit, showImages };
}
