/**
 * The one error type of lib/onnx. `code` is stable (the API and the UI switch on it); `message` is
 * a full sentence for a person: what is wrong with the model or the data, then what to do.
 */
export type OnnxModelErrorCode =
  /** The file has zero bytes. */
  | "EMPTY_FILE"
  /** The bytes are not an ONNX protobuf (or not a model with a graph). */
  | "NOT_ONNX"
  /** The file is an ONNX protobuf cut off before its end. */
  | "TRUNCATED"
  /** Weights live in a separate file (ONNX external data). */
  | "EXTERNAL_DATA"
  /** The file or its graph is over a size limit (file size, weights, nodes, loop rounds, constant shapes). */
  | "MODEL_TOO_LARGE"
  /** An operator set newer (or older) than the runtime runs. */
  | "UNSUPPORTED_OPSET"
  /** An output gives more values per row than Sightline reads. */
  | "OUTPUT_TOO_LARGE"
  /** An input Sightline cannot build from a table (image tensor, sequence, map, unsupported type). */
  | "UNSUPPORTED_INPUT"
  /** No output gives a label, probabilities or a numeric prediction. */
  | "UNSUPPORTED_OUTPUT"
  /** The output is many values per row with no declared meaning (a feature transformer), or classes nobody named. */
  | "NOT_A_PREDICTION"
  /** A yes/no model's score falls outside 0 to 1 and was not declared a raw score. */
  | "SCORE_OUT_OF_RANGE"
  /** A `[N, F]` input names no features and no mapping was given. */
  | "FEATURE_NAMES_REQUIRED"
  /** Feature names or a mapping do not fit the model (wrong count, duplicates, unknown input). */
  | "FEATURE_NAMES_MISMATCH"
  /** Options passed to prepareModel are malformed. */
  | "INVALID_OPTIONS"
  /** The model's outputs contradict the declared task (e.g. three classes for a binary model). */
  | "TASK_MISMATCH"
  /** The positive label is not one of the model's classes. */
  | "UNKNOWN_POSITIVE_LABEL"
  /** The data lacks columns the model needs. */
  | "MISSING_COLUMNS"
  /** A value cannot be converted to what the model input takes. */
  | "INVALID_VALUE"
  /** onnxruntime-web refused to load the model. */
  | "MODEL_LOAD_FAILED"
  /** onnxruntime-web failed while running the model. */
  | "RUN_FAILED"
  /** The runtime's outputs do not fit the plan (row count, class count). */
  | "OUTPUT_MISMATCH"
  /** Scoring was cancelled through its AbortSignal. */
  | "CANCELLED";

export type OnnxErrorDetails = Readonly<Record<string, string | number | readonly string[]>>;

export class OnnxModelError extends Error {
  readonly code: OnnxModelErrorCode;
  readonly details: OnnxErrorDetails;

  constructor(code: OnnxModelErrorCode, message: string, details: OnnxErrorDetails = {}) {
    super(message);
    this.name = "OnnxModelError";
    this.code = code;
    this.details = details;
  }
}

export function isOnnxModelError(error: unknown): error is OnnxModelError {
  return error instanceof OnnxModelError;
}
