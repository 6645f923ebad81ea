import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  MetricInputError,
  accuracyScore,
  balancedAccuracyScore,
  confusionMatrix,
  f1Score,
  logLoss,
  multiclassCalibrationError,
  multiclassScorecard,
  precisionRecallFscoreSupport,
  precisionScore,
  recallScore,
} from "../../../lib/metrics";
import { expectAllClose, expectClose } from "./helpers";

// Five classes, sorted: cat dog eel fox gnu. "fox" is never predicted (precision 0/0 -> 0) and
// "gnu" never occurs in yTrue (recall 0/0 -> 0). No top probability sits on a 1/15 bin edge.
const YT = ["cat", "cat", "cat", "dog", "dog", "eel", "eel", "eel", "eel", "fox"];
const YP = ["cat", "dog", "cat", "dog", "cat", "eel", "eel", "dog", "cat", "gnu"];
const PROB = [
  [0.7, 0.1, 0.1, 0.05, 0.05],
  [0.3, 0.41, 0.19, 0.05, 0.05],
  [0.5, 0.2, 0.2, 0.05, 0.05],
  [0.1, 0.81, 0.05, 0.02, 0.02],
  [0.45, 0.35, 0.1, 0.05, 0.05],
  [0.0, 0.0, 1.0, 0.0, 0.0],
  [0.1, 0.1, 0.62, 0.09, 0.09],
  [0.2, 0.5, 0.2, 0.05, 0.05],
  [0.42, 0.18, 0.3, 0.05, 0.05],
  [0.2, 0.2, 0.1, 0.2, 0.3],
];

describe("multiclassScorecard point values (scikit-learn 1.5, torchmetrics)", () => {
  const sc = multiclassScorecard({ yTrue: YT, yPred: YP, yProb: PROB }, { resamples: 200, seed: 3 });

  // Expected values: scikit-learn with zero_division=0 (confirmed with scikit-learn in Python);
  // by hand: per-class precision cat 2/4, dog 1/3, eel 2/2, fox 0 (never predicted), gnu 0/1;
  // recall cat 2/3, dog 1/2, eel 2/4, fox 0/1, gnu 0/0 -> 0; support 3 2 4 1 0.
  it.each([
    { name: "accuracy", expected: 0.5 }, // 5 of 10 right
    { name: "balancedAccuracy", expected: (2 / 3 + 1 / 2 + 1 / 2 + 0) / 4 }, // classes with support only
    { name: "macroPrecision", expected: (1 / 2 + 1 / 3 + 1 + 0 + 0) / 5 },
    { name: "macroRecall", expected: (2 / 3 + 1 / 2 + 1 / 2 + 0 + 0) / 5 },
    { name: "macroF1", expected: 0.3276190476190476 },
    { name: "weightedPrecision", expected: 0.6166666666666666 },
    { name: "weightedRecall", expected: 0.5 },
    { name: "weightedF1", expected: 0.518095238095238 },
    // -mean ln p(true class), with p = 1.0 clipped to 1 - eps
    { name: "logLoss", expected: 0.8415222514776082 },
    // bins of 1/15 (torchmetrics): bin 6 holds three wrong rows with mean confidence 0.42667
    // -> 0.128; rows at 0.81, 0.62, 0.7 (right) and 0.3 (wrong) add 0.019 + 0.038 + 0.03 + 0.03
    { name: "calibrationError", expected: 0.245 },
  ] as const)("$name = $expected", ({ name, expected }) => {
    const m = sc.metrics[name];
    expect(m).toBeDefined();
    expectClose(m?.value ?? Number.NaN, expected);
    expect(m?.name).toBe(name);
    expect(m?.ci.estimate).toBe(m?.value);
  });

  it("classes, per-class table (classification_report) and confusion matrix", () => {
    expect(sc.classes).toEqual(["cat", "dog", "eel", "fox", "gnu"]);
    expect(sc.confusionMatrix).toEqual([
      [2, 1, 0, 0, 0],
      [1, 1, 0, 0, 0],
      [1, 1, 2, 0, 0],
      [0, 0, 0, 0, 1],
      [0, 0, 0, 0, 0],
    ]);
    expect(sc.perClass.map((c) => c.label)).toEqual(sc.classes);
    expectAllClose(
      sc.perClass.map((c) => c.precision),
      [0.5, 1 / 3, 1, 0, 0],
    );
    expectAllClose(
      sc.perClass.map((c) => c.recall),
      [2 / 3, 0.5, 0.5, 0, 0],
    );
    expectAllClose(
      sc.perClass.map((c) => c.f1),
      [0.5714285714285714, 0.4, 2 / 3, 0, 0],
    );
    expect(sc.perClass.map((c) => c.support)).toEqual([3, 2, 4, 1, 0]);
    expect(sc.perClass.map((c) => c.predicted)).toEqual([4, 3, 2, 0, 1]);
  });

  it("agrees with the library's own peer functions", () => {
    expectClose(sc.metrics.accuracy.value, accuracyScore(YT, YP));
    expectClose(sc.metrics.balancedAccuracy.value, balancedAccuracyScore(YT, YP));
    expectClose(sc.metrics.macroPrecision.value, precisionScore(YT, YP, { average: "macro" }));
    expectClose(sc.metrics.weightedRecall.value, recallScore(YT, YP, { average: "weighted" }));
    expectClose(sc.metrics.macroF1.value, f1Score(YT, YP, { average: "macro" }));
    expectClose(sc.metrics.logLoss?.value ?? Number.NaN, logLoss(YT, PROB, { labels: sc.classes }));
    const target = YT.map((y) => sc.classes.indexOf(y));
    expectClose(sc.metrics.calibrationError?.value ?? Number.NaN, multiclassCalibrationError(PROB, target), 1e-12);
  });

  it("names the peers and the method", () => {
    expect(sc.metrics.macroF1.peer).toBe("sklearn.metrics.f1_score (average='macro', zero_division=0)");
    expect(sc.metrics.calibrationError?.peer).toBe("torchmetrics multiclass_calibration_error (l1, 15 bins)");
    expect(sc.method).toBe("percentile-bootstrap");
    expect(sc.rows).toBe(10);
  });

  it("without probabilities there is no log loss or calibration error", () => {
    const s = multiclassScorecard({ yTrue: YT, yPred: YP }, { resamples: 50 });
    expect(s.metrics.logLoss).toBeUndefined();
    expect(s.metrics.calibrationError).toBeUndefined();
    expect(Object.keys(s.metrics)).toEqual([
      "accuracy",
      "balancedAccuracy",
      "macroPrecision",
      "macroRecall",
      "macroF1",
      "weightedPrecision",
      "weightedRecall",
      "weightedF1",
    ]);
    expect(s.metrics.macroF1.value).toBe(sc.metrics.macroF1.value);
  });
});

describe("multiclassScorecard labels and edge cases", () => {
  it("dictionary codes give the same result as strings, whatever the dictionaries' order", () => {
    const dictT = ["fox", "eel", "dog", "cat"];
    const dictP = ["gnu", "dog", "eel", "cat", "unused"];
    const codes = (ys: string[], dict: string[]): Int32Array => Int32Array.from(ys, (y) => dict.indexOf(y));
    const a = multiclassScorecard({ yTrue: YT, yPred: YP, yProb: PROB }, { resamples: 100, seed: 1 });
    const b = multiclassScorecard(
      { yTrue: { codes: codes(YT, dictT), dictionary: dictT }, yPred: { codes: codes(YP, dictP), dictionary: dictP }, yProb: { data: PROB.flat(), nClasses: 5 } },
      { resamples: 100, seed: 1 },
    );
    expect(b).toEqual(a);
  });

  it("numeric labels sort numerically", () => {
    const s = multiclassScorecard({ yTrue: [10, 2, 2, 10, 1], yPred: [10, 2, 1, 2, 1] }, { resamples: 20 });
    expect(s.classes).toEqual(["1", "2", "10"]);
    expect(s.confusionMatrix).toEqual([
      [1, 0, 0],
      [1, 1, 0],
      [0, 1, 1],
    ]);
  });

  it("one class only: counts are perfect, log loss is undefined (scikit-learn raises)", () => {
    const s = multiclassScorecard({ yTrue: ["a", "a", "a"], yPred: ["a", "a", "a"], yProb: [[1], [1], [1]] }, { resamples: 20 });
    expect(s.classes).toEqual(["a"]);
    for (const name of ["accuracy", "balancedAccuracy", "macroPrecision", "macroRecall", "macroF1", "weightedF1"] as const) {
      expect(s.metrics[name].value).toBe(1);
    }
    expect(s.metrics.logLoss?.value).toBeNaN();
    expect(s.metrics.calibrationError?.value).toBe(0);
  });

  it("the model's labels: an unseen class is listed with zeros and does not enter the averages", () => {
    const probs = PROB.map((r) => [...r.slice(0, 3), 0, ...r.slice(3)]); // column for "emu" (sorted between eel and fox)
    const withLabels = multiclassScorecard(
      { yTrue: YT, yPred: YP, yProb: probs, labels: ["gnu", "fox", "emu", "eel", "dog", "cat"] },
      { resamples: 50 },
    );
    expect(withLabels.classes).toEqual(["cat", "dog", "eel", "emu", "fox", "gnu"]);
    expect(withLabels.perClass[3]).toEqual({ label: "emu", precision: 0, recall: 0, f1: 0, support: 0, predicted: 0 });
    expect(withLabels.confusionMatrix[3]).toEqual([0, 0, 0, 0, 0, 0]);
    const plain = multiclassScorecard({ yTrue: YT, yPred: YP, yProb: PROB }, { resamples: 50 });
    for (const name of ["macroPrecision", "macroRecall", "macroF1", "balancedAccuracy", "logLoss", "calibrationError"] as const) {
      expectClose(withLabels.metrics[name]?.value ?? Number.NaN, plain.metrics[name]?.value ?? Number.NaN);
    }
  });

  it("a class absent from yTrue but predicted counts in macro recall as 0 (zero_division=0)", () => {
    // classes a, b; b only predicted: recall a = 1/2, b = 0/0 -> 0 -> macro 0.25; balanced accuracy 0.5
    const s = multiclassScorecard({ yTrue: ["a", "a"], yPred: ["a", "b"] }, { resamples: 20 });
    expectClose(s.metrics.macroRecall.value, 0.25);
    expectClose(s.metrics.balancedAccuracy.value, 0.5);
    expectClose(s.metrics.macroPrecision.value, 0.5); // a: 1/1, b: 0/1
  });

  it.each([
    { what: "different lengths", input: { yTrue: ["a", "b"], yPred: ["a"] }, message: "inconsistent numbers of samples" },
    { what: "missing label", input: { yTrue: ["a", null], yPred: ["a", "b"] }, message: "missing labels" },
    { what: "negative code", input: { yTrue: { codes: Int32Array.from([0, -1]), dictionary: ["a"] }, yPred: ["a", "a"] }, message: "missing labels" },
    { what: "label outside labels", input: { yTrue: ["a", "b"], yPred: ["a", "c"], labels: ["a", "b"] }, message: "not among the labels" },
    { what: "probability columns", input: { yTrue: ["a", "b"], yPred: ["a", "b"], yProb: [[0.5, 0.3, 0.2], [0.1, 0.8, 0.1]] }, message: "number of classes" },
    { what: "probability outside [0, 1]", input: { yTrue: ["a", "b"], yPred: ["a", "b"], yProb: [[1.5, -0.5], [0.1, 0.9]] }, message: "outside [0, 1]" },
    { what: "NaN probability", input: { yTrue: ["a", "b"], yPred: ["a", "b"], yProb: [[Number.NaN, 0.5], [0.1, 0.9]] }, message: "NaN" },
    { what: "no rows", input: { yTrue: [], yPred: [] }, message: "at least one row" },
  ])("rejects $what", ({ input, message }) => {
    expect(() => multiclassScorecard(input as Parameters<typeof multiclassScorecard>[0], { resamples: 10 })).toThrow(MetricInputError);
    expect(() => multiclassScorecard(input as Parameters<typeof multiclassScorecard>[0], { resamples: 10 })).toThrow(message);
  });
});

/** Seeded synthetic multiclass data: K classes, a noisy model, probabilities from a softmax. */
function synthetic(n: number, K: number, seed: number): { yTrue: Int32Array; yPred: Int32Array; prob: Float64Array } {
  let s = seed >>> 0;
  const rnd = (): number => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
  const yTrue = new Int32Array(n);
  const yPred = new Int32Array(n);
  const prob = new Float64Array(n * K);
  const logits = new Float64Array(K);
  for (let i = 0; i < n; i++) {
    const t = Math.min(K - 1, Math.floor(rnd() ** 1.5 * K)); // imbalanced classes
    yTrue[i] = t;
    let mx = -Infinity;
    for (let k = 0; k < K; k++) {
      logits[k] = (k === t ? 1.2 : 0) + 2 * rnd();
      if ((logits[k] as number) > mx) mx = logits[k] as number;
    }
    let z = 0;
    for (let k = 0; k < K; k++) z += Math.exp((logits[k] as number) - mx);
    let best = 0;
    for (let k = 0; k < K; k++) {
      const p = Math.round((Math.exp((logits[k] as number) - mx) / z) * 1e6) / 1e6;
      prob[i * K + k] = Math.min(1, p);
      if (p > (prob[i * K + best] as number)) best = k;
    }
    yPred[i] = best;
  }
  return { yTrue, yPred, prob };
}

describe("multiclassScorecard bootstrap", () => {
  const { yTrue, yPred, prob } = synthetic(4000, 4, 11);
  const input = { yTrue, yPred, yProb: { data: prob, nClasses: 4 } };
  const classic = multiclassScorecard(input, { resamples: 300, seed: 5 });

  it("point values agree with the peers on synthetic data", () => {
    const t = Array.from(yTrue);
    const p = Array.from(yPred);
    const prf = precisionRecallFscoreSupport(t, p, { average: "weighted" });
    expectClose(classic.metrics.weightedPrecision.value, prf.precision);
    expectClose(classic.metrics.weightedF1.value, prf.fScore);
    expectClose(classic.metrics.balancedAccuracy.value, balancedAccuracyScore(t, p));
    expectClose(classic.metrics.logLoss?.value ?? Number.NaN, logLoss(t, { data: prob, nClasses: 4 }));
    expectClose(classic.metrics.calibrationError?.value ?? Number.NaN, multiclassCalibrationError({ data: prob, nClasses: 4 }, t), 1e-12);
    expect(classic.confusionMatrix).toEqual(confusionMatrix(t, p).matrix);
  });

  it("classic intervals bracket the estimate and repeat for the same seed", () => {
    for (const m of Object.values(classic.metrics)) {
      expect(m.ci.method).toBe("percentile-bootstrap");
      expect(m.ci.resamples).toBe(300);
      expect(m.ci.lower).toBeLessThanOrEqual(m.ci.estimate);
      expect(m.ci.upper).toBeGreaterThanOrEqual(m.ci.estimate);
      expect(m.ci.upper).toBeGreaterThan(m.ci.lower);
    }
    expect(multiclassScorecard(input, { resamples: 300, seed: 5 })).toEqual(classic);
    expect(multiclassScorecard(input, { resamples: 300, seed: 6 }).metrics.accuracy.ci).not.toEqual(classic.metrics.accuracy.ci);
  });

  it("the binned Poisson bootstrap names itself, reports binnedShare and agrees with the classic one", () => {
    const p = multiclassScorecard(input, { resamples: 300, seed: 5, method: "poisson", chunks: 256 });
    expect(p.method).toBe("binned-poisson-bootstrap");
    expect(p.metrics.accuracy.ci.binnedShare).toBe(0);
    expect(p.metrics.logLoss?.ci.binnedShare).toBeGreaterThan(0);
    expect(p.metrics.logLoss?.ci.binnedShare).toBeLessThan(0.05);
    expect(p.metrics.calibrationError?.ci.binnedShare).toBeLessThan(0.05);
    for (const name of ["accuracy", "balancedAccuracy", "macroF1", "weightedPrecision", "logLoss"] as const) {
      const a = p.metrics[name];
      const c = classic.metrics[name];
      expect(a?.value).toBe(c?.value);
      const wp = (a?.ci.upper ?? 0) - (a?.ci.lower ?? 0);
      const wc = (c?.ci.upper ?? 0) - (c?.ci.lower ?? 0);
      expect(Math.abs(wp / wc - 1)).toBeLessThan(0.35);
    }
  });

  it("without probabilities: Multinomial cells (classic) and Poisson cells, same width", () => {
    const a = multiclassScorecard({ yTrue, yPred }, { resamples: 400, seed: 2 });
    const b = multiclassScorecard({ yTrue, yPred }, { resamples: 400, seed: 2, method: "poisson" });
    expect(a.method).toBe("percentile-bootstrap");
    expect(b.method).toBe("poisson-bootstrap");
    expect(b.metrics.macroF1.ci.binnedShare).toBeUndefined();
    const wa = a.metrics.macroF1.ci.upper - a.metrics.macroF1.ci.lower;
    const wb = b.metrics.macroF1.ci.upper - b.metrics.macroF1.ci.lower;
    expect(Math.abs(wb / wa - 1)).toBeLessThan(0.35);
    // and the classic cell draw matches a row bootstrap's width
    const wc = classic.metrics.macroF1.ci.upper - classic.metrics.macroF1.ci.lower;
    expect(Math.abs(wa / wc - 1)).toBeLessThan(0.35);
  });

  it("1,000,000 rows x 5 classes with 1,000 resamples stays fast (Poisson bootstrap on chunks)", () => {
    const big = synthetic(1_000_000, 5, 3);
    const t0 = performance.now();
    const s = multiclassScorecard({ yTrue: big.yTrue, yPred: big.yPred, yProb: { data: big.prob, nClasses: 5 } }, { resamples: 1000, seed: 1 });
    const seconds = (performance.now() - t0) / 1000;
    expect(s.method).toBe("binned-poisson-bootstrap");
    expect(s.metrics.logLoss?.ci.binnedShare).toBeLessThan(0.01);
    expect(s.metrics.calibrationError?.ci.binnedShare).toBeLessThan(0.01);
    expect(s.metrics.accuracy.ci.upper - s.metrics.accuracy.ci.lower).toBeLessThan(0.01);
    // under 1 s on an idle core; generous here because test machines are shared
    expect(seconds).toBeLessThan(4);
  }, 30_000);
});

describe("multiclassScorecard sample size (performance rule: 100 labelled rows)", () => {
  const rows = (n: number): string[] => Array.from({ length: n }, (_, i) => ["a", "b", "c"][i % 3] as string);
  it.each([
    { n: 99, minRows: undefined, judgeable: false },
    { n: 100, minRows: undefined, judgeable: true },
    { n: 40, minRows: 40, judgeable: true },
    { n: 39, minRows: 40, judgeable: false },
  ])("$n rows, minimum $minRows -> judgeable $judgeable", ({ n, minRows, judgeable }) => {
    const y = rows(n);
    const s = multiclassScorecard({ yTrue: y, yPred: y }, { resamples: 10, minRows });
    expect(s.sampleSize.judgeable).toBe(judgeable);
    expect(s.sampleSize.minRows).toBe(minRows ?? 100);
    expect(s.metrics.accuracy.sampleSize.judgeable).toBe(judgeable);
    expect(s.metrics.accuracy.sampleSize.message).toBe(judgeable ? undefined : "too few rows to judge");
  });
});

describe("multiclassScorecard properties", () => {
  it("averages match the scikit-learn ports for any labels (classes never predicted or never true included)", () => {
    const labels = fc.array(fc.constantFrom("a", "b", "c", "d"), { minLength: 1, maxLength: 40 });
    fc.assert(
      fc.property(labels, labels, (t0, p0) => {
        const n = Math.min(t0.length, p0.length);
        const t = t0.slice(0, n);
        const p = p0.slice(0, n);
        const s = multiclassScorecard({ yTrue: t, yPred: p }, { resamples: 5 });
        expectClose(s.metrics.accuracy.value, accuracyScore(t, p));
        expectClose(s.metrics.balancedAccuracy.value, balancedAccuracyScore(t, p));
        for (const average of ["macro", "weighted"] as const) {
          const r = precisionRecallFscoreSupport(t, p, { average });
          const pre = average === "macro" ? "macro" : "weighted";
          expectClose(s.metrics[`${pre}Precision`].value, r.precision);
          expectClose(s.metrics[`${pre}Recall`].value, r.recall);
          expectClose(s.metrics[`${pre}F1`].value, r.fScore);
        }
      }),
      { numRuns: 150 },
    );
  });
});
