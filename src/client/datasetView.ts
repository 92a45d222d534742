/**
 * What a dataset looks like, drawn in the page: a sample of images per class, and for an imported set its
 * groups of identical images with label conflicts first, as thumbnails. Works on the built-in payload and on
 * one stored in this browser alike (`imageUrl` says where an original is).
 */
import type { DatasetReport } from '../lib/datasetReport';
import type { DatasetManifest } from '../ml/manifest';
import type { Messages } from '../i18n';

const SAMPLE_PER_CLASS = 8;
const GROUPS_SHOWN = 12;

export interface DatasetViewInput {
  manifest: DatasetManifest;
  report?: DatasetReport;
  imageUrl(name: string): Promise<string>;
  t: Messages['dataImport'];
}

async function thumbnail(input: DatasetViewInput, name: string, label: number): Promise<HTMLElement> {
  const figure = document.createElement('figure');
  const image = document.createElement('img');
  image.src = await input.imageUrl(name);
  image.width = image.height = 64;
  image.alt = `${name}, ${input.manifest.classes[label]}`;
  const caption = document.createElement('figcaption');
  caption.textContent = `${name} · ${label}`;
  figure.append(image, caption);
  return figure;
}

const row = (className: string, items: HTMLElement[]) => {
  const list = document.createElement('div');
  list.className = `thumbnail-row ${className}`;
  list.append(...items);
  return list;
};

export async function datasetView(input: DatasetViewInput): Promise<HTMLElement> {
  const { manifest, report, t } = input;
  const section = document.createElement('section');
  section.dataset.datasetView = manifest.dataset.id;
  const heading = document.createElement('h2');
  heading.textContent = t.activeHeading(manifest.dataset.title);
  section.append(heading);
  for (const label of [1, 0]) {
    const indices = manifest.labels.flatMap((value, index) => (value === label ? [index] : [])).slice(0, SAMPLE_PER_CLASS);
    const title = document.createElement('h3');
    title.textContent = t.samples(manifest.classes[label]!);
    const items = await Promise.all(indices.map((index) => thumbnail(input, manifest.names[index]!, label)));
    const samples = row('samples', items);
    samples.dataset.samplesOf = String(label);
    section.append(title, samples);
  }
  if (report) {
    const groups = report.quality.duplicateGroups;
    const conflicting = groups.filter((group) => new Set(group.labels).size > 1);
    const title = document.createElement('h3');
    title.textContent = `${t.duplicateGroups(groups.length)}; ${t.conflicts(conflicting.length)}`;
    section.append(title);
    const shown = [...conflicting, ...groups.filter((group) => !conflicting.includes(group))].slice(0, GROUPS_SHOWN);
    for (const group of shown) {
      const items = await Promise.all(group.names.map((name, i) => thumbnail(input, name, group.labels[i]!)));
      const line = row('duplicate-group', items);
      if (conflicting.includes(group)) {
        line.dataset.conflict = '';
        const tag = document.createElement('strong');
        tag.textContent = t.labelsDisagree;
        line.append(tag);
      }
      section.append(line);
    }
  }
  return section;
}
