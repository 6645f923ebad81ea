import { MetricInputError } from "../errors";
import { quantileSorted } from "../internal/numeric";
import { checkRegression } from "./common";

export interface ResidualQuantiles {
  /** The requested quantile levels, in [0, 1]. */
  q: number[];
  /** Quantiles of `yTrue - yPred` (NumPy's linear method). */
  values: number[];
}

/** Agrees with numpy.quantile(y_true - y_pred, q) (linear interpolation). Default q: 5%, 25%, 50%, 75%, 95%. */
export function residualQuantiles(
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  q: readonly number[] = [0.05, 0.25, 0.5, 0.75, 0.95],
): ResidualQuantiles {
  checkRegression(yTrue, yPred, undefined);
  for (const v of q) if (!(v >= 0 && v <= 1)) throw new MetricInputError("Quantiles must be in the range [0, 1]");
  const r = new Float64Array(yTrue.length);
  for (let i = 0; i < r.length; i++) r[i] = (yTrue[i] as number) - (yPred[i] as number);
  r.sort();
  return { q: [...q], values: q.map((v) => quantileSorted(r, v)) };
}
