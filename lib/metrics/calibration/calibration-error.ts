import { MetricInputError } from "../errors";
import { type ScoreMatrix, toDense } from "../internal/matrix";
import { torchLinspace } from "../internal/numeric";

export type CalibrationNorm = "l1" | "l2" | "max";

export interface CalibrationErrorOptions {
  /** Default 15. */
  nBins?: number;
  /** `l1` = expected calibration error, `l2` = RMS calibration error, `max` = maximum calibration error. */
  norm?: CalibrationNorm;
  /** Rows whose target equals this value are ignored. */
  ignoreIndex?: number;
}

function binAndReduce(conf: Float64Array, acc: Float64Array, nBins: number, norm: CalibrationNorm): number {
  const boundaries = torchLinspace(0, 1, nBins + 1);
  const nb = boundaries.length;
  const count = new Float64Array(nb);
  const confSum = new Float64Array(nb);
  const accSum = new Float64Array(nb);
  for (let i = 0; i < conf.length; i++) {
    const c = conf[i] as number;
    // torch.bucketize(c, boundaries, right=True) - 1: number of boundaries <= c, minus one.
    let lo = 0;
    let hi = nb;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((boundaries[mid] as number) <= c) lo = mid + 1;
      else hi = mid;
    }
    let idx = lo - 1;
    if (idx < 0) idx = nb - 1; // torch scatter with index -1 wraps to the last bin
    count[idx] = (count[idx] as number) + 1;
    confSum[idx] = (confSum[idx] as number) + c;
    accSum[idx] = (accSum[idx] as number) + (acc[i] as number);
  }
  let total = 0;
  for (let b = 0; b < nb; b++) total += count[b] as number;
  let l1 = 0;
  let l2 = 0;
  let mx = 0;
  for (let b = 0; b < nb; b++) {
    const n = count[b] as number;
    const accB = n === 0 ? 0 : (accSum[b] as number) / n;
    const confB = n === 0 ? 0 : (confSum[b] as number) / n;
    const prop = n / total;
    const d = Math.abs(accB - confB);
    l1 += d * prop;
    l2 += (accB - confB) ** 2 * prop;
    if (d > mx) mx = d;
  }
  if (norm === "l1") return l1;
  if (norm === "max") return mx;
  return l2 > 0 ? Math.sqrt(l2) : 0;
}

function checkArgs(nBins: number, norm: string): void {
  if (!(Number.isInteger(nBins) && nBins >= 1)) {
    throw new MetricInputError(`Expected argument \`n_bins\` to be an integer larger than 0, but got ${nBins}`);
  }
  if (!["l1", "l2", "max"].includes(norm)) {
    throw new MetricInputError(`Expected argument \`norm\` to be one of ('l1', 'l2', 'max'), but got ${norm}.`);
  }
}

/**
 * Agrees with torchmetrics.functional.classification.binary_calibration_error: confidence is
 * P(class 1), accuracy the 0/1 target, bins `[b_i, b_{i+1})` with an extra last bin for 1.0.
 * Scores outside [0, 1] are treated as logits (sigmoid first).
 */
export function binaryCalibrationError(
  preds: ArrayLike<number>,
  target: ArrayLike<number>,
  options: CalibrationErrorOptions = {},
): number {
  const nBins = options.nBins ?? 15;
  const norm = options.norm ?? "l1";
  checkArgs(nBins, norm);
  if (preds.length !== target.length) {
    throw new MetricInputError("Expected `preds` and `target` to have the same shape");
  }
  const ignore = options.ignoreIndex;
  const keep: number[] = [];
  for (let i = 0; i < target.length; i++) {
    const t = target[i] as number;
    if (ignore !== undefined && t === ignore) continue;
    if (t !== 0 && t !== 1) {
      throw new MetricInputError(
        `Detected the following values in \`target\`: [${t}] but expected only the following values [0, 1]${ignore !== undefined ? ` or the ignore index ${ignore}` : ""}.`,
      );
    }
    keep.push(i);
  }
  const conf = Float64Array.from(keep, (i) => preds[i] as number);
  const acc = Float64Array.from(keep, (i) => target[i] as number);
  let outside = false;
  for (let i = 0; i < conf.length; i++) {
    const v = conf[i] as number;
    if (!(v >= 0 && v <= 1)) outside = true;
  }
  if (outside) for (let i = 0; i < conf.length; i++) conf[i] = 1 / (1 + Math.exp(-(conf[i] as number)));
  return binAndReduce(conf, acc, nBins, norm);
}

/**
 * Agrees with torchmetrics.functional.classification.multiclass_calibration_error: confidence is
 * the top probability and accuracy whether the top class equals the target. Rows outside [0, 1]
 * are treated as logits (row softmax first). Torchmetrics computes this in float32; results agree
 * to ~1e-6.
 */
export function multiclassCalibrationError(
  preds: ScoreMatrix,
  target: ArrayLike<number>,
  options: CalibrationErrorOptions = {},
): number {
  const nBins = options.nBins ?? 15;
  const norm = options.norm ?? "l1";
  checkArgs(nBins, norm);
  const m = toDense(preds);
  if (m.rows !== target.length) throw new MetricInputError("Expected `preds` and `target` to have the same number of rows");
  const ignore = options.ignoreIndex;
  const rows: number[] = [];
  for (let i = 0; i < target.length; i++) {
    const t = target[i] as number;
    if (ignore !== undefined && t === ignore) continue;
    if (!(Number.isInteger(t) && t >= 0 && t < m.cols)) {
      throw new MetricInputError(`Detected more unique values in \`target\` than \`num_classes\`. Expected only ${m.cols} but found a value ${t} in \`target\`.`);
    }
    rows.push(i);
  }
  let outside = false;
  for (const i of rows) for (let j = 0; j < m.cols; j++) {
    const v = m.data[i * m.cols + j] as number;
    if (!(v >= 0 && v <= 1)) outside = true;
  }
  const conf = new Float64Array(rows.length);
  const acc = new Float64Array(rows.length);
  rows.forEach((i, k) => {
    const row = m.data.subarray(i * m.cols, (i + 1) * m.cols);
    let vals: Float64Array = row;
    if (outside) {
      let mx = -Infinity;
      for (const v of row) if (v > mx) mx = v;
      const e = Float64Array.from(row, (v) => Math.exp(v - mx));
      let s = 0;
      for (const v of e) s += v;
      vals = Float64Array.from(e, (v) => v / s);
    }
    let best = 0;
    for (let j = 1; j < m.cols; j++) if ((vals[j] as number) > (vals[best] as number)) best = j;
    conf[k] = vals[best] as number;
    acc[k] = best === (target[i] as number) ? 1 : 0;
  });
  return binAndReduce(conf, acc, nBins, norm);
}
