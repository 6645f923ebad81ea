/**
 * The benchmark's tree model: gradient-boosted trees (100 trees of depth 4) trained on a seeded
 * sample of the reference distribution with the demo's trainer, exported the way skl2onnx exports
 * a scikit-learn pipeline with an integer 0/1 target:
 *   one input per column (float [N, 1] for num_*, string [N, 1] for cat_*), a Concat of the
 *   numbers, a OneHotEncoder per category column (in the graph, as the income demo does), the
 *   TreeEnsembleClassifier (classlabels_int64s [0, 1], LOGISTIC) and a trailing ZipMap.
 * It need not be accurate; it must be a real tree model that the app reads, rewrites and scores.
 */
import { CATEGORICAL_COLUMNS, CATEGORY_COUNTS, NUMERIC_COLUMNS, generateWindow, type CodesColumn } from "../data";
import { type BoostingParams, type SplitFeature, categoryFeature, numericFeature, trainBoosting } from "../../../prisma/demo/training/gradient-boosting";
import { attr, buildModel, int64Tensor, mlNode, node, tensorValue, zipMapValue } from "../../../prisma/demo/training/onnx-builder";
import { binaryTreeClassifierAttributes } from "../../../prisma/demo/training/tree-export";

export const TREE_PARAMS: BoostingParams = { loss: "logistic", trees: 100, maxDepth: 4, learningRate: 0.1, lambda: 1, minChildRows: 30 };
const BINS = 32;
const CLASS_IDS = [0, 1];

export interface BenchModel {
  bytes: Uint8Array;
  trees: number;
  nodes: number;
  /** width of the float vector the classifier sees (numbers, then one-hot blocks) */
  width: number;
  trainingRows: number;
  summary: string;
}

export function buildBenchTreeModel(options: { seed: number; trainingRows: number }): BenchModel {
  const sample = generateWindow(options.trainingRows, options.seed, false);
  const features: SplitFeature[] = NUMERIC_COLUMNS.map((name, j) => numericFeature(name, j, sample.numeric[name] as Float64Array, BINS));
  const categories: string[][] = [];
  let width = NUMERIC_COLUMNS.length;
  CATEGORICAL_COLUMNS.forEach((name, j) => {
    const column = sample.categorical[name] as CodesColumn;
    const k = CATEGORY_COUNTS[j] as number;
    // Every category the generator can produce, in its code order (a code c is one-hot column width + c).
    categories.push(Array.from({ length: k }, (_, c) => column.dictionary[c] ?? `${name}_v${c}`));
    features.push(categoryFeature(name, width, column.codes, k));
    width += k;
  });
  const ensemble = trainBoosting(features, sample.numeric.label as Float64Array, TREE_PARAMS);

  const classifierAttributes = binaryTreeClassifierAttributes(ensemble, CLASS_IDS.map(String)).map((a) =>
    a.name === "classlabels_strings" ? attr.ints("classlabels_int64s", CLASS_IDS) : a,
  );
  const oneHots = CATEGORICAL_COLUMNS.map((name) => `${name}_onehot`);
  const bytes = buildModel({
    graphName: "bench_tree_classifier",
    docString: `Ingest benchmark: P(label = 1) by ${TREE_PARAMS.trees} gradient-boosted trees of depth ${TREE_PARAMS.maxDepth} on 14 numbers and 6 one-hot categories.`,
    inputs: [
      ...NUMERIC_COLUMNS.map((name) => tensorValue(name, "float32", [null, 1])),
      ...CATEGORICAL_COLUMNS.map((name) => tensorValue(name, "string", [null, 1])),
    ],
    outputs: [tensorValue("output_label", "int64", [null]), zipMapValue("output_probability", "int64")],
    initializers: [int64Tensor("categorical_shape", [-1, width - NUMERIC_COLUMNS.length], [2])],
    nodes: [
      node("Concat", [...NUMERIC_COLUMNS], ["numeric_columns"], [attr.int("axis", 1)]),
      ...CATEGORICAL_COLUMNS.map((name, j) =>
        mlNode("OneHotEncoder", [name], [oneHots[j] as string], [attr.strings("cats_strings", categories[j] as string[]), attr.int("zeros", 1)]),
      ),
      node("Concat", oneHots, ["categorical_onehot"], [attr.int("axis", 2)]),
      node("Reshape", ["categorical_onehot", "categorical_shape"], ["categorical_columns"]),
      node("Concat", ["numeric_columns", "categorical_columns"], ["features"], [attr.int("axis", 1)]),
      mlNode("TreeEnsembleClassifier", ["features"], ["output_label", "probabilities"], classifierAttributes),
      mlNode("ZipMap", ["probabilities"], ["output_probability"], [attr.ints("classlabels_int64s", CLASS_IDS)]),
    ],
    metadata: { "sightline.model": "bench-tree", "sightline.task": "binary", "sightline.positive_label": "1" },
    producerName: "sightline-bench",
  });
  const nodes = ensemble.trees.reduce((a, t) => a + t.length, 0);
  return {
    bytes,
    trees: ensemble.trees.length,
    nodes,
    width,
    trainingRows: options.trainingRows,
    summary: `${ensemble.trees.length} trees of depth <= ${TREE_PARAMS.maxDepth} (${nodes} nodes) over ${width} features (14 numbers, ${width - NUMERIC_COLUMNS.length} one-hot), 20 inputs (14 float, 6 string)`,
  };
}
