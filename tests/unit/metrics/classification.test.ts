import { describe, expect, it } from "vitest";
import {
  MetricInputError,
  accuracyScore,
  auc,
  averagePrecisionScore,
  balancedAccuracyScore,
  brierScoreLoss,
  confusionMatrix,
  f1Score,
  fbetaScore,
  logLoss,
  matthewsCorrcoef,
  precisionRecallCurve,
  precisionRecallFscoreSupport,
  precisionScore,
  recallScore,
  rocAucScore,
  rocCurve,
} from "../../../lib/metrics";
import { expectAllClose, expectClose } from "./helpers";

// The multiclass example used throughout the scikit-learn docstrings of precision_score,
// recall_score, f1_score and fbeta_score.
const Y_TRUE = [0, 1, 2, 0, 1, 2];
const Y_PRED = [0, 2, 1, 0, 0, 1];

describe("accuracyScore (sklearn.metrics.accuracy_score)", () => {
  it.each([
    // sklearn docstring: accuracy_score([0, 2, 1, 3] vs [0, 1, 2, 3]) == 0.5, normalize=False == 2
    { yTrue: [0, 1, 2, 3], yPred: [0, 2, 1, 3], normalize: true, expected: 0.5 },
    { yTrue: [0, 1, 2, 3], yPred: [0, 2, 1, 3], normalize: false, expected: 2 },
    // by hand: weights 1,2,3,4, correct rows 0 and 3 -> (1 + 4) / 10
    { yTrue: [0, 1, 2, 3], yPred: [0, 2, 1, 3], normalize: true, weights: [1, 2, 3, 4], expected: 0.5 },
    { yTrue: ["a", "b"], yPred: ["a", "a"], normalize: true, expected: 0.5 },
  ])("$yTrue vs $yPred -> $expected", ({ yTrue, yPred, normalize, weights, expected }) => {
    expectClose(accuracyScore(yTrue as number[], yPred as number[], { normalize, sampleWeight: weights }), expected);
  });

  it("rejects continuous targets like scikit-learn", () => {
    expect(() => accuracyScore([0.5, 1], [0, 1])).toThrow("Classification metrics can't handle a mix of continuous and binary targets");
  });
});

describe("confusionMatrix (sklearn.metrics.confusion_matrix)", () => {
  it("docstring example: rows true, columns predicted, sorted labels", () => {
    const r = confusionMatrix([2, 0, 2, 2, 0, 1], [0, 0, 2, 2, 0, 2]);
    expect(r.labels).toEqual([0, 1, 2]);
    expect(r.matrix).toEqual([
      [2, 0, 0],
      [0, 0, 1],
      [1, 0, 2],
    ]);
  });

  it("docstring example with string labels and explicit order", () => {
    const r = confusionMatrix(["cat", "ant", "cat", "cat", "ant", "bird"], ["ant", "ant", "cat", "cat", "ant", "cat"], {
      labels: ["ant", "bird", "cat"],
    });
    expect(r.matrix).toEqual([
      [2, 0, 0],
      [0, 0, 1],
      [1, 0, 2],
    ]);
  });

  it("docstring binary example: tn, fp, fn, tp = 0, 2, 1, 1", () => {
    expect(confusionMatrix([0, 1, 0, 1], [1, 1, 1, 0]).matrix.flat()).toEqual([0, 2, 1, 1]);
  });

  it.each([
    // [[2,0,0],[0,0,1],[1,0,2]] normalised; row 1 sums to 1, column 1 sums to 0 -> 0/0 cells are 0
    { normalize: "true" as const, expected: [1, 0, 0, 0, 0, 1, 1 / 3, 0, 2 / 3] },
    { normalize: "pred" as const, expected: [2 / 3, 0, 0, 0, 0, 1 / 3, 1 / 3, 0, 2 / 3] },
    { normalize: "all" as const, expected: [2 / 6, 0, 0, 0, 0, 1 / 6, 1 / 6, 0, 2 / 6] },
  ])("normalize=$normalize", ({ normalize, expected }) => {
    expectAllClose(confusionMatrix([2, 0, 2, 2, 0, 1], [0, 0, 2, 2, 0, 2], { normalize }).matrix.flat(), expected);
  });

  it("errors like scikit-learn on labels absent from y_true", () => {
    expect(() => confusionMatrix([0, 1], [0, 1], { labels: [5] })).toThrow("At least one label specified must be in y_true");
    expect(() => confusionMatrix([0, 1], [0, 1], { labels: [] })).toThrow("'labels' should contains at least one label.");
  });
});

describe("precision / recall / F-beta (sklearn.metrics.precision_recall_fscore_support)", () => {
  it.each([
    // sklearn docstrings: precision macro 0.22.., micro 0.33.., weighted 0.22..
    { average: "macro" as const, p: 2 / 9, r: 1 / 3, f: 0.26666666666666666, f05: 0.23809523809523805 },
    { average: "micro" as const, p: 1 / 3, r: 1 / 3, f: 1 / 3, f05: 1 / 3 },
    { average: "weighted" as const, p: 2 / 9, r: 1 / 3, f: 0.26666666666666666, f05: 0.23809523809523805 },
  ])("docstring multiclass example, average=$average", ({ average, p, r, f, f05 }) => {
    expectClose(precisionScore(Y_TRUE, Y_PRED, { average }), p);
    expectClose(recallScore(Y_TRUE, Y_PRED, { average }), r);
    expectClose(f1Score(Y_TRUE, Y_PRED, { average }), f);
    expectClose(fbetaScore(Y_TRUE, Y_PRED, { average, beta: 0.5 }), f05);
  });

  it("per label (average none): docstring arrays", () => {
    expectAllClose(precisionScore(Y_TRUE, Y_PRED, { average: "none" }), [2 / 3, 0, 0]);
    expectAllClose(recallScore(Y_TRUE, Y_PRED, { average: "none" }), [1, 0, 0]);
    expectAllClose(f1Score(Y_TRUE, Y_PRED, { average: "none" }), [0.8, 0, 0]);
    // fbeta docstring: array([0.71..., 0., 0.]); by hand (1.25 * 2) / (0.25 * 2 + 3) = 2.5 / 3.5
    expectAllClose(fbetaScore(Y_TRUE, Y_PRED, { average: "none", beta: 0.5 }), [2.5 / 3.5, 0, 0]);
  });

  it.each([
    // precision_score docstring with y_pred all zero: [0.33, 0, 0] / zero_division=1: [0.33, 1, 1] / nan
    { zeroDivision: 0 as const, expected: [1 / 3, 0, 0] },
    { zeroDivision: 1 as const, expected: [1 / 3, 1, 1] },
    { zeroDivision: "nan" as const, expected: [1 / 3, Number.NaN, Number.NaN] },
  ])("zeroDivision=$zeroDivision for precision with no predicted positives", ({ zeroDivision, expected }) => {
    expectAllClose(precisionScore(Y_TRUE, [0, 0, 0, 0, 0, 0], { average: "none", zeroDivision }), expected);
  });

  it.each([
    // recall_score docstring with y_true all zero: [0.5, 0, 0] / [0.5, 1, 1] / [0.5, nan, nan]
    { zeroDivision: 0 as const, expected: [0.5, 0, 0] },
    { zeroDivision: 1 as const, expected: [0.5, 1, 1] },
    { zeroDivision: "nan" as const, expected: [0.5, Number.NaN, Number.NaN] },
  ])("zeroDivision=$zeroDivision for recall with no true positives", ({ zeroDivision, expected }) => {
    expectAllClose(recallScore([0, 0, 0, 0, 0, 0], Y_PRED, { average: "none", zeroDivision }), expected);
  });

  it.each([
    // f1_score docstring: all-negative y_true and y_pred -> 0.0, 1.0 with zero_division=1, nan
    { zeroDivision: undefined, expected: 0 },
    { zeroDivision: 1 as const, expected: 1 },
    { zeroDivision: "nan" as const, expected: Number.NaN },
  ])("binary F1 with no positives at all, zeroDivision=$zeroDivision", ({ zeroDivision, expected }) => {
    expectClose(f1Score([0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0], { zeroDivision }), expected);
  });

  it("NaN from zeroDivision='nan' is left out of the macro average", () => {
    // precision per label [1/3, nan, nan] -> nanaverage = 1/3
    expectClose(precisionScore(Y_TRUE, [0, 0, 0, 0, 0, 0], { average: "macro", zeroDivision: "nan" }), 1 / 3);
  });

  it("F is 0 when precision and recall are both 0 (tp = 0 but denominators non-zero)", () => {
    expectClose(f1Score([1, 0], [0, 1]), 0);
  });

  it("docstring example with strings and explicit label order", () => {
    const r = precisionRecallFscoreSupport(
      ["cat", "dog", "pig", "cat", "dog", "pig"],
      ["cat", "pig", "dog", "cat", "cat", "dog"],
      { labels: ["pig", "dog", "cat"] },
    );
    expectAllClose(r.precision, [0, 0, 2 / 3]);
    expectAllClose(r.recall, [0, 0, 1]);
    expectAllClose(r.fScore, [0, 0, 0.8]);
    expect(r.support).toEqual([2, 2, 2]);
  });

  it("binary average with sample weights (by hand)", () => {
    // rows: (t=1,p=1,w=2) (t=1,p=0,w=1) (t=0,p=1,w=3) (t=0,p=0,w=4): tp=2, fp=3, fn=1
    const w = [2, 1, 3, 4];
    expectClose(precisionScore([1, 1, 0, 0], [1, 0, 1, 0], { sampleWeight: w }), 2 / 5);
    expectClose(recallScore([1, 1, 0, 0], [1, 0, 1, 0], { sampleWeight: w }), 2 / 3);
    // F1 = 2 tp / (2 tp + fn + fp) = 4 / 8
    expectClose(f1Score([1, 1, 0, 0], [1, 0, 1, 0], { sampleWeight: w }), 0.5);
  });

  it("beta = +Infinity is recall and beta = 0 is precision", () => {
    expectClose(fbetaScore([1, 1, 0, 0], [1, 0, 1, 0], { beta: Number.POSITIVE_INFINITY }), 0.5);
    expectClose(fbetaScore([1, 1, 0, 1], [1, 0, 1, 1], { beta: 0 }), 2 / 3);
  });

  it("errors like scikit-learn", () => {
    expect(() => precisionScore(Y_TRUE, Y_PRED)).toThrow(
      "Target is multiclass but average='binary'. Please choose another average setting, one of [None, 'micro', 'macro', 'weighted'].",
    );
    expect(() => precisionScore([0, 2], [2, 0])).toThrow("pos_label=1 is not a valid label. It should be one of [0, 2]");
  });
});

describe("balancedAccuracyScore (sklearn.metrics.balanced_accuracy_score)", () => {
  it("docstring example: 0.625", () => {
    expectClose(balancedAccuracyScore([0, 1, 0, 0, 1, 0], [0, 1, 0, 0, 0, 1]), 0.625);
  });
  it("adjusted: (0.625 - 1/2) / (1 - 1/2) = 0.25", () => {
    expectClose(balancedAccuracyScore([0, 1, 0, 0, 1, 0], [0, 1, 0, 0, 0, 1], { adjusted: true }), 0.25);
  });
  it("mean recall over labels present in y_true only", () => {
    // y_pred has class 2 absent from y_true: recalls of 0 and 1 are 1/2 and 1 -> 0.75
    expectClose(balancedAccuracyScore([0, 0, 1], [0, 2, 1]), 0.75);
  });
});

describe("matthewsCorrcoef (sklearn.metrics.matthews_corrcoef)", () => {
  it("docstring example: -0.33...", () => {
    expectClose(matthewsCorrcoef([1, 1, 1, -1], [1, -1, 1, 1]), -1 / 3);
  });
  it("perfect multiclass prediction is 1 (Gorodkin)", () => {
    expectClose(matthewsCorrcoef([0, 1, 2, 2], [0, 1, 2, 2]), 1);
  });
  it("0 when a denominator is 0 (constant prediction)", () => {
    expect(matthewsCorrcoef([0, 1, 1, 0], [1, 1, 1, 1])).toBe(0);
  });
  it("multiclass by hand", () => {
    // C = [[1,1,0],[0,1,0],[1,0,1]]: t=[2,1,2], p=[2,2,1], n=5, correct=3
    // cov_tp = 3*5 - (4+2+2) = 7; cov_pp = 25 - 9 = 16; cov_tt = 25 - 9 = 16 -> 7/16
    expectClose(matthewsCorrcoef([0, 0, 1, 2, 2], [0, 1, 1, 0, 2]), 7 / 16);
  });
});

describe("rocCurve (sklearn.metrics.roc_curve)", () => {
  it("docstring example with pos_label=2, first threshold +Infinity", () => {
    const r = rocCurve([1, 1, 2, 2], [0.1, 0.4, 0.35, 0.8], { posLabel: 2 });
    expectAllClose(r.fpr, [0, 0, 0.5, 0.5, 1]);
    expectAllClose(r.tpr, [0, 0.5, 0.5, 1, 1]);
    expect(Array.from(r.thresholds)).toEqual([Number.POSITIVE_INFINITY, 0.8, 0.4, 0.35, 0.1]);
  });

  it("dropIntermediate removes collinear points; false keeps every distinct threshold", () => {
    // scores 0.9..0.5 all positive then negatives: tpr rises along fpr=0 in straight steps
    const y = [1, 1, 1, 0, 0, 0];
    const s = [0.9, 0.8, 0.7, 0.6, 0.5, 0.4];
    expect(Array.from(rocCurve(y, s).thresholds)).toEqual([Number.POSITIVE_INFINITY, 0.9, 0.7, 0.4]);
    expect(rocCurve(y, s, { dropIntermediate: false }).thresholds.length).toBe(7);
  });

  it("tied scores form one threshold", () => {
    const r = rocCurve([0, 1, 0, 1], [0.5, 0.5, 0.5, 0.5]);
    expectAllClose(r.fpr, [0, 1]);
    expectAllClose(r.tpr, [0, 1]);
  });

  it("no negatives gives NaN fpr (scikit-learn warns)", () => {
    const r = rocCurve([1, 1], [0.2, 0.3]);
    expect(Number.isNaN(r.fpr[0] as number)).toBe(true);
  });

  it("requires pos_label for labels outside {0,1}/{-1,1}", () => {
    expect(() => rocCurve([1, 2], [0.1, 0.2])).toThrow(
      "y_true takes value in {1, 2} and pos_label is not specified: either make y_true take value in {0, 1} or {-1, 1} or pass pos_label explicitly.",
    );
  });

  it("rejects NaN scores", () => {
    expect(() => rocCurve([0, 1], [Number.NaN, 0.2])).toThrow(MetricInputError);
  });
});

describe("rocAucScore (sklearn.metrics.roc_auc_score)", () => {
  it.each([
    // classic example [0,0,1,1] x [0.1,0.4,0.35,0.8]: 3 of 4 pairs ordered -> 0.75
    { y: [0, 0, 1, 1], s: [0.1, 0.4, 0.35, 0.8], expected: 0.75 },
    // all scores tied -> 0.5
    { y: [0, 0, 1, 1], s: [0.5, 0.5, 0.5, 0.5], expected: 0.5 },
    // one tie between a positive and a negative counts 1/2: pairs (p=.5 vs n=.5)=.5, others 1 -> 3.5/4
    { y: [0, 0, 1, 1], s: [0.1, 0.5, 0.5, 0.9], expected: 0.875 },
    { y: [1, 0], s: [0, 1], expected: 0 },
  ])("$y x $s -> $expected", ({ y, s, expected }) => {
    expectClose(rocAucScore(y, s), expected);
  });

  it("weighted by hand: AUC = weighted share of ordered pos/neg pairs", () => {
    // pos (0.8,w=2) (0.35,w=1); neg (0.4,w=3) (0.1,w=1)
    // ordered pairs weight: 2*3 + 2*1 + 1*1 = 9 of total (3)*(4) = 12
    expectClose(rocAucScore([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8], { sampleWeight: [1, 3, 1, 2] }), 9 / 12);
  });

  it("one class only is an error (scikit-learn 1.5)", () => {
    expect(() => rocAucScore([1, 1, 1], [0.2, 0.4, 0.6])).toThrow(
      "Only one class present in y_true. ROC AUC score is not defined in that case.",
    );
  });

  it("multiclass ovr/ovo by hand", () => {
    const y = [0, 1, 2, 2];
    const P = [
      [0.7, 0.2, 0.1],
      [0.2, 0.5, 0.3],
      [0.1, 0.3, 0.6],
      [0.3, 0.4, 0.3],
    ];
    // ovr: class 0 AUC 1, class 1 AUC: pos .5 vs negs .2,.3,.4 -> 1; class 2: pos .6,.3 vs negs .1,.3 -> (1+1+.5+1)/4
    expectClose(rocAucScore(y, P, { multiClass: "ovr" }), (1 + 1 + 0.875) / 3);
    expectAllClose(rocAucScore(y, P, { multiClass: "ovr", average: "none" }), [1, 1, 0.875]);
    // weighted by support 1,1,2 -> (1 + 1 + 2*0.875)/4
    expectClose(rocAucScore(y, P, { multiClass: "ovr", average: "weighted" }), 3.75 / 4);
    expect(() => rocAucScore(y, P)).toThrow("multi_class must be in ('ovo', 'ovr')");
    expect(() => rocAucScore(y, [[0.5, 0.6, 0.1], [0.2, 0.5, 0.3], [0.1, 0.3, 0.6], [0.3, 0.4, 0.3]], { multiClass: "ovr" })).toThrow(
      "Target scores need to be probabilities for multiclass roc_auc",
    );
  });

  it("negated scores give 1 - AUC", () => {
    const y = [0, 1, 0, 1, 1, 0];
    const s = [0.1, 0.7, 0.3, 0.3, 0.9, 0.2];
    expectClose(rocAucScore(y, s.map((v) => -v)), 1 - rocAucScore(y, s));
  });
});

describe("auc (sklearn.metrics.auc)", () => {
  it("trapezoid; decreasing x allowed", () => {
    expectClose(auc([0, 0.5, 1], [0, 1, 1]), 0.75);
    expectClose(auc([1, 0.5, 0], [1, 1, 0]), 0.75);
    expect(() => auc([0, 1, 0.5], [0, 1, 1])).toThrow("x is neither increasing nor decreasing");
    expect(() => auc([0], [0])).toThrow("At least 2 points are needed");
  });
});

describe("precisionRecallCurve and averagePrecisionScore", () => {
  it("sklearn docstring example", () => {
    const r = precisionRecallCurve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]);
    expectAllClose(r.precision, [0.5, 2 / 3, 0.5, 1, 1]);
    expectAllClose(r.recall, [1, 1, 0.5, 0.5, 0]);
    expectAllClose(r.thresholds, [0.1, 0.35, 0.4, 0.8]);
  });

  it.each([
    // docstring: 0.83...; by hand (0.5-0)*1 + (1-0.5)*(2/3) = 0.8333
    { y: [0, 0, 1, 1], s: [0.1, 0.4, 0.35, 0.8], expected: 5 / 6 },
    // constant score gives the prevalence
    { y: [0, 0, 0, 1], s: [0.3, 0.3, 0.3, 0.3], expected: 0.25 },
    // no positives gives 0 (scikit-learn warns)
    { y: [0, 0, 0], s: [0.1, 0.2, 0.3], expected: 0 },
  ])("AP $y x $s -> $expected", ({ y, s, expected }) => {
    expectClose(averagePrecisionScore(y, s), expected);
  });

  it("PR curve ends at (precision 1, recall 0)", () => {
    const r = precisionRecallCurve([1, 0, 1], [0.9, 0.4, 0.2]);
    expect(r.precision[r.precision.length - 1]).toBe(1);
    expect(r.recall[r.recall.length - 1]).toBe(0);
  });

  it("invalid pos_label is an error", () => {
    expect(() => averagePrecisionScore([0, 2], [0.1, 0.2])).toThrow("pos_label=1 is not a valid label. It should be one of [0, 2]");
  });
});

describe("logLoss (sklearn.metrics.log_loss)", () => {
  it("docstring example: 0.21616...", () => {
    expectClose(
      logLoss(["spam", "ham", "ham", "spam"], [
        [0.1, 0.9],
        [0.9, 0.1],
        [0.8, 0.2],
        [0.35, 0.65],
      ]),
      0.21616187468057912,
    );
  });

  it("clips to [eps, 1 - eps] with eps = 2.220446049250313e-16", () => {
    // -ln(1 - eps) for the right answer, -ln(eps) = 36.04365338911715 for the wrong one
    expectClose(logLoss([0, 1], [0.0, 1.0]), 2.2204460492503136e-16, 1e-6);
    expectClose(logLoss([1, 0], [0.0, 1.0]), 36.04365338911715);
  });

  it("does not renormalise rows", () => {
    // rows sum to 0.5: loss is -ln(0.25) for both rows, not -ln(0.5)
    expectClose(logLoss([0, 1], [[0.25, 0.25], [0.25, 0.25]]), -Math.log(0.25));
  });

  it("one label only is an error", () => {
    expect(() => logLoss([1, 1], [0.5, 0.5])).toThrow(
      "y_true contains only one label (1). Please provide the true labels explicitly through the labels argument.",
    );
    expectClose(logLoss([1, 1], [0.5, 0.5], { labels: [0, 1] }), Math.LN2);
  });
});

describe("brierScoreLoss (sklearn.metrics.brier_score_loss)", () => {
  it.each([
    // docstring: 0.037...; by hand (.01 + .01 + .04 + .09)/4 = 0.0375
    { y: [0, 1, 1, 0] as (number | string)[], p: [0.1, 0.9, 0.8, 0.3], posLabel: undefined, expected: 0.0375 },
    { y: [0, 1, 1, 0], p: [0.9, 0.1, 0.2, 0.7], posLabel: 0, expected: 0.0375 },
    { y: ["spam", "ham", "ham", "spam"], p: [0.1, 0.9, 0.8, 0.3], posLabel: "ham", expected: 0.0375 },
    { y: [0, 1, 1, 0], p: [0, 1, 1, 0], posLabel: undefined, expected: 0 },
  ])("$y x $p (pos $posLabel) -> $expected", ({ y, p, posLabel, expected }) => {
    expectClose(brierScoreLoss(y as number[], p, { posLabel }), expected);
  });

  it("probabilities outside [0, 1] are errors", () => {
    expect(() => brierScoreLoss([0, 1], [0.5, 1.2])).toThrow("y_prob contains values greater than 1.");
    expect(() => brierScoreLoss([0, 1], [-0.1, 0.5])).toThrow("y_prob contains values less than 0.");
  });

  it("multiclass is an error", () => {
    expect(() => brierScoreLoss([0, 1, 2], [0.1, 0.2, 0.3])).toThrow(
      "Only binary classification is supported. The type of the target is multiclass.",
    );
  });
});
