/** Training report metrics, computed with Sightline's own metrics library (lib/metrics). */
import { accuracyScore, f1Score, logLoss, meanAbsoluteError, precisionScore, r2Score, recallScore, rocAucScore, rootMeanSquaredError } from "../../lib/metrics";

const round = (v: number) => Number(v.toFixed(4));

export interface BinaryMetrics {
  readonly rows: number;
  readonly positiveRate: number;
  readonly accuracy: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly rocAuc: number;
  readonly logLoss: number;
}

export interface RegressionMetrics {
  readonly rows: number;
  readonly meanActual: number;
  readonly meanPredicted: number;
  readonly rmse: number;
  readonly mae: number;
  readonly r2: number;
}

/** Binary metrics at the 0.5 threshold; `y` is 1 for the positive class. */
export function binaryMetrics(y: Float64Array, p: Float64Array): BinaryMetrics {
  const pred = Float64Array.from(p, (v) => (v > 0.5 ? 1 : 0));
  let positives = 0;
  for (const v of y) positives += v;
  return {
    rows: y.length,
    positiveRate: round(positives / y.length),
    accuracy: round(accuracyScore(y, pred)),
    precision: round(precisionScore(y, pred)),
    recall: round(recallScore(y, pred)),
    f1: round(f1Score(y, pred)),
    rocAuc: round(rocAucScore(y, p)),
    logLoss: round(logLoss(y, p)),
  };
}

export function regressionMetrics(y: Float64Array, p: Float64Array): RegressionMetrics {
  let sy = 0;
  let sp = 0;
  for (let i = 0; i < y.length; i++) {
    sy += y[i] as number;
    sp += p[i] as number;
  }
  return {
    rows: y.length,
    meanActual: round(sy / y.length),
    meanPredicted: round(sp / y.length),
    rmse: round(rootMeanSquaredError(y, p)),
    mae: round(meanAbsoluteError(y, p)),
    r2: round(r2Score(y, p)),
  };
}
