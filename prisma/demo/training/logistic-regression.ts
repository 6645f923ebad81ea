/**
 * L2-regularised logistic regression by iteratively reweighted least squares (Newton's method),
 * the objective of scikit-learn's LogisticRegression(C = 1 / lambda): sum of log losses +
 * lambda / 2 * |w|^2, intercept not penalised. The design matrix is sparse (CSR): one-hot columns
 * make most of it zeros.
 */
export interface SparseDesign {
  readonly rows: number;
  readonly cols: number;
  readonly rowPtr: Int32Array;
  readonly colIdx: Int32Array;
  readonly values: Float64Array;
}

export interface LogisticFit {
  readonly weights: Float64Array;
  readonly intercept: number;
  readonly iterations: number;
}

/** Solves A x = b for a symmetric positive-definite A (row-major, size m x m) by Cholesky. */
function choleskySolve(a: Float64Array, b: Float64Array, m: number): Float64Array {
  const l = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = a[i * m + j] as number;
      for (let k = 0; k < j; k++) sum -= (l[i * m + k] as number) * (l[j * m + k] as number);
      if (i === j) {
        if (sum <= 0) throw new Error("IRLS: the Hessian is not positive definite; raise lambda.");
        l[i * m + i] = Math.sqrt(sum);
      } else {
        l[i * m + j] = sum / (l[j * m + j] as number);
      }
    }
  }
  const z = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    let sum = b[i] as number;
    for (let k = 0; k < i; k++) sum -= (l[i * m + k] as number) * (z[k] as number);
    z[i] = sum / (l[i * m + i] as number);
  }
  const x = new Float64Array(m);
  for (let i = m - 1; i >= 0; i--) {
    let sum = z[i] as number;
    for (let k = i + 1; k < m; k++) sum -= (l[k * m + i] as number) * (x[k] as number);
    x[i] = sum / (l[i * m + i] as number);
  }
  return x;
}

export function fitLogisticIrls(design: SparseDesign, y: Float64Array, lambda: number, maxIterations = 50, tolerance = 1e-10): LogisticFit {
  const { rows, cols, rowPtr, colIdx, values } = design;
  const m = cols + 1; // last coefficient: intercept (an implicit column of ones)
  const beta = new Float64Array(m);
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    const hessian = new Float64Array(m * m);
    const gradient = new Float64Array(m);
    for (let i = 0; i < rows; i++) {
      const start = rowPtr[i] as number;
      const end = rowPtr[i + 1] as number;
      let z = beta[cols] as number;
      for (let k = start; k < end; k++) z += (beta[colIdx[k] as number] as number) * (values[k] as number);
      const p = 1 / (1 + Math.exp(-z));
      const w = Math.max(p * (1 - p), 1e-12);
      const r = p - (y[i] as number);
      for (let k = start; k <= end; k++) {
        const ck = k < end ? (colIdx[k] as number) : cols;
        const vk = k < end ? (values[k] as number) : 1;
        gradient[ck] = (gradient[ck] as number) + r * vk;
        for (let q = start; q <= end; q++) {
          const cq = q < end ? (colIdx[q] as number) : cols;
          const vq = q < end ? (values[q] as number) : 1;
          hessian[ck * m + cq] = (hessian[ck * m + cq] as number) + w * vk * vq;
        }
      }
    }
    for (let j = 0; j < cols; j++) {
      hessian[j * m + j] = (hessian[j * m + j] as number) + lambda;
      gradient[j] = (gradient[j] as number) + lambda * (beta[j] as number);
    }
    const step = choleskySolve(hessian, gradient, m);
    let largest = 0;
    for (let j = 0; j < m; j++) {
      beta[j] = (beta[j] as number) - (step[j] as number);
      largest = Math.max(largest, Math.abs(step[j] as number));
    }
    if (largest < tolerance) {
      iterations++;
      break;
    }
  }
  return { weights: beta.slice(0, cols), intercept: beta[cols] as number, iterations };
}
