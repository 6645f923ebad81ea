import { MetricInputError } from "../errors";
import { type Label, type LabelArray, type Weights, checkWeights, encode, labelToString, uniqueLabels, weightAt } from "../internal/labels";
import { type ScoreMatrix, isMatrix, toDense } from "../internal/matrix";

/** `np.finfo(np.float64).eps`. */
export const LOG_LOSS_EPS = 2.220446049250313e-16;

export interface LogLossOptions {
  /** Mean (default) or sum of the per-row losses. */
  normalize?: boolean;
  sampleWeight?: Weights;
  /** All labels, when yTrue does not contain every class. */
  labels?: readonly Label[];
}

/**
 * Agrees with sklearn.metrics.log_loss (scikit-learn 1.5): natural log, probabilities clipped to
 * `[eps, 1 - eps]`, rows not renormalised. A 1-D `yProb` is P(greater label); a matrix has one
 * column per sorted label.
 */
export function logLoss(yTrue: LabelArray, yProb: ArrayLike<number> | ScoreMatrix, options: LogLossOptions = {}): number {
  const n = yTrue.length;
  let classes: Label[];
  if (options.labels !== undefined) classes = uniqueLabels(options.labels as LabelArray);
  else classes = uniqueLabels(yTrue);
  if (classes.length === 1) {
    if (options.labels === undefined) {
      throw new MetricInputError(
        `y_true contains only one label (${labelToString(classes[0] as Label)}). Please provide the true labels explicitly through the labels argument.`,
      );
    }
    throw new MetricInputError(
      `The labels array needs to contain at least two labels for log_loss, got [${classes.map(labelToString).join(" ")}].`,
    );
  }
  let data: Float64Array;
  let cols: number;
  if (isMatrix(yProb)) {
    const m = toDense(yProb);
    data = m.data;
    cols = m.cols;
    if (m.rows !== n) throw new MetricInputError(`Found input variables with inconsistent numbers of samples: [${m.rows}, ${n}]`);
    if (cols === 1) {
      const d = new Float64Array(n * 2);
      for (let i = 0; i < n; i++) {
        d[2 * i] = 1 - (data[i] as number);
        d[2 * i + 1] = data[i] as number;
      }
      data = d;
      cols = 2;
    }
  } else {
    const p = yProb as ArrayLike<number>;
    if (p.length !== n) throw new MetricInputError(`Found input variables with inconsistent numbers of samples: [${p.length}, ${n}]`);
    data = new Float64Array(n * 2);
    for (let i = 0; i < n; i++) {
      data[2 * i] = 1 - (p[i] as number);
      data[2 * i + 1] = p[i] as number;
    }
    cols = 2;
  }
  for (let i = 0; i < data.length; i++) {
    if (!Number.isFinite(data[i] as number)) throw new MetricInputError("Input contains NaN.");
  }
  if (classes.length !== cols) {
    if (options.labels === undefined) {
      throw new MetricInputError(
        `y_true and y_pred contain different number of classes ${classes.length}, ${cols}. Please provide the true labels explicitly through the labels argument. Classes found in y_true: [${classes.map(labelToString).join(" ")}]`,
      );
    }
    throw new MetricInputError(
      `The number of classes in labels is different from that in y_pred. Classes found in labels: [${classes.map(labelToString).join(" ")}]`,
    );
  }
  const w = options.sampleWeight;
  checkWeights(w, n);
  const codes = encode(yTrue, classes);
  const eps = LOG_LOSS_EPS;
  let total = 0;
  let wsum = 0;
  for (let i = 0; i < n; i++) {
    const c = codes[i] as number;
    const wi = weightAt(w, i);
    wsum += wi;
    // LabelBinarizer encodes a label outside `labels` as an all-zero row: it adds no loss.
    if (c < 0) continue;
    let p = data[i * cols + c] as number;
    p = p < eps ? eps : p > 1 - eps ? 1 - eps : p;
    total += -Math.log(p) * wi;
  }
  if (options.normalize === false) return total;
  return total / wsum;
}
