/** Row-major score matrices (n rows x k classes) from typed or nested arrays. */
import { MetricInputError } from "../errors";

/** A probability matrix: flat row-major data with `nClasses` columns, or an array of rows. */
export type ScoreMatrix = { data: ArrayLike<number>; nClasses: number } | readonly ArrayLike<number>[];

export interface DenseMatrix {
  data: Float64Array;
  rows: number;
  cols: number;
}

export function toDense(m: ScoreMatrix): DenseMatrix {
  if (Array.isArray(m)) {
    const rowsArr = m as readonly ArrayLike<number>[];
    const rows = rowsArr.length;
    const cols = rows > 0 ? (rowsArr[0] as ArrayLike<number>).length : 0;
    const data = new Float64Array(rows * cols);
    for (let i = 0; i < rows; i++) {
      const r = rowsArr[i] as ArrayLike<number>;
      if (r.length !== cols) throw new MetricInputError("All rows of the score matrix must have the same length.");
      for (let j = 0; j < cols; j++) data[i * cols + j] = r[j] as number;
    }
    return { data, rows, cols };
  }
  const flat = m as { data: ArrayLike<number>; nClasses: number };
  const cols = flat.nClasses;
  if (!(cols > 0) || flat.data.length % cols !== 0) {
    throw new MetricInputError(`Score matrix data length ${flat.data.length} is not a multiple of nClasses=${cols}.`);
  }
  return { data: Float64Array.from(flat.data), rows: flat.data.length / cols, cols };
}

export function isMatrix(x: unknown): x is ScoreMatrix {
  if (Array.isArray(x)) return x.length > 0 && typeof x[0] === "object";
  return typeof x === "object" && x !== null && "nClasses" in x;
}
