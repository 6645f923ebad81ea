/**
 * lib/onnx, pure half: model signature, preparation (ZipMap and shape quirks), feature encoding and
 * output decoding. No Node, React, Next or Prisma imports and no onnxruntime import: it runs
 * unchanged in the browser, a Web Worker and Node. Sessions live in session-node.ts and
 * session-browser.ts, which share all of this.
 */
export * from "./errors";
export type { ElementType, FeedElementType } from "./element-type";
export type * from "./signature";
export type * from "./plan";
export { formatShape } from "./describe-value";
export { parseFeatureNames } from "./feature-names";
export { inspectModel } from "./inspect-model";
export { prepareModel } from "./prepare-model";
export {
  inputSlots,
  mappingProblems,
  prepareOptionsFromMapping,
  proposeInputMapping,
  readInputSlots,
  type ColumnMapping,
  type InputSlot,
  type MappingProblem,
  type ProposedMapping,
} from "./input-mapping";
export { checkDeclaredOutputs, probeOutputs, probeRows, type OutputDeclaration } from "./output-checks";
export { DEFAULT_MODEL_LIMITS, checkModelLimits, modelLimitsFromEnv, modelTooLargeError, type ModelLimits } from "./model-limits";
export { PrepareOptionsSchema, parsePrepareOptions, type PrepareOptions } from "./prepare-options";
export { bindColumns, tableRows, type CategoricalColumn, type ColumnSource, type FeatureColumn } from "./columns";
export { encodeBatch, type EncodedBatch, type EncodedTensor, type FeedData } from "./encode-batch";
export { decodeOutputs, OutputCollector, type DecodeOptions, type DecodedOutputs, type RawOutputs, type RawTensor } from "./decode-outputs";
export {
  DEFAULT_BATCH_SIZE,
  dryRunColumns,
  scoreColumns,
  syntheticRows,
  type DryRunResult,
  type ScoreOptions,
  type ScoredTable,
  type TensorRunner,
} from "./score-loop";
export { makeScoringSession, type ScoringSession } from "./scoring-session";
