import { describe, expect, it } from "vitest";
import { meanAbsoluteError, meanAbsolutePercentageError, r2Score, residualQuantiles, rootMeanSquaredError } from "../../../lib/metrics";
import { expectAllClose, expectClose } from "./helpers";

// scikit-learn docstring data for the regression metrics.
const Y = [3, -0.5, 2, 7];
const P = [2.5, 0.0, 2, 8];

describe("regression metrics (scikit-learn)", () => {
  it("mean_absolute_error docstring: 0.5", () => expectClose(meanAbsoluteError(Y, P), 0.5));
  it("root_mean_squared_error docstring: 0.612... = sqrt(0.375)", () => expectClose(rootMeanSquaredError(Y, P), Math.sqrt(0.375)));
  it("mean_absolute_percentage_error docstring: 0.3273...", () => {
    // by hand: (.5/3 + .5/.5 + 0 + 1/7) / 4
    expectClose(meanAbsolutePercentageError(Y, P), (0.5 / 3 + 1 + 0 + 1 / 7) / 4);
  });
  it("MAPE uses max(|y|, eps): y = 0 gives a huge but finite error", () => {
    expectClose(meanAbsolutePercentageError([0], [1]), 1 / 2.220446049250313e-16);
  });
  it("r2_score docstring: 0.948...", () => expectClose(r2Score(Y, P), 0.9486081370449679));
  it.each([
    // r2_score docstring edge cases
    { y: [1, 2, 3], p: [1, 2, 3], expected: 1.0 },
    { y: [1, 2, 3], p: [2, 2, 2], expected: 0.0 },
    { y: [1, 2, 3], p: [3, 2, 1], expected: -3.0 },
    { y: [-2, -2, -2], p: [-2, -2, -2], expected: 1.0 },
    { y: [-2, -2, -2], p: [-2, -2, -2 + 1e-8], expected: 0.0 },
  ])("r2 $y vs $p -> $expected", ({ y, p, expected }) => expect(r2Score(y, p)).toBe(expected));
  it("r2 without force_finite: NaN and -Infinity", () => {
    expect(r2Score([-2, -2, -2], [-2, -2, -2], { forceFinite: false })).toBeNaN();
    expect(r2Score([-2, -2, -2], [-2, -2, -2 + 1e-8], { forceFinite: false })).toBe(Number.NEGATIVE_INFINITY);
    expect(r2Score([1], [2])).toBeNaN();
  });
  it("sample weights (by hand)", () => {
    // |errors| = .5 .5 0 1 with weights 1 1 1 2 -> (.5 + .5 + 0 + 2) / 5
    expectClose(meanAbsoluteError(Y, P, { sampleWeight: [1, 1, 1, 2] }), 3 / 5);
    // squared = .25 .25 0 1 -> (0.25 + 0.25 + 2) / 5
    expectClose(rootMeanSquaredError(Y, P, { sampleWeight: [1, 1, 1, 2] }), Math.sqrt(2.5 / 5));
  });
  it("residual quantiles use numpy's linear interpolation of y - p", () => {
    // residuals 1..5: q(.1) = 1 + 0.4 = 1.4, q(.25) = 2, q(.5) = 3
    const r = residualQuantiles([1, 2, 3, 4, 5], [0, 0, 0, 0, 0], [0.1, 0.25, 0.5]);
    expectAllClose(r.values, [1.4, 2, 3]);
  });
  it("errors on mismatched lengths and NaN", () => {
    expect(() => meanAbsoluteError([1, 2], [1])).toThrow("Found input variables with inconsistent numbers of samples: [2, 1]");
    expect(() => meanAbsoluteError([Number.NaN], [1])).toThrow("Input y_true contains NaN.");
  });
});

describe("regressionScorecard", () => {
  const n = 2000;
  const y = Array.from({ length: n }, (_, i) => Math.sin(i) * 10 + (i % 7));
  const p = y.map((v, i) => v + Math.cos(i * 1.7) * 2);
  it("point values agree with the scikit-learn ports; intervals bracket them and repeat per seed", async () => {
    const { regressionScorecard } = await import("../../../lib/metrics");
    const sc = regressionScorecard(y, p, { resamples: 300, seed: 4 });
    expectClose(sc.metrics.mae.value, meanAbsoluteError(y, p));
    expectClose(sc.metrics.rmse.value, rootMeanSquaredError(y, p));
    expectClose(sc.metrics.mape.value, meanAbsolutePercentageError(y, p));
    expectClose(sc.metrics.r2.value, r2Score(y, p));
    for (const m of Object.values(sc.metrics)) {
      expect(m.ci.method).toBe("percentile-bootstrap");
      expect(m.ci.lower).toBeLessThanOrEqual(m.ci.estimate);
      expect(m.ci.upper).toBeGreaterThanOrEqual(m.ci.estimate);
    }
    expect(regressionScorecard(y, p, { resamples: 300, seed: 4 })).toEqual(sc);
    const binned = regressionScorecard(y, p, { resamples: 300, seed: 4, method: "poisson", bins: 200 });
    expect(binned.metrics.mae.ci.method).toBe("binned-poisson-bootstrap");
    expect(binned.metrics.mae.ci.binnedShare).toBeLessThan(0.01);
    const wc = sc.metrics.rmse.ci.upper - sc.metrics.rmse.ci.lower;
    const wb = binned.metrics.rmse.ci.upper - binned.metrics.rmse.ci.lower;
    expect(Math.abs(wb / wc - 1)).toBeLessThan(0.35);
  });

  it("too few rows to judge below 100 labelled rows (policy default) or the policy's minimum", async () => {
    const { regressionScorecard } = await import("../../../lib/metrics");
    const ys = y.slice(0, 99);
    const ps = p.slice(0, 99);
    expect(regressionScorecard(ys, ps, { resamples: 20 }).metrics.mae.sampleSize).toMatchObject({ judgeable: false, rows: 99, minRows: 100, message: "too few rows to judge" });
    expect(regressionScorecard(y.slice(0, 100), p.slice(0, 100), { resamples: 20 }).metrics.r2.sampleSize.judgeable).toBe(true);
    expect(regressionScorecard(ys, ps, { resamples: 20, minRows: 50 }).metrics.rmse.sampleSize.judgeable).toBe(true);
  });
});
