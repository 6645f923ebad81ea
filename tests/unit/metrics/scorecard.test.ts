import { describe, expect, it } from "vitest";
import {
  MetricInputError,
  accuracyScore,
  binaryCalibrationError,
  brierScoreLoss,
  f1Score,
  logLoss,
  precisionScore,
  recallScore,
  rocAucScore,
  scorecard,
} from "../../../lib/metrics";
import { expectClose } from "./helpers";

function synthetic(n: number, seed: number): { y: number[]; s: number[] } {
  let state = seed >>> 0;
  const rnd = (): number => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
  const y: number[] = [];
  const s: number[] = [];
  for (let i = 0; i < n; i++) {
    const label = rnd() < 0.35 ? 1 : 0;
    y.push(label);
    // rounded scores create ties, as real models do
    s.push(Math.round((1 / (1 + Math.exp(-((label ? 1 : -0.7) + (rnd() * 3 - 1.5))))) * 1000) / 1000);
  }
  return { y, s };
}

describe("scorecard", () => {
  const { y, s } = synthetic(3000, 1);
  const yPred = s.map((v) => (v >= 0.5 ? 1 : 0));
  const sc = scorecard({ yTrue: y, yScore: s }, { resamples: 300, seed: 9 });

  it("point values agree with the peer functions", () => {
    expectClose(sc.metrics.accuracy.value, accuracyScore(y, yPred));
    expectClose(sc.metrics.precision.value, precisionScore(y, yPred));
    expectClose(sc.metrics.recall.value, recallScore(y, yPred));
    expectClose(sc.metrics.f1.value, f1Score(y, yPred));
    expectClose(sc.metrics.rocAuc.value, rocAucScore(y, s));
    expectClose(sc.metrics.logLoss.value, logLoss(y, s));
    expectClose(sc.metrics.brier.value, brierScoreLoss(y, s));
    expectClose(sc.metrics.calibrationError.value, binaryCalibrationError(s, y));
    expect(sc.metrics.rocAuc.peer).toBe("sklearn.metrics.roc_auc_score");
  });

  it("classic bootstrap below 100,000 rows, intervals bracket the estimate", () => {
    for (const m of Object.values(sc.metrics)) {
      expect(m.ci.method).toBe("percentile-bootstrap");
      expect(m.ci.lower).toBeLessThanOrEqual(m.ci.estimate);
      expect(m.ci.upper).toBeGreaterThanOrEqual(m.ci.estimate);
      expect(m.ci.resamples).toBe(300);
    }
  });

  it("the binned Poisson bootstrap names itself, reports what binning touches and agrees with the classic one", () => {
    const p = scorecard({ yTrue: y, yScore: s }, { resamples: 300, seed: 9, method: "poisson", scoreBins: 64 });
    expect(p.metrics.rocAuc.ci.method).toBe("binned-poisson-bootstrap");
    expect(p.metrics.accuracy.ci.binnedShare).toBe(0);
    expect(p.metrics.rocAuc.ci.binnedShare).toBeGreaterThan(0);
    expect(p.metrics.rocAuc.ci.binnedShare).toBeLessThan(0.1);
    // same point values; interval widths within 35% of the classic bootstrap's
    for (const name of ["accuracy", "rocAuc", "logLoss", "brier"] as const) {
      expect(p.metrics[name].value).toBe(sc.metrics[name].value);
      const wp = p.metrics[name].ci.upper - p.metrics[name].ci.lower;
      const wc = sc.metrics[name].ci.upper - sc.metrics[name].ci.lower;
      expect(Math.abs(wp / wc - 1)).toBeLessThan(0.35);
    }
  });

  it("too few rows to judge", () => {
    const small = scorecard({ yTrue: [1, 0, 1, 0, 1, 0], yScore: [0.9, 0.1, 0.8, 0.3, 0.4, 0.6] }, { resamples: 50 });
    expect(small.metrics.accuracy.sampleSize.judgeable).toBe(false);
    expect(small.metrics.accuracy.sampleSize.message).toBe("too few rows to judge");
    expect(sc.metrics.accuracy.sampleSize.judgeable).toBe(true);
  });

  // The performance rule (policy defaults): 100 labelled rows and at least 10 of each class,
  // the same verdict for every metric; the policy can pass other minimums.
  it.each([
    { rows: 99, positives: 40, options: {}, judgeable: false },
    { rows: 100, positives: 40, options: {}, judgeable: true },
    { rows: 100, positives: 10, options: {}, judgeable: true },
    { rows: 100, positives: 9, options: {}, judgeable: false },
    { rows: 100, positives: 91, options: {}, judgeable: false }, // 9 negatives
    { rows: 60, positives: 30, options: { minRows: 50 }, judgeable: true },
    { rows: 200, positives: 15, options: { minPerClass: 20 }, judgeable: false },
  ])("$rows rows, $positives positives, $options -> judgeable $judgeable", ({ rows, positives, options, judgeable }) => {
    const yTrue = Array.from({ length: rows }, (_, i) => (i < positives ? 1 : 0));
    const yScore = Array.from({ length: rows }, (_, i) => ((i * 37) % 100) / 100);
    const r = scorecard({ yTrue, yScore }, { resamples: 20, ...options });
    for (const m of Object.values(r.metrics)) {
      expect(m.sampleSize.judgeable).toBe(judgeable);
      expect(m.sampleSize.rows).toBe(rows);
      expect(m.sampleSize.denominator).toBe(Math.min(positives, rows - positives));
      expect(m.sampleSize.minRows).toBe(options.minRows ?? 100);
      expect(m.sampleSize.minDenominator).toBe(options.minPerClass ?? 10);
    }
  });

  it("rejects labels other than 0/1 and scores outside [0, 1]", () => {
    expect(() => scorecard({ yTrue: [0, 2], yScore: [0.1, 0.2] })).toThrow(MetricInputError);
    expect(() => scorecard({ yTrue: [0, 1], yScore: [0.1, 1.2] })).toThrow("y_prob contains values outside [0, 1].");
  });
});
