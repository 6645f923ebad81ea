import type { ElementType, FeedElementType } from "./element-type";
import type { ModelSignature } from "./signature";

export type ModelTask = "binary" | "multiclass" | "regression";

/** One model input fed from one data column: `[N]`, `[N, 1]` (or `[]` for a scalar input). */
export interface ColumnFeed {
  readonly kind: "column";
  readonly input: string;
  readonly column: string;
  readonly elementType: FeedElementType;
  /** Dims of a batch, -1 standing for the batch size: [-1], [-1, 1], or [] for a scalar input. */
  readonly shape: readonly number[];
}

/** One model input `[N, F]` fed from F columns, in this order. */
export interface MatrixFeed {
  readonly kind: "matrix";
  readonly input: string;
  readonly elementType: FeedElementType;
  readonly features: readonly string[];
  /** Where the order came from: the model's feature_names metadata or the caller's mapping. */
  readonly featureSource: "metadata" | "mapping";
}

export type InputFeed = ColumnFeed | MatrixFeed;

export interface OutputRoles {
  /** Predicted class per row (int64 or string tensor), when the model returns one. */
  readonly label: { readonly name: string; readonly elementType: ElementType } | null;
  /** Class probabilities [N, C] (or [N] / [N, 1] holding P(positive) for a binary model). */
  readonly probabilities: { readonly name: string } | null;
  /** Regression output [N] or [N, 1]. */
  readonly prediction: { readonly name: string } | null;
}

/**
 * How to feed a prepared model and read its answers. Plain data (JSON- and structured-clone-safe):
 * it can be stored with the model version and posted to a Web Worker.
 */
export interface ScoringPlan {
  readonly task: ModelTask;
  readonly inputs: readonly InputFeed[];
  /** Rows per run when the model fixes its batch dimension (1 for batch-of-one models), else null. */
  readonly fixedBatchSize: number | null;
  readonly outputs: OutputRoles;
  /** Class labels in probability-column order; null for regression or when only the runtime can tell. */
  readonly classes: readonly string[] | null;
  readonly classSource: "zipmap" | "classifier" | "options" | "index" | null;
  /** The class whose probability is the score of a binary model. */
  readonly positiveLabel: string | null;
  /** Data columns the model needs, each once. */
  readonly requiredColumns: readonly string[];
  /** Output names to fetch from the runtime. */
  readonly fetches: readonly string[];
}

export interface PreparedModel {
  /** Model bytes to hand to onnxruntime-web (the original bytes when nothing needed rewriting). */
  readonly bytes: Uint8Array;
  /** Signature of the uploaded model, before any rewrite. */
  readonly signature: ModelSignature;
  readonly plan: ScoringPlan;
  /** Plain-language list of what prepareModel changed, e.g. the ZipMap it replaced. */
  readonly changes: readonly string[];
}
