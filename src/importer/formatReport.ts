/** The dataset report as the lines a terminal shows after an import (the JSON has the full lists); names are printed escaped. */
import { formatShare as formatPercent } from '../lib/numbers';
import { formatMegabytes, type DatasetReport, type SplitReport } from '../lib/datasetReport';
import { printable } from './names';

// Duplicate groups listed by name in the terminal; the JSON and the data page list them all.
const MAX_GROUPS_SHOWN = 5;

export function formatReport(report: DatasetReport): string[] {
  const { counts, quality, splits } = report;
  const layoutName = { article: 'article layout', kaggle: 'Kaggle layout', folders: 'two folders of photos' }[report.input.layout];
  const layout = `${layoutName}${report.input.zip ? ', from a zip' : ''}`;
  const lines = [
    `Dataset "${report.dataset.id}": ${printable(report.dataset.title)} (${layout}: ${printable(report.input.name)})`,
    `  images: ${counts.images} labelled, ${counts.emergency} emergency (${formatPercent(counts.emergency, counts.images)}), ${counts.nonEmergency} non-emergency; ${counts.unlabelled} unlabelled (kept out of the payload)`,
    `  sizes: ${report.sizes.map((size) => `${size.width}×${size.height} ×${size.count}`).join(', ') || 'none readable'}${report.normalised ? `; ${report.normalised} re-encoded as 224×224 RGB JPEG` : ''}`,
    'Data quality',
    `  exact duplicates (same decoded pixels): ${quality.duplicateGroups.length} groups holding ${quality.imagesInDuplicateGroups} images (${quality.redundantImages} redundant copies); ${quality.byteIdenticalGroups} groups are byte-identical files`,
    `  duplicate groups whose labels disagree: ${quality.conflictingGroups}`,
    ...quality.duplicateGroups
      .filter((group) => new Set(group.labels).size > 1)
      .slice(0, MAX_GROUPS_SHOWN)
      .map((group) => `    ${group.names.map((name, i) => `${printable(name)} (${group.labels[i]})`).join(' = ')}`),
    `  unreadable: ${quality.unreadable.length}${quality.unreadable.length ? ` (${quality.unreadable.slice(0, MAX_GROUPS_SHOWN).map((u) => printable(u.name)).join(', ')})` : ''}; not plain RGB: ${quality.notRgb.length}${quality.notRgb.length ? ` (${quality.notRgb.slice(0, MAX_GROUPS_SHOWN).map((u) => `${printable(u.name)}: ${u.space}, ${u.channels} channels`).join('; ')})` : ''}`,
    `  order: ${quality.order.verdict}. ${quality.order.explanation}`,
    `  longest run of one label: ${quality.order.longestRun.length} × ${quality.order.longestRun.label} from row ${quality.order.longestRun.start + 1}`,
    'Splits (70/30, random_state 42)',
    `  article's split: ${describeSplit(splits.article)}`,
    `  leakage-free:    ${describeSplit(splits.leakageFree)}${splits.leakageFree.moved ? `; ${splits.leakageFree.moved} images on the other side than in the article's split` : ''}`,
  ];
  if (report.payload) {
    const sprites = Object.entries(report.payload.spriteBytes).map(([size, bytes]) => `${size}×${size} ${formatMegabytes(bytes)}`);
    lines.push(`Payload: ${[...sprites, `224×224 originals ${formatMegabytes(report.payload.originalBytes)}`].join(', ')}`);
  }
  for (const warning of report.warnings) lines.push(`warning: ${printable(warning)}`);
  if (report.seconds !== undefined) lines.push(`Imported in ${report.seconds.toFixed(1)} s.`);
  return lines;
}

function describeSplit(split: SplitReport): string {
  return (
    `${split.train} train (${formatPercent(split.trainEmergency, split.train)} emergency) / ${split.validation} validation (${formatPercent(split.validationEmergency, split.validation)} emergency); ` +
    `${split.leakedValidationImages} validation images (${formatPercent(split.leakedValidationImages, split.validation)}) have an identical image in training`
  );
}
