import { describe, expect, it } from "vitest";
import { binaryCalibrationError, calibrationCurve, multiclassCalibrationError } from "../../../lib/metrics";
import { expectAllClose, expectClose } from "./helpers";

describe("calibrationCurve (sklearn.calibration.calibration_curve)", () => {
  it("docstring example, 3 uniform bins", () => {
    const r = calibrationCurve([0, 0, 0, 0, 1, 1, 1, 1, 1], [0.1, 0.2, 0.3, 0.4, 0.65, 0.7, 0.8, 0.9, 1.0], { nBins: 3 });
    expectAllClose(r.probTrue, [0, 0.5, 1]);
    expectAllClose(r.probPred, [0.2, 0.525, 0.85]);
  });

  it("a score on an interior edge goes to the lower bin", () => {
    // edges [0, .5, 1]: 0.5 -> bin 0, 0.75 -> bin 1
    const r = calibrationCurve([0, 1], [0.5, 0.75], { nBins: 2 });
    expectAllClose(r.probTrue, [0, 1]);
    expectAllClose(r.probPred, [0.5, 0.75]);
  });

  it("0 falls in the first bin; empty bins are dropped", () => {
    const r = calibrationCurve([0, 1], [0, 0.95], { nBins: 10 });
    expect(r.counts).toEqual([1, 1]);
    expectAllClose(r.probPred, [0, 0.95]);
  });

  it("quantile strategy uses linear percentiles of the scores", () => {
    // percentiles 0, 50, 100 of [.1,.2,.3,.4] = .1, .25, .4
    const r = calibrationCurve([0, 0, 1, 1], [0.1, 0.2, 0.3, 0.4], { nBins: 2, strategy: "quantile" });
    expectAllClose(r.edges, [0.1, 0.25, 0.4]);
    expectAllClose(r.probTrue, [0, 1]);
    expectAllClose(r.probPred, [0.15, 0.35]);
  });

  it("errors like scikit-learn", () => {
    expect(() => calibrationCurve([0, 1], [0.5, 1.2])).toThrow("y_prob has values outside [0, 1].");
    expect(() => calibrationCurve([0, 1, 2], [0.1, 0.2, 0.3], { posLabel: 1 })).toThrow("Only binary classification is supported.");
  });
});

describe("binaryCalibrationError (torchmetrics binary_calibration_error)", () => {
  const preds = [0.25, 0.25, 0.55, 0.75, 0.75];
  const target = [0, 0, 1, 1, 1];
  it.each([
    // torchmetrics docstring, n_bins=2: l1 0.2900, l2 0.2918, max 0.3167
    // by hand: bin [0,.5): conf .25 acc 0 (n=2); bin [.5,1): conf .68333 acc 1 (n=3)
    { norm: "l1" as const, expected: 0.4 * 0.25 + 0.6 * (1 - 2.05 / 3) },
    { norm: "l2" as const, expected: Math.sqrt(0.4 * 0.25 ** 2 + 0.6 * (1 - 2.05 / 3) ** 2) },
    { norm: "max" as const, expected: 1 - 2.05 / 3 },
  ])("docstring example, norm=$norm", ({ norm, expected }) => {
    expectClose(binaryCalibrationError(preds, target, { nBins: 2, norm }), expected);
  });

  it("an edge value goes to the upper bin [b_i, b_{i+1})", () => {
    // 0.5 -> bin 1 alone (|1 - .5|), 0.2 -> bin 0 (|0 - .2|): 0.5 * 0.2 + 0.5 * 0.5
    expectClose(binaryCalibrationError([0.5, 0.2], [1, 0], { nBins: 2 }), 0.35);
  });

  it("a score of exactly 1.0 falls in an extra last bin", () => {
    // 0.95 -> bin 1 (|1 - .95|); 1.0 -> extra bin (|0 - 1|) -> 0.5 * 0.05 + 0.5 * 1
    expectClose(binaryCalibrationError([1.0, 0.95], [0, 1], { nBins: 2 }), 0.525);
  });

  it("scores outside [0,1] are logits (sigmoid first)", () => {
    const s0 = 1 / (1 + Math.exp(1));
    const s1 = 1 / (1 + Math.exp(-2));
    expectClose(binaryCalibrationError([-1, 2], [0, 1]), 0.5 * s0 + 0.5 * (1 - s1));
  });

  it("ignoreIndex drops rows", () => {
    expectClose(binaryCalibrationError([0.5, 0.2, 0.9], [1, 0, -1], { nBins: 2, ignoreIndex: -1 }), 0.35);
    expect(() => binaryCalibrationError([0.5], [2])).toThrow("Detected the following values in `target`");
  });
});

describe("multiclassCalibrationError (torchmetrics multiclass_calibration_error)", () => {
  const preds = [
    [0.25, 0.2, 0.55],
    [0.55, 0.05, 0.4],
    [0.1, 0.3, 0.6],
    [0.9, 0.05, 0.05],
  ];
  const target = [0, 1, 2, 0];
  it.each([
    // torchmetrics docstring, n_bins=3: l1 0.2000, l2 0.2082, max 0.2333
    // by hand: conf [.55,.55,.6,.9], correct [0,0,1,1]; bin [1/3,2/3): conf .56667 acc 1/3; bin [2/3,1): conf .9 acc 1
    { norm: "l1" as const, expected: 0.75 * (1.7 / 3 - 1 / 3) + 0.25 * 0.1 },
    { norm: "l2" as const, expected: Math.sqrt(0.75 * (1.7 / 3 - 1 / 3) ** 2 + 0.25 * 0.01) },
    { norm: "max" as const, expected: 1.7 / 3 - 1 / 3 },
  ])("docstring example, norm=$norm", ({ norm, expected }) => {
    expectClose(multiclassCalibrationError(preds, target, { nBins: 3, norm }), expected, 1e-6);
  });

  it("logits are softmaxed per row", () => {
    // identical logits -> uniform 1/3 confidence, top class 0 (first maximum)
    expectClose(multiclassCalibrationError([[2, 2, 2]], [0], { nBins: 3 }), 1 - 1 / 3, 1e-6);
  });
});
