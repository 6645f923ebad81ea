import { type LabelArray, type Weights } from "../internal/labels";
import { confusionMatrix } from "./confusion-matrix";

export interface MatthewsOptions {
  sampleWeight?: Weights;
}

/** Agrees with sklearn.metrics.matthews_corrcoef (binary and multiclass, Gorodkin's R_K; 0 when undefined). */
export function matthewsCorrcoef(yTrue: LabelArray, yPred: LabelArray, options: MatthewsOptions = {}): number {
  const { matrix } = confusionMatrix(yTrue, yPred, { sampleWeight: options.sampleWeight });
  return matthewsFromMatrix(matrix);
}

/** Matthews correlation from a confusion matrix (rows true, columns predicted). */
export function matthewsFromMatrix(C: readonly (readonly number[])[]): number {
  const k = C.length;
  const tSum = new Array<number>(k).fill(0);
  const pSum = new Array<number>(k).fill(0);
  let nCorrect = 0;
  for (let i = 0; i < k; i++) {
    const row = C[i] as readonly number[];
    for (let j = 0; j < k; j++) {
      const v = row[j] as number;
      tSum[i] = (tSum[i] as number) + v;
      pSum[j] = (pSum[j] as number) + v;
    }
    nCorrect += row[i] as number;
  }
  const nSamples = pSum.reduce((a, b) => a + b, 0);
  let dotTP = 0;
  let dotPP = 0;
  let dotTT = 0;
  for (let i = 0; i < k; i++) {
    dotTP += (tSum[i] as number) * (pSum[i] as number);
    dotPP += (pSum[i] as number) * (pSum[i] as number);
    dotTT += (tSum[i] as number) * (tSum[i] as number);
  }
  const covYtYp = nCorrect * nSamples - dotTP;
  const covYpYp = nSamples ** 2 - dotPP;
  const covYtYt = nSamples ** 2 - dotTT;
  if (covYpYp * covYtYt === 0) return 0.0;
  return covYtYp / Math.sqrt(covYtYt * covYpYp);
}
