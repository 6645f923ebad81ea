/**
 * lib/processing: a model version's declared processing (derived columns from formulas, standardisation, an output
 * transform, what the output means), checked at declaration and applied around the model. Pure: no Node, React, Next
 * or Prisma imports; it runs unchanged in the server's scoring child, the browser's what-if worker and tests.
 */
export * from "./errors";
export { FORMULA_FUNCTIONS, compileFormula, type CompiledFormula, type RowValue } from "./formulas";
export {
  MEANINGS_BY_TASK,
  TRANSFORMS_BY_TASK,
  canonicalProcessingJson,
  columnsBeforeProcessing,
  declareProcessing,
  isNoProcessing,
  normaliseScaler,
  storedProcessing,
  type DeclarationContext,
  type ProcessingTask,
} from "./declare";
export { applyInputProcessing, applyOutputProcessing, compileProcessing, scoreWithProcessing, type CompiledProcessing } from "./apply";
