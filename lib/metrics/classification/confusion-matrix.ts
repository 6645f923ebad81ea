import { MetricInputError } from "../errors";
import { type Label, type LabelArray, type Weights, checkWeights, encode, weightAt } from "../internal/labels";
import { checkTargets, presentLabels } from "./targets";

export type ConfusionNormalize = "true" | "pred" | "all";

export interface ConfusionMatrixOptions {
  /** Labels indexing the matrix, in this order; default: the sorted labels present in either input. */
  labels?: readonly Label[];
  sampleWeight?: Weights;
  /** Normalise over true labels (rows), predicted labels (columns) or everything; 0/0 cells are 0. */
  normalize?: ConfusionNormalize;
}

export interface ConfusionMatrixResult {
  labels: Label[];
  /** `matrix[i][j]`: rows with true label `labels[i]` predicted as `labels[j]`. */
  matrix: number[][];
}

/** Agrees with sklearn.metrics.confusion_matrix. */
export function confusionMatrix(
  yTrue: LabelArray,
  yPred: LabelArray,
  options: ConfusionMatrixOptions = {},
): ConfusionMatrixResult {
  checkTargets(yTrue, yPred);
  let labels: Label[];
  if (options.labels === undefined) {
    labels = presentLabels(yTrue, yPred);
  } else {
    labels = [...options.labels];
    if (labels.length === 0) throw new MetricInputError("'labels' should contains at least one label.");
    if (yTrue.length === 0) {
      return { labels, matrix: labels.map(() => labels.map(() => 0)) };
    }
    const set = new Set<Label>(labels);
    let any = false;
    for (let i = 0; i < yTrue.length && !any; i++) if (set.has(yTrue[i] as Label)) any = true;
    if (!any) throw new MetricInputError("At least one label specified must be in y_true");
  }
  const w = options.sampleWeight;
  checkWeights(w, yTrue.length);
  const k = labels.length;
  const t = encode(yTrue, labels);
  const p = encode(yPred, labels);
  const cm: number[][] = labels.map(() => new Array<number>(k).fill(0));
  for (let i = 0; i < t.length; i++) {
    const a = t[i] as number;
    const b = p[i] as number;
    if (a < 0 || b < 0) continue;
    const row = cm[a] as number[];
    row[b] = (row[b] as number) + weightAt(w, i);
  }
  return { labels, matrix: normalizeMatrix(cm, options.normalize) };
}

export function normalizeMatrix(cm: number[][], normalize: ConfusionNormalize | undefined): number[][] {
  if (normalize === undefined) return cm;
  const k = cm.length;
  const safe = (x: number): number => (Number.isNaN(x) ? 0 : x === Infinity ? Number.MAX_VALUE : x === -Infinity ? -Number.MAX_VALUE : x);
  if (normalize === "true") {
    return cm.map((row) => {
      const s = row.reduce((a, b) => a + b, 0);
      return row.map((v) => safe(v / s));
    });
  }
  if (normalize === "pred") {
    const colSums = new Array<number>(k).fill(0);
    for (const row of cm) row.forEach((v, j) => (colSums[j] = (colSums[j] as number) + v));
    return cm.map((row) => row.map((v, j) => safe(v / (colSums[j] as number))));
  }
  let total = 0;
  for (const row of cm) for (const v of row) total += v;
  return cm.map((row) => row.map((v) => safe(v / total)));
}
