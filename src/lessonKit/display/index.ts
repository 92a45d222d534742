/**
 * The lesson kit's display extension: TF.js tensors and models shown in cell output by the
 * notebook's inspector, which itself knows no TF.js (`src/notebook/` stays free of it).
 */
import { registerDisplayView } from '../../notebook/display';
import { modelView } from './modelView';
import { tensorView } from './tensorView';

export { modelView, tensorView };

/** Registers the TF.js views (idempotent): called by the lesson library before a cell runs. */
export function registerTensorflowViews(): void {
  registerDisplayView(tensorView);
  registerDisplayView(modelView);
}
