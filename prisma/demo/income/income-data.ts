/**
 * UCI Adult -> the income screener's reference split and six monthly production windows.
 *
 * Reference: a seeded 60% of the rows (the model's training data). Production: 1,500 rows a month
 * for 2026-05 ... 2026-10, drawn without replacement from the other 40% with a gradual, documented
 * shift (INCOME_SHIFT, README.md): more young applicants, an occupation mix moving toward sales,
 * technical and craft jobs, and occupation left blank more often (as if a form made the field optional).
 */
import { type CsvTable, columnIndex, formatCsv, parseSimpleCsv } from "../training/csv";
import { type Random, mulberry32, shuffledIndices, weightedSample } from "../training/prng";

export const INCOME_LABEL = "income";
export const INCOME_POSITIVE = ">50K";
export const INCOME_NEGATIVE = "<=50K";

export const INCOME_NUMERIC = ["age", "education-num", "capital-gain", "capital-loss", "hours-per-week"] as const;
export const INCOME_CATEGORICAL = [
  "workclass",
  "education",
  "marital-status",
  "occupation",
  "relationship",
  "race",
  "sex",
  "native-country",
] as const;
/** Model inputs, in the order of the original file. */
export const INCOME_FEATURES = [
  "age",
  "workclass",
  "education",
  "education-num",
  "marital-status",
  "occupation",
  "relationship",
  "race",
  "sex",
  "capital-gain",
  "capital-loss",
  "hours-per-week",
  "native-country",
] as const;

export type IncomeNumeric = (typeof INCOME_NUMERIC)[number];
export type IncomeCategorical = (typeof INCOME_CATEGORICAL)[number];
export type IncomeFeature = (typeof INCOME_FEATURES)[number];

export interface IncomeRow {
  readonly id: string;
  /** Raw text per feature; null when missing ("?" in the source). */
  readonly fields: Readonly<Record<IncomeFeature, string | null>>;
  readonly positive: boolean;
  readonly timestamp?: string;
}

export interface IncomeData {
  readonly reference: readonly IncomeRow[];
  /** The unshifted 40% (test split for the README's metrics). */
  readonly holdout: readonly IncomeRow[];
  /** Six months, each sorted by timestamp. */
  readonly months: readonly (readonly IncomeRow[])[];
}

export const PRODUCTION_MONTHS = ["2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10"] as const;
export const ROWS_PER_MONTH = 1_500;

/**
 * The documented shift. Month m (0..5) uses t = m / 5:
 * - share of applicants under 25 rises linearly from the reference share to `youngShareAtEnd`;
 * - within each age group, rows are drawn with weight exp(t * OCCUPATION_SHIFT[occupation]);
 * - occupation arrives blank in OCCUPATION_BLANK_RATE[m] of the rows.
 */
export interface IncomeShift {
  readonly rowsPerMonth: number;
  readonly youngShareAtEnd: number;
  readonly occupationShift: Readonly<Record<string, number>>;
  readonly occupationBlankRate: readonly number[];
}

export const INCOME_SHIFT: IncomeShift = {
  rowsPerMonth: ROWS_PER_MONTH,
  youngShareAtEnd: 0.24,
  occupationShift: {
    Sales: 0.9,
    "Tech-support": 0.8,
    "Craft-repair": 0.6,
    "Protective-serv": 0.6,
    "Exec-managerial": 0.2,
    "Handlers-cleaners": -0.4,
    "Other-service": -0.6,
    "Priv-house-serv": -0.8,
  },
  occupationBlankRate: [0, 0.02, 0.05, 0.09, 0.14, 0.2],
};

export function ageBand(age: number): string {
  if (age < 25) return "17-24";
  if (age < 35) return "25-34";
  if (age < 50) return "35-49";
  return "50+";
}

function rowsFromTable(table: CsvTable): IncomeRow[] {
  const featureIndex = INCOME_FEATURES.map((f) => columnIndex(table, f));
  const classIndex = columnIndex(table, "class");
  return table.rows.map((fields, i) => {
    const values = {} as Record<IncomeFeature, string | null>;
    INCOME_FEATURES.forEach((feature, k) => {
      const raw = (fields[featureIndex[k] as number] ?? "").trim();
      values[feature] = raw === "?" || raw === "" ? null : raw;
    });
    const label = (fields[classIndex] ?? "").trim();
    if (label !== INCOME_POSITIVE && label !== INCOME_NEGATIVE) throw new Error(`adult.csv row ${i + 2}: unexpected class '${label}'.`);
    return { id: `adult-${String(i + 1).padStart(5, "0")}`, fields: values, positive: label === INCOME_POSITIVE };
  });
}

function monthBounds(month: string): { start: number; seconds: number } {
  const [year, mon] = month.split("-").map(Number) as [number, number];
  const start = Date.UTC(year, mon - 1, 1);
  const end = Date.UTC(year, mon, 1);
  return { start, seconds: (end - start) / 1000 };
}

function timestampIn(month: string, random: Random): string {
  const { start, seconds } = monthBounds(month);
  return new Date(start + Math.floor(random() * seconds) * 1000).toISOString().replace(".000Z", "Z");
}

export function buildIncomeData(sourceCsv: string, seed: number, shift: IncomeShift = INCOME_SHIFT): IncomeData {
  const rows = rowsFromTable(parseSimpleCsv(sourceCsv, "adult.csv"));
  const order = shuffledIndices(rows.length, mulberry32(seed));
  const cut = Math.round(rows.length * 0.6);
  const referenceIdx = Array.from(order.subarray(0, cut)).sort((a, b) => a - b);
  const poolIdx = Array.from(order.subarray(cut)).sort((a, b) => a - b);
  const reference = referenceIdx.map((i) => rows[i] as IncomeRow);
  const holdout = poolIdx.map((i) => rows[i] as IncomeRow);

  const sampling = mulberry32(seed + 1);
  const blanking = mulberry32(seed + 2);
  const clock = mulberry32(seed + 3);
  const isYoung = (row: IncomeRow) => Number(row.fields.age) < 25;
  const baseYoungShare = reference.filter(isYoung).length / reference.length;
  let remaining = holdout.slice();
  const months: IncomeRow[][] = [];
  PRODUCTION_MONTHS.forEach((month, m) => {
    const t = m / (PRODUCTION_MONTHS.length - 1);
    const youngRows = Math.round(shift.rowsPerMonth * (baseYoungShare + (shift.youngShareAtEnd - baseYoungShare) * t));
    const chosen = new Set<number>();
    for (const [young, count] of [
      [true, youngRows],
      [false, shift.rowsPerMonth - youngRows],
    ] as const) {
      const weights = remaining.map((row) =>
        isYoung(row) === young ? Math.exp(t * (shift.occupationShift[row.fields.occupation ?? ""] ?? 0)) : 0,
      );
      for (const i of weightedSample(weights, count, sampling)) chosen.add(i);
    }
    const blankRate = shift.occupationBlankRate[m] ?? 0;
    months.push(
      remaining
        .filter((_, i) => chosen.has(i))
        .map((row): IncomeRow => {
          const blank = blanking() < blankRate;
          return { ...row, fields: blank ? { ...row.fields, occupation: null } : row.fields, timestamp: timestampIn(month, clock) };
        })
        .sort((a, b) => (a.timestamp ?? "").localeCompare(b.timestamp ?? "") || a.id.localeCompare(b.id)),
    );
    remaining = remaining.filter((_, i) => !chosen.has(i));
  });
  return { reference, holdout, months };
}

/** CSV with id, [timestamp], the 13 features, age_band and income; missing values are empty fields. */
export function incomeCsv(rows: readonly IncomeRow[], withTimestamp: boolean): string {
  const header = ["id", ...(withTimestamp ? ["timestamp"] : []), ...INCOME_FEATURES, "age_band", INCOME_LABEL];
  const body = rows.map((row) => [
    row.id,
    ...(withTimestamp ? [row.timestamp ?? ""] : []),
    ...INCOME_FEATURES.map((f) => row.fields[f] ?? ""),
    ageBand(Number(row.fields.age)),
    row.positive ? INCOME_POSITIVE : INCOME_NEGATIVE,
  ]);
  return formatCsv(header, body);
}
