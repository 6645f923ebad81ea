/**
 * The bike demand model: gradient-boosted regression trees (squared error) on 11 calendar and
 * weather features, exported as one float input [N, 11] with its column order in the
 * `feature_names` metadata, and an ai.onnx.ml TreeEnsembleRegressor.
 */
import { type Ensemble, ensembleMargin, numericFeature, trainBoosting } from "../training/gradient-boosting";
import { buildModel, mlNode, tensorValue } from "../training/onnx-builder";
import { treeRegressorAttributes } from "../training/tree-export";
import { BIKE_FEATURES, type BikeRow } from "./bike-data";

export const BIKE_BOOSTING = { loss: "squared", trees: 100, maxDepth: 4, learningRate: 0.1, lambda: 1, minChildRows: 20 } as const;
export const BIKE_BINS = 64;

export interface BikeModel {
  readonly ensemble: Ensemble;
  readonly predict: (row: BikeRow) => number;
  readonly bytes: Uint8Array;
  readonly summary: string;
}

export function trainBike(reference: readonly BikeRow[]): BikeModel {
  const features = BIKE_FEATURES.map((name, j) =>
    numericFeature(
      name,
      j,
      reference.map((r) => r.features[j] as number),
      BIKE_BINS,
    ),
  );
  const y = Float64Array.from(reference.map((r) => r.count));
  const ensemble = trainBoosting(features, y, BIKE_BOOSTING);
  const bytes = buildModel({
    graphName: "bike_demand_v1",
    docString: "Bike rental demand v1: expected rentals in an hour from calendar and weather (Capital Bikeshare, 2011).",
    inputs: [tensorValue("input", "float32", ["N", BIKE_FEATURES.length])],
    outputs: [tensorValue("variable", "float32", [null, 1])],
    nodes: [mlNode("TreeEnsembleRegressor", ["input"], ["variable"], treeRegressorAttributes(ensemble))],
    metadata: {
      feature_names: JSON.stringify(BIKE_FEATURES),
      "sightline.model": "bike-demand",
      "sightline.version": "1",
      "sightline.task": "regression",
      "sightline.algorithm": `gradient-boosted regression trees (${BIKE_BOOSTING.trees} trees, depth ${BIKE_BOOSTING.maxDepth})`,
      "sightline.training_data": "UCI Bike Sharing (Fanaee-T 2013, doi:10.24432/C5W894, CC BY 4.0), hourly rentals of 2011",
    },
    modelVersion: 1,
  });
  const predict = (row: BikeRow) => ensembleMargin(ensemble, (j) => row.features[j] as number);
  const nodes = ensemble.trees.reduce((a, t) => a + t.length, 0);
  return { ensemble, predict, bytes, summary: `${ensemble.trees.length} trees, ${nodes} nodes, ${BIKE_FEATURES.length} features` };
}
