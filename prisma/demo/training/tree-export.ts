/** Writes a trained ensemble as ai.onnx.ml TreeEnsembleClassifier / TreeEnsembleRegressor attributes. */
import type { AttributeProto } from "../../../lib/onnx/onnx-schema";
import type { Ensemble } from "./gradient-boosting";
import { attr } from "./onnx-builder";

interface NodeAttributes {
  readonly nodes: AttributeProto[];
  readonly leafTrees: number[];
  readonly leafNodes: number[];
  readonly leafWeights: number[];
}

function nodeAttributes(ensemble: Ensemble): NodeAttributes {
  const treeIds: number[] = [];
  const nodeIds: number[] = [];
  const featureIds: number[] = [];
  const modes: string[] = [];
  const values: number[] = [];
  const trueIds: number[] = [];
  const falseIds: number[] = [];
  const leafTrees: number[] = [];
  const leafNodes: number[] = [];
  const leafWeights: number[] = [];
  ensemble.trees.forEach((tree, t) => {
    tree.forEach((node, id) => {
      treeIds.push(t);
      nodeIds.push(id);
      const leaf = node.feature < 0;
      featureIds.push(leaf ? 0 : node.feature);
      modes.push(leaf ? "LEAF" : "BRANCH_LEQ");
      values.push(leaf ? 0 : node.threshold);
      trueIds.push(leaf ? 0 : node.trueChild);
      falseIds.push(leaf ? 0 : node.falseChild);
      if (leaf) {
        leafTrees.push(t);
        leafNodes.push(id);
        leafWeights.push(node.value);
      }
    });
  });
  return {
    nodes: [
      attr.ints("nodes_treeids", treeIds),
      attr.ints("nodes_nodeids", nodeIds),
      attr.ints("nodes_featureids", featureIds),
      attr.strings("nodes_modes", modes),
      attr.floats("nodes_values", values),
      attr.ints("nodes_truenodeids", trueIds),
      attr.ints("nodes_falsenodeids", falseIds),
      attr.ints("nodes_missing_value_tracks_true", treeIds.map(() => 0)),
    ],
    leafTrees,
    leafNodes,
    leafWeights,
  };
}

/** Binary classifier: one score per row (class id 0), LOGISTIC, as skl2onnx exports gradient boosting. */
export function binaryTreeClassifierAttributes(ensemble: Ensemble, classLabels: readonly string[]): AttributeProto[] {
  const n = nodeAttributes(ensemble);
  return [
    ...n.nodes,
    attr.ints("class_treeids", n.leafTrees),
    attr.ints("class_nodeids", n.leafNodes),
    attr.ints("class_ids", n.leafTrees.map(() => 0)),
    attr.floats("class_weights", n.leafWeights),
    attr.strings("classlabels_strings", classLabels),
    attr.floats("base_values", [ensemble.base]),
    attr.string("post_transform", "LOGISTIC"),
  ];
}

export function treeRegressorAttributes(ensemble: Ensemble): AttributeProto[] {
  const n = nodeAttributes(ensemble);
  return [
    ...n.nodes,
    attr.int("n_targets", 1),
    attr.ints("target_treeids", n.leafTrees),
    attr.ints("target_nodeids", n.leafNodes),
    attr.ints("target_ids", n.leafTrees.map(() => 0)),
    attr.floats("target_weights", n.leafWeights),
    attr.floats("base_values", [ensemble.base]),
    attr.string("aggregate_function", "SUM"),
    attr.string("post_transform", "NONE"),
  ];
}
