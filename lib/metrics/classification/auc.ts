import { MetricInputError } from "../errors";

/** Agrees with sklearn.metrics.auc (trapezoidal rule; x must be monotonic). */
export function auc(x: ArrayLike<number>, y: ArrayLike<number>): number {
  if (x.length !== y.length) {
    throw new MetricInputError(`Found input variables with inconsistent numbers of samples: [${x.length}, ${y.length}]`);
  }
  if (x.length < 2) {
    throw new MetricInputError(
      `At least 2 points are needed to compute area under curve, but x.shape = ${x.length}`,
    );
  }
  let direction = 1;
  let anyNeg = false;
  let allNonPos = true;
  for (let i = 1; i < x.length; i++) {
    const d = (x[i] as number) - (x[i - 1] as number);
    if (d < 0) anyNeg = true;
    if (d > 0) allNonPos = false;
  }
  if (anyNeg) {
    if (allNonPos) direction = -1;
    else throw new MetricInputError(`x is neither increasing nor decreasing : [${Array.from(x).join(" ")}].`);
  }
  let area = 0;
  for (let i = 1; i < x.length; i++) {
    area += ((x[i] as number) - (x[i - 1] as number)) * ((y[i] as number) + (y[i - 1] as number)) / 2.0;
  }
  return direction * area;
}
