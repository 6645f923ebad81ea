/**
 * UCI Adult -> the income screener's reference split and six monthly production windows.
 *
 * Reference: a seeded 60% of the rows (the model's training data). Production: 1,500 rows a month
 * for 2026-05 ... 2026-10, drawn from the other 40% with a gradual, documented shift (INCOME_SHIFT,
 * README.md): the applicant mix moves toward older, established applicants working longer weeks in
 * managerial, professional, sales and technical jobs, and occupation is left blank more often (as if
 * a new application form made the field optional).
 */
import { type CsvTable, columnIndex, formatCsv, parseSimpleCsv } from "../training/csv";
import { type Random, mulberry32, shuffledIndices } from "../training/prng";

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
 * The documented shift. Month m uses the strength t = `strength[m]` (0 = none, 1 = full). Every
 * hold-out row falls in one stratum: shift age band x hours band x occupation (blank is its own
 * value). Month m takes from stratum s a quota proportional to
 *   n_s * exp(t * (ageShift[age band] + hoursShift[hours band] + occupationShift[occupation]))
 * (n_s = the stratum's rows in the hold-out; a missing entry counts 0), rounded to `rowsPerMonth`
 * rows by largest remainder. At t = 0 the month is a stratified sample of the hold-out. The rows of
 * a stratum are taken in a seeded random order and never twice until the stratum is used up; a
 * row drawn again gets the id suffix -b (then -c ...). Then occupation is blanked in
 * `occupationBlankRate[m]` of the month's rows.
 */
export interface IncomeShift {
  readonly rowsPerMonth: number;
  readonly strength: readonly number[];
  /** Log-weight per age band (`shiftAgeBand`) at full strength. */
  readonly ageShift: Readonly<Record<string, number>>;
  /** Log-weight per hours-per-week band (`hoursBand`) at full strength. */
  readonly hoursShift: Readonly<Record<string, number>>;
  /** Log-weight per occupation at full strength. */
  readonly occupationShift: Readonly<Record<string, number>>;
  readonly occupationBlankRate: readonly number[];
}

export const INCOME_SHIFT: IncomeShift = {
  rowsPerMonth: ROWS_PER_MONTH,
  strength: [0, 0.2, 0.4, 0.6, 0.8, 1],
  ageShift: { "17-24": -0.5, "25-34": -0.2, "35-44": 0, "45-54": 0.2, "55-64": 0.3, "65+": 0.2 },
  hoursShift: { "<35": -0.2, "35-40": 0, "41-50": 0.1, "51+": 0.2 },
  occupationShift: {
    "Exec-managerial": 0.5,
    "Prof-specialty": 0.3,
    Sales: 0.3,
    "Tech-support": 0.25,
    "Adm-clerical": -0.15,
    "Machine-op-inspct": -0.15,
    "Farming-fishing": -0.25,
    "Handlers-cleaners": -0.4,
    "Other-service": -0.5,
    "Priv-house-serv": -0.6,
  },
  occupationBlankRate: [0, 0.02, 0.05, 0.09, 0.14, 0.2],
};

/** Ten-year age bands of the shift (finer than `age_band`, the fairness slice). */
export function shiftAgeBand(age: number): string {
  if (age < 25) return "17-24";
  if (age < 35) return "25-34";
  if (age < 45) return "35-44";
  if (age < 55) return "45-54";
  if (age < 65) return "55-64";
  return "65+";
}

export function hoursBand(hours: number): string {
  if (hours < 35) return "<35";
  if (hours <= 40) return "35-40";
  if (hours <= 50) return "41-50";
  return "51+";
}

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

interface Stratum {
  readonly key: string;
  /** Log-weight at full strength. */
  readonly logWeight: number;
  /** The stratum's hold-out rows in the seeded order they are drawn in. */
  readonly rows: readonly IncomeRow[];
  /** How many rows have been drawn so far (beyond rows.length: drawn again). */
  next: number;
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The hold-out's strata (age band x hours band x occupation), in key order, each shuffled once. */
function shiftStrata(holdout: readonly IncomeRow[], shift: IncomeShift, random: Random): Stratum[] {
  const byKey = new Map<string, IncomeRow[]>();
  for (const row of holdout) {
    const key = [shiftAgeBand(Number(row.fields.age)), hoursBand(Number(row.fields["hours-per-week"])), row.fields.occupation ?? ""].join("|");
    const rows = byKey.get(key);
    if (rows) rows.push(row);
    else byKey.set(key, [row]);
  }
  return [...byKey.keys()].sort(compareText).map((key) => {
    const rows = byKey.get(key) as IncomeRow[];
    const [age, hours, occupation] = key.split("|") as [string, string, string];
    const logWeight = (shift.ageShift[age] ?? 0) + (shift.hoursShift[hours] ?? 0) + (shift.occupationShift[occupation] ?? 0);
    const order = shuffledIndices(rows.length, random);
    return { key, logWeight, rows: Array.from(order, (i) => rows[i] as IncomeRow), next: 0 };
  });
}

/** Integer counts proportional to `weights` adding up to `total` (largest remainder, ties to the lower index). */
function largestRemainder(weights: readonly number[], total: number): number[] {
  let sum = 0;
  for (const w of weights) sum += w;
  const exact = weights.map((w) => (total * w) / sum);
  const counts = exact.map((x) => Math.floor(x));
  const left = total - counts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, rest: x - (counts[i] as number) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (let j = 0; j < left; j++) {
    const i = (order[j] as { i: number }).i;
    counts[i] = (counts[i] as number) + 1;
  }
  return counts;
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
  const strata = shiftStrata(holdout, shift, sampling);
  const months: IncomeRow[][] = [];
  PRODUCTION_MONTHS.forEach((month, m) => {
    const t = shift.strength[m] ?? 0;
    const quotas = largestRemainder(strata.map((s) => s.rows.length * Math.exp(t * s.logWeight)), shift.rowsPerMonth);
    const blankRate = shift.occupationBlankRate[m] ?? 0;
    const drawn: IncomeRow[] = [];
    strata.forEach((stratum, k) => {
      for (let q = 0; q < (quotas[k] as number); q++) {
        const pass = Math.floor(stratum.next / stratum.rows.length);
        const row = stratum.rows[stratum.next % stratum.rows.length] as IncomeRow;
        stratum.next++;
        drawn.push(pass === 0 ? row : { ...row, id: `${row.id}-${String.fromCharCode(97 + pass)}` });
      }
    });
    months.push(
      drawn
        .map((row): IncomeRow => {
          const blank = blanking() < blankRate;
          return { ...row, fields: blank ? { ...row.fields, occupation: null } : row.fields, timestamp: timestampIn(month, clock) };
        })
        .sort((a, b) => compareText(a.timestamp ?? "", b.timestamp ?? "") || compareText(a.id, b.id)),
    );
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
