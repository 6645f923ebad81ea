// The what-if page's analysis, pure (no React, no DOM, no I/O): the unusual-case flag, partial dependence with ICE
// lines, the counterfactual search, threshold and cost, and the cost of running the model.
export * from "./batch";
export * from "./counterfactual";
export * from "./distance";
export * from "./grid";
export * from "./partial-dependence";
export * from "./percentile";
export * from "./running-cost";
export * from "./sample-answers";
export * from "./threshold-cost";
