/**
 * Sightline metrics engine: pure functions on typed arrays, each agreeing with a named peer
 * (scikit-learn 1.5, SciPy, Evidently legacy stattests, Fairlearn, Aequitas, torchmetrics).
 * See README.md for the list of functions and their peers. No I/O and no framework imports.
 */
export * from "./errors";
export type { Label, LabelArray, Weights } from "./internal/labels";
export type { ScoreMatrix } from "./internal/matrix";
export * from "./classification";
export * from "./regression";
export * from "./calibration";
export * from "./drift";
export * from "./fairness";
export * from "./uncertainty";
export * from "./scorecard";
export * from "./regression-scorecard";
export * from "./multiclass-scorecard";
