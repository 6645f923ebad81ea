// What the what-if page receives from the server: the version to run in the browser, the case editor's inputs
// (built from the reference snapshot's stored distributions) and, for roles allowed to see rows, a small sample.
import type { Processing } from "./processing";
import type { RunCost } from "./run-cost";

export interface WhatIfNumericFeature {
  name: string;
  kind: "numeric";
  /** reference range and quantiles (stored in the reference snapshot) */
  min: number;
  max: number;
  p01: number;
  p99: number;
  q1: number;
  median: number;
  q3: number;
  /** true when min, quartiles, median and max are whole numbers: the input then steps by 1 */
  integer: boolean;
}

export interface WhatIfCategoricalFeature {
  name: string;
  kind: "categorical";
  /** the reference's most frequent categories with their share of rows (0-1), most frequent first */
  categories: { value: string; share: number }[];
  /** true when the reference holds more categories than listed */
  hasOther: boolean;
}

/** A model input without a stored distribution: a free number field, no range. */
export interface WhatIfFreeFeature {
  name: string;
  kind: "free";
}

export type WhatIfFeature = WhatIfNumericFeature | WhatIfCategoricalFeature | WhatIfFreeFeature;

/** The options of lib/onnx prepareModel this page needs (plain data, checked again in the worker). */
export interface WhatIfPrepareOptions {
  task: "binary" | "multiclass" | "regression";
  positiveLabel?: string;
  /** one list for the model's only [N, F] input, or the version's input mapping: a list of columns per input name */
  featureNames?: string[] | Record<string, string[]>;
  /** the version's declared processing (lib/processing), applied around the model in the worker as on the server */
  processing?: Processing | null;
}

export type WhatIfValue = number | string | null;

export interface WhatIfVersionChoice {
  version: number;
  status: string;
}

export interface WhatIfSetup {
  modelId: string;
  modelName: string;
  task: "binary" | "multiclass" | "regression";
  version: number;
  versionStatus: string;
  versions: WhatIfVersionChoice[];
  /** same-origin URL of the ONNX file (GET /api/v1/models/{id}/versions/{v}/model) */
  modelUrl: string;
  sha256: string;
  fileBytes: number;
  /** what one prediction and a batch cost on the server when the version was uploaded; null for versions from before */
  serverCost: RunCost | null;
  /** how the server reads this version's file (the same options go to prepareModel in the browser) */
  prepareOptions: WhatIfPrepareOptions;
  positiveLabel: string | null;
  /** the model's declared sensitive attributes (their groups come with the sample, where present) */
  sensitiveAttributes: string[];
  /**
   * binary models: a score at or above it means "yes" (the policy's threshold on a chance; for a version declared a
   * raw score with a cut-off, that cut-off)
   */
  decisionThreshold: number | null;
  /** binary models: true when the version declares its output a raw score with a cut-off, not a chance (0 to 1) */
  rawScore?: boolean;
  /** number models: the unit the version declares its answer in (declared processing), null when none */
  unit: string | null;
  /** the reference data's column with the real outcome (its units are the answer's when no unit is declared) */
  outcomeColumn: string | null;
  features: WhatIfFeature[];
  /** up to 300 reference rows, in `features` order; null for viewers (they get quantile-built cases only) */
  sample: WhatIfSample | null;
  /** true when the signed-in role may not receive rows */
  rowsWithheld: boolean;
  /** false when no reference snapshot holds distributions yet */
  hasReference: boolean;
}

/** The reference rows a role allowed to see rows receives. */
export interface WhatIfSample {
  /** values in `features` order */
  rows: WhatIfValue[][];
  /**
   * binary models with a label column: whether each row's true outcome is the positive label (null: missing).
   * Null when the model is not binary or the reference data has no label column.
   */
  outcomes: (boolean | null)[] | null;
  /** the model's sensitive attributes found in the reference data, each row's group as text (null: missing) */
  groups: { column: string; values: (string | null)[] }[];
}

export const WHATIF_SAMPLE_LIMIT = 300;
