/**
 * The income models' feature vector, identical in training and in the exported graph:
 * [5 numeric columns, then one one-hot block per categorical column (categories sorted as
 * scikit-learn's OneHotEncoder sorts them; a missing or unseen value is all zeros)].
 */
import { INCOME_CATEGORICAL, INCOME_NUMERIC, type IncomeCategorical, type IncomeRow } from "./income-data";

export interface IncomeEncoding {
  readonly categories: Readonly<Record<IncomeCategorical, readonly string[]>>;
  /** Imputation values (reference medians), then standardisation, of the numeric columns. */
  readonly medians: readonly number[];
  readonly means: readonly number[];
  readonly scales: readonly number[];
  /** Offset of each categorical block in the feature vector. */
  readonly offsets: Readonly<Record<IncomeCategorical, number>>;
  readonly width: number;
}

function median(sorted: Float64Array): number {
  const n = sorted.length;
  return n % 2 === 1 ? (sorted[(n - 1) / 2] as number) : ((sorted[n / 2 - 1] as number) + (sorted[n / 2] as number)) / 2;
}

export function fitIncomeEncoding(reference: readonly IncomeRow[]): IncomeEncoding {
  const categories = {} as Record<IncomeCategorical, string[]>;
  const offsets = {} as Record<IncomeCategorical, number>;
  let width = INCOME_NUMERIC.length;
  for (const column of INCOME_CATEGORICAL) {
    const seen = new Set<string>();
    for (const row of reference) {
      const v = row.fields[column];
      if (v !== null) seen.add(v);
    }
    categories[column] = [...seen].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    offsets[column] = width;
    width += categories[column].length;
  }
  const medians: number[] = [];
  const means: number[] = [];
  const scales: number[] = [];
  for (const column of INCOME_NUMERIC) {
    const values = Float64Array.from(reference.map((r) => Number(r.fields[column]))).filter((v) => !Number.isNaN(v));
    const sorted = Float64Array.from(values).sort();
    medians.push(median(sorted));
    let sum = 0;
    for (const v of values) sum += v;
    const mean = sum / values.length;
    let ss = 0;
    for (const v of values) ss += (v - mean) * (v - mean);
    const std = Math.sqrt(ss / values.length);
    means.push(mean);
    scales.push(std > 0 ? 1 / std : 1);
  }
  return { categories, medians, means, scales, offsets, width };
}

/** Category code of a row's value, -1 when missing or unseen. */
export function categoryCode(encoding: IncomeEncoding, column: IncomeCategorical, value: string | null): number {
  return value === null ? -1 : encoding.categories[column].indexOf(value);
}

/**
 * The float32 feature vector the classifier node receives. `scaled`: numeric columns imputed and
 * standardised (logistic regression); otherwise raw (trees).
 */
export function incomeFeatureVector(encoding: IncomeEncoding, row: IncomeRow, scaled: boolean): Float32Array {
  const x = new Float32Array(encoding.width);
  INCOME_NUMERIC.forEach((column, j) => {
    let v = Math.fround(Number(row.fields[column] ?? Number.NaN));
    if (scaled) {
      if (Number.isNaN(v)) v = Math.fround(encoding.medians[j] as number);
      v = Math.fround(Math.fround(v - Math.fround(encoding.means[j] as number)) * Math.fround(encoding.scales[j] as number));
    }
    x[j] = v;
  });
  for (const column of INCOME_CATEGORICAL) {
    const code = categoryCode(encoding, column, row.fields[column]);
    if (code >= 0) x[encoding.offsets[column] + code] = 1;
  }
  return x;
}
