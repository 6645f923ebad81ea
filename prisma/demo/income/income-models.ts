/**
 * Trains the two income screener versions and writes them as skl2onnx would export a scikit-learn
 * pipeline: one input per column (float [N, 1] or string [N, 1]), encoders inside the graph, the
 * classifier, and a ZipMap at the end.
 *   v1: logistic regression (IRLS, L2 lambda = 1, like LogisticRegression(C=1)) on imputed,
 *       standardised numbers and one-hot categories.
 *   v2: gradient-boosted trees (80 trees of depth 3, learning rate 0.15, 32 histogram bins) on raw
 *       numbers and one-hot categories.
 */
import { type Ensemble, type SplitFeature, categoryFeature, ensembleMargin, numericFeature, trainBoosting } from "../training/gradient-boosting";
import { type LogisticFit, type SparseDesign, fitLogisticIrls } from "../training/logistic-regression";
import { attr, buildModel, int64Tensor, mlNode, node, tensorValue, zipMapValue } from "../training/onnx-builder";
import { binaryTreeClassifierAttributes } from "../training/tree-export";
import {
  INCOME_CATEGORICAL,
  INCOME_FEATURES,
  INCOME_NEGATIVE,
  INCOME_NUMERIC,
  INCOME_POSITIVE,
  type IncomeRow,
} from "./income-data";
import { type IncomeEncoding, categoryCode, incomeFeatureVector } from "./income-encoding";

export const INCOME_CLASSES = [INCOME_NEGATIVE, INCOME_POSITIVE] as const;
export const LOGISTIC_LAMBDA = 1;
export const BOOSTING = { loss: "logistic", trees: 80, maxDepth: 3, learningRate: 0.15, lambda: 1, minChildRows: 30 } as const;
export const BOOSTING_BINS = 32;

export interface IncomeModel {
  readonly version: 1 | 2;
  /** P(>50K) for one row, computed in plain JS the way the exported graph computes it. */
  readonly probability: (row: IncomeRow) => number;
  readonly bytes: Uint8Array;
  readonly summary: string;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

// ---- training ---------------------------------------------------------------------------------

function sparseDesign(encoding: IncomeEncoding, rows: readonly IncomeRow[]): SparseDesign {
  const rowPtr = new Int32Array(rows.length + 1);
  const colIdx: number[] = [];
  const values: number[] = [];
  rows.forEach((row, i) => {
    const x = incomeFeatureVector(encoding, row, true);
    for (let j = 0; j < x.length; j++) {
      const v = x[j] as number;
      if (v !== 0) {
        colIdx.push(j);
        values.push(v);
      }
    }
    rowPtr[i + 1] = colIdx.length;
  });
  return { rows: rows.length, cols: encoding.width, rowPtr, colIdx: Int32Array.from(colIdx), values: Float64Array.from(values) };
}

function labels(rows: readonly IncomeRow[]): Float64Array {
  return Float64Array.from(rows.map((r) => (r.positive ? 1 : 0)));
}

export function trainLogistic(encoding: IncomeEncoding, reference: readonly IncomeRow[]): LogisticFit {
  return fitLogisticIrls(sparseDesign(encoding, reference), labels(reference), LOGISTIC_LAMBDA);
}

export function trainBoosted(encoding: IncomeEncoding, reference: readonly IncomeRow[]): Ensemble {
  const features: SplitFeature[] = [];
  INCOME_NUMERIC.forEach((column, j) => {
    features.push(numericFeature(column, j, reference.map((r) => Number(r.fields[column] ?? Number.NaN)), BOOSTING_BINS));
  });
  for (const column of INCOME_CATEGORICAL) {
    const codes = Int32Array.from(reference.map((r) => categoryCode(encoding, column, r.fields[column])));
    features.push(categoryFeature(column, encoding.offsets[column], codes, encoding.categories[column].length));
  }
  return trainBoosting(features, labels(reference), BOOSTING);
}

// ---- export -----------------------------------------------------------------------------------

/** Inputs, encoders and the feature Concat shared by both versions; returns nodes and the features name. */
function preprocessing(encoding: IncomeEncoding, scaled: boolean) {
  const inputs = INCOME_FEATURES.map((f) =>
    tensorValue(f, (INCOME_NUMERIC as readonly string[]).includes(f) ? "float32" : "string", [null, 1]),
  );
  const nodes = [node("Concat", [...INCOME_NUMERIC], ["numeric_columns"], [attr.int("axis", 1)])];
  let numeric = "numeric_columns";
  if (scaled) {
    nodes.push(
      mlNode("Imputer", ["numeric_columns"], ["numeric_imputed"], [
        attr.floats("imputed_value_floats", encoding.medians),
        attr.float("replaced_value_float", Number.NaN),
      ]),
      mlNode("Scaler", ["numeric_imputed"], ["numeric_scaled"], [attr.floats("offset", encoding.means), attr.floats("scale", encoding.scales)]),
    );
    numeric = "numeric_scaled";
  }
  const oneHots: string[] = [];
  for (const column of INCOME_CATEGORICAL) {
    const out = `${column}_onehot`;
    nodes.push(mlNode("OneHotEncoder", [column], [out], [attr.strings("cats_strings", encoding.categories[column]), attr.int("zeros", 1)]));
    oneHots.push(out);
  }
  const categoricalWidth = encoding.width - INCOME_NUMERIC.length;
  nodes.push(
    node("Concat", oneHots, ["categorical_onehot"], [attr.int("axis", 2)]),
    node("Reshape", ["categorical_onehot", "categorical_shape"], ["categorical_columns"]),
    node("Concat", [numeric, "categorical_columns"], ["features"], [attr.int("axis", 1)]),
  );
  const initializers = [int64Tensor("categorical_shape", [-1, categoricalWidth], [2])];
  return { inputs, nodes, initializers };
}

const OUTPUTS = [tensorValue("output_label", "string", [null]), zipMapValue("output_probability", "string")];

function metadata(version: number, algorithm: string): Record<string, string> {
  return {
    "sightline.model": "income-screener",
    "sightline.version": String(version),
    "sightline.task": "binary",
    "sightline.positive_label": INCOME_POSITIVE,
    "sightline.algorithm": algorithm,
    "sightline.training_data": "UCI Adult (Becker and Kohavi 1996, doi:10.24432/C5XW20, CC BY 4.0), seeded 60% reference split",
  };
}

export function exportLogistic(encoding: IncomeEncoding, fit: LogisticFit): IncomeModel {
  const pre = preprocessing(encoding, true);
  const w = Array.from(fit.weights);
  const bytes = buildModel({
    graphName: "income_screener_v1",
    docString: "Income screener v1: P(income > 50K) by logistic regression on one-hot and standardised census answers.",
    inputs: pre.inputs,
    outputs: OUTPUTS,
    initializers: pre.initializers,
    nodes: [
      ...pre.nodes,
      mlNode("LinearClassifier", ["features"], ["output_label", "probabilities"], [
        attr.floats("coefficients", [...w.map((v) => -v), ...w]),
        attr.floats("intercepts", [-fit.intercept, fit.intercept]),
        attr.strings("classlabels_strings", INCOME_CLASSES),
        attr.int("multi_class", 0),
        attr.string("post_transform", "LOGISTIC"),
      ]),
      mlNode("ZipMap", ["probabilities"], ["output_probability"], [attr.strings("classlabels_strings", INCOME_CLASSES)]),
    ],
    metadata: metadata(1, "logistic regression (IRLS, L2 lambda=1)"),
    modelVersion: 1,
  });
  const w32 = Float32Array.from(w);
  const b32 = Math.fround(fit.intercept);
  const probability = (row: IncomeRow) => {
    const x = incomeFeatureVector(encoding, row, true);
    let z = b32;
    for (let j = 0; j < x.length; j++) z += (w32[j] as number) * (x[j] as number);
    return sigmoid(z);
  };
  return { version: 1, probability, bytes, summary: `logistic regression, ${encoding.width} features, IRLS converged in ${fit.iterations} iterations` };
}

export function exportBoosted(encoding: IncomeEncoding, ensemble: Ensemble): IncomeModel {
  const pre = preprocessing(encoding, false);
  const bytes = buildModel({
    graphName: "income_screener_v2",
    docString: "Income screener v2: P(income > 50K) by gradient-boosted trees on one-hot and raw census answers.",
    inputs: pre.inputs,
    outputs: OUTPUTS,
    initializers: pre.initializers,
    nodes: [
      ...pre.nodes,
      mlNode("TreeEnsembleClassifier", ["features"], ["output_label", "probabilities"], binaryTreeClassifierAttributes(ensemble, INCOME_CLASSES)),
      mlNode("ZipMap", ["probabilities"], ["output_probability"], [attr.strings("classlabels_strings", INCOME_CLASSES)]),
    ],
    metadata: metadata(2, `gradient-boosted trees (${BOOSTING.trees} trees, depth ${BOOSTING.maxDepth})`),
    modelVersion: 2,
  });
  const probability = (row: IncomeRow) => {
    const x = incomeFeatureVector(encoding, row, false);
    return sigmoid(ensembleMargin(ensemble, (j) => x[j] as number));
  };
  const nodes = ensemble.trees.reduce((a, t) => a + t.length, 0);
  return { version: 2, probability, bytes, summary: `${ensemble.trees.length} trees, ${nodes} nodes, ${encoding.width} features` };
}
