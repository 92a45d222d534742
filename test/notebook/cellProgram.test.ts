import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCellTypes } from '../../scripts/build-cell-types';
import { createCellLanguageService, type CellLanguageService, type TypePack } from '../../src/notebook/cellLanguageService';

// The cells of a notebook type-checked in order as one program (the CI check and the editor's worker).
let service: CellLanguageService;
beforeAll(() => {
  service = createCellLanguageService(ts, JSON.parse(readFileSync(buildCellTypes().path, 'utf8')) as TypePack);
}, 300_000);

const check = (...sources: string[]) => {
  service.setNotebook('test', sources.map((source, i) => ({ id: `c${i + 1}`, label: `cell ${i + 1}`, source })));
  return service.diagnostics('test').map(({ cellId, line, column, message }) => ({ cellId, line, column, message }));
};

describe('a notebook of cells as one program', () => {
  it('lets a cell use what earlier cells declare, with their types, and the lesson library with TF.js', () => {
    expect(check(
      "import * as tf from '@tensorflow/tfjs';\nconst data = await loadDataset({ resolution: 64 });\nlet epochs = 10;\nclass Box { size = 1 }\ninterface Config { units: number }",
      'const model = tf.sequential({ layers: [tf.layers.dense({ inputShape: [data.featureCount], units: 1 })] });\nepochs = 50;\nconst box: Box = new Box();\nconst config: Config = { units: box.size };',
      'const history = await fit(model, data, { epochs, batchSize: 128 });\nhistory.epochs.at(-1)?.val_acc',
    )).toEqual([]);
  });

  it('reports a wrong type, a misspelt option and an unknown name at their line and column in the cell', () => {
    expect(check("import * as tf from '@tensorflow/tfjs';", "const a = tf.layers.dense({ units: '10' });\nconst b = tf.layers.dense({ units: 1, activaton: 'relu' });\nnoSuchThing();")).toEqual([
      { cellId: 'c2', line: 1, column: 29, message: "Type 'string' is not assignable to type 'number'." },
      { cellId: 'c2', line: 2, column: 39, message: "Object literal may only specify known properties, but 'activaton' does not exist in type 'DenseLayerArgs'. Did you mean to write 'activation'?" },
      { cellId: 'c2', line: 3, column: 1, message: "Cannot find name 'noSuchThing'." },
    ]);
  });

  it('says when a name is defined by a later cell, and when a const of another cell is assigned', () => {
    expect(check('const rate = 0.1;', 'const x = later + 1;\nrate = 0.5;', 'const later = 2;')).toEqual([
      { cellId: 'c2', line: 1, column: 11, message: "Cannot find name 'later': it is defined in cell 3, which comes later on the page (run order is top to bottom)" },
      { cellId: 'c2', line: 2, column: 1, message: "Cannot assign to 'rate' because it is a constant: cell 1 declares it with const (declare it with let to assign it in later cells)" },
    ]);
  });

  it('lets a later cell declare a name again; the cells after it see the new declaration', () => {
    expect(check('const model = "small";', 'const model = 42;', 'const n: number = model;')).toEqual([]);
    expect(check('const model = 42;', 'const model = "small";', 'const n: number = model;')).toEqual([
      { cellId: 'c3', line: 1, column: 7, message: "Type 'string' is not assignable to type 'number'." },
    ]);
  });

  it('checks the lesson library calls against their declared types', () => {
    expect(check('const data = await loadDataset({ resolution: 64 });\nconst { train } = trainTestSplit(data, { testSize: "0.3" });\nplotHistory(train);')).toEqual([
      { cellId: 'c1', line: 2, column: 42, message: "Type 'string' is not assignable to type 'number'." },
      { cellId: 'c1', line: 3, column: 13, message: expect.stringMatching(/^Argument of type 'ImageSet' is not assignable to parameter of type 'History'/) },
    ]);
  });
});

describe("the language worker's answers", () => {
  const cellsWith = (...sources: string[]) => sources.map((source, i) => ({ id: `c${i + 1}`, label: `cell ${i + 1}`, source }));

  it('completes the options object of tf.layers.dense: `{ un` offers units, with its type and doc', async () => {
    const { createLanguageHandlers } = await import('../../src/notebook/languageHandlers');
    const handlers = createLanguageHandlers(ts, service);
    const cells = cellsWith("import * as tf from '@tensorflow/tfjs';", 'const layer = tf.layers.dense({ un');
    const offset = cells[1]!.source.length;
    const completions = handlers.completions({ cells, cellId: 'c2', offset })!;
    const units = completions.items.find((item) => item.label === 'units');
    expect(units).toMatchObject({ kind: 'property' });
    const details = handlers.details({ cells, cellId: 'c2', offset, name: 'units' })!;
    expect(details.signature).toBe('(property) DenseLayerArgs.units: number');
    expect(details.documentation).toMatch(/dimensionality of the output space/i);
  });

  it('shows the type and doc of a lesson library name, and signature help inside its call', async () => {
    const { createLanguageHandlers } = await import('../../src/notebook/languageHandlers');
    const handlers = createLanguageHandlers(ts, service);
    const cells = cellsWith('const data = await loadDataset({ resolution: 64 });');
    const hover = handlers.quickInfo({ cells, cellId: 'c1', offset: cells[0]!.source.indexOf('loadDataset') + 2 })!;
    expect(hover.signature).toMatch(/^function loadDataset\(options\?: \{[\s\S]*\bresolution\?: number;?[\s\S]*\}\): Promise<ImageSet>$/);
    expect(hover.documentation).toMatch(/active dataset/i);
    const help = handlers.signatureHelp({ cells, cellId: 'c1', offset: cells[0]!.source.indexOf('{ resolution') })!;
    expect(help.signatures[0]!.text).toMatch(/^loadDataset\(options\?: /);
  });
});
