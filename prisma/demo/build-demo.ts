/**
 * Builds every demo artifact from the two UCI files in data/source/: the data files, the three ONNX
 * models and manifest.json. Deterministic: the same seed gives the same bytes (see README.md).
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { BIKE_FEATURES, BIKE_LABEL, type BikeData, type BikeRow, bikeCsv, buildBikeData } from "./bike/bike-data";
import { BIKE_BOOSTING, type BikeModel, trainBike } from "./bike/bike-model";
import { binaryMetrics, regressionMetrics } from "./demo-metrics";
import {
  INCOME_FEATURES,
  INCOME_LABEL,
  INCOME_POSITIVE,
  INCOME_SHIFT,
  type IncomeData,
  type IncomeRow,
  PRODUCTION_MONTHS,
  buildIncomeData,
  incomeCsv,
} from "./income/income-data";
import { fitIncomeEncoding } from "./income/income-encoding";
import { BOOSTING, type IncomeModel, exportBoosted, exportLogistic, trainBoosted, trainLogistic } from "./income/income-models";

export const DEMO_DIR = dirname(fileURLToPath(import.meta.url));
export const DEMO_SEED = 20260501;

/** Files written by buildDemo, relative to its output directory. */
export const DEMO_FILES = [
  "models/income-screener-v1.onnx",
  "models/income-screener-v2.onnx",
  "models/bike-demand-v1.onnx",
  "data/income-reference.csv",
  "data/income-production.csv",
  "data/bike-reference.csv",
  "data/bike-production.csv",
  "manifest.json",
] as const;

export interface BuildOptions {
  /** Where to write models/, data/ and manifest.json (default: prisma/demo). */
  readonly outDir?: string;
  /** Folder holding adult.csv.gz and bike-sharing-hour.csv.gz (default: prisma/demo/data/source). */
  readonly sourceDir?: string;
  readonly seed?: number;
  readonly log?: (line: string) => void;
}

export interface BuildResult {
  /** sha256 (hex) of every written file, by path relative to outDir. */
  readonly sha256: Readonly<Record<string, string>>;
  readonly timings: Readonly<Record<string, number>>;
  /** The data and trained models in memory, with plain-JS scoring functions (used by tests). */
  readonly trained: {
    readonly income: { readonly data: IncomeData; readonly v1: IncomeModel; readonly v2: IncomeModel };
    readonly bike: { readonly data: BikeData; readonly model: BikeModel };
  };
}

function sha256(bytes: Uint8Array | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

function readGzip(path: string): string {
  return gunzipSync(readFileSync(path)).toString("utf8");
}

function incomeMetrics(model: IncomeModel, rows: readonly IncomeRow[]) {
  return binaryMetrics(Float64Array.from(rows.map((r) => (r.positive ? 1 : 0))), Float64Array.from(rows.map((r) => model.probability(r))));
}

function bikeMetrics(predict: (row: BikeRow) => number, rows: readonly BikeRow[]) {
  return regressionMetrics(Float64Array.from(rows.map((r) => r.count)), Float64Array.from(rows.map(predict)));
}

export function buildDemo(options: BuildOptions = {}): BuildResult {
  const outDir = options.outDir ?? DEMO_DIR;
  const sourceDir = options.sourceDir ?? join(DEMO_DIR, "data", "source");
  const seed = options.seed ?? DEMO_SEED;
  const log = options.log ?? (() => undefined);
  const timings: Record<string, number> = {};
  const hashes: Record<string, string> = {};
  const time = <T>(label: string, work: () => T): T => {
    const start = performance.now();
    const result = work();
    timings[label] = Math.round(performance.now() - start);
    log(`${label}: ${timings[label]} ms`);
    return result;
  };
  const write = (path: string, content: Uint8Array | string) => {
    const full = join(outDir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
    hashes[path] = sha256(content);
  };

  // Income screener
  const income = time("income data", () => buildIncomeData(readGzip(join(sourceDir, "adult.csv.gz")), seed));
  const encoding = fitIncomeEncoding(income.reference);
  const v1 = time("income v1 (logistic regression)", () => exportLogistic(encoding, trainLogistic(encoding, income.reference)));
  const v2 = time("income v2 (boosted trees)", () => exportBoosted(encoding, trainBoosted(encoding, income.reference)));
  write("models/income-screener-v1.onnx", v1.bytes);
  write("models/income-screener-v2.onnx", v2.bytes);
  write("data/income-reference.csv", incomeCsv(income.reference, false));
  write("data/income-production.csv", incomeCsv(income.months.flat(), true));

  // Bike demand
  const bike = time("bike data", () => buildBikeData(readGzip(join(sourceDir, "bike-sharing-hour.csv.gz"))));
  const bikeModel = time("bike v1 (boosted regression trees)", () => trainBike(bike.reference));
  write("models/bike-demand-v1.onnx", bikeModel.bytes);
  write("data/bike-reference.csv", bikeCsv(bike.reference));
  write("data/bike-production.csv", bikeCsv(bike.production));

  const incomeVersion = (model: IncomeModel, algorithm: string) => ({
    version: model.version,
    file: `models/income-screener-v${model.version}.onnx`,
    sha256: hashes[`models/income-screener-v${model.version}.onnx`],
    algorithm,
    summary: model.summary,
    metrics: {
      train: incomeMetrics(model, income.reference),
      test: incomeMetrics(model, income.holdout),
      months: Object.fromEntries(PRODUCTION_MONTHS.map((month, m) => [month, incomeMetrics(model, income.months[m] ?? [])])),
    },
  });
  const bikeMonths = Array.from({ length: 12 }, (_, k) => `2012-${String(k + 1).padStart(2, "0")}`);
  const manifest = {
    note: "Generated by prisma/demo/train-models.ts; do not edit by hand.",
    seed,
    prng: "mulberry32",
    models: [
      {
        slug: "income-screener",
        name: "Income screener",
        purpose: "Flags applicants whose yearly income is likely above $50,000, so their file gets a fast-track review.",
        task: "binary",
        labelColumn: INCOME_LABEL,
        positiveLabel: INCOME_POSITIVE,
        idColumn: "id",
        timestampColumn: "timestamp",
        window: "month",
        sensitiveAttributes: ["sex", "race", "age_band"],
        featureColumns: [...INCOME_FEATURES],
        reference: "data/income-reference.csv",
        production: "data/income-production.csv",
        liveVersion: 1,
        shift: INCOME_SHIFT,
        versions: [
          incomeVersion(v1, "Logistic regression (IRLS, L2 lambda = 1) on imputed, standardised numbers and one-hot categories"),
          incomeVersion(v2, `Gradient-boosted trees (${BOOSTING.trees} trees, depth ${BOOSTING.maxDepth}, learning rate ${BOOSTING.learningRate}) on raw numbers and one-hot categories`),
        ],
      },
      {
        slug: "bike-demand",
        name: "Bike rental demand",
        purpose: "Predicts how many bikes will be rented in the coming hour, so stations are stocked in time.",
        task: "regression",
        labelColumn: BIKE_LABEL,
        idColumn: "id",
        timestampColumn: "timestamp",
        window: "month",
        sensitiveAttributes: [],
        featureColumns: [...BIKE_FEATURES],
        reference: "data/bike-reference.csv",
        production: "data/bike-production.csv",
        liveVersion: 1,
        versions: [
          {
            version: 1,
            file: "models/bike-demand-v1.onnx",
            sha256: hashes["models/bike-demand-v1.onnx"],
            algorithm: `Gradient-boosted regression trees (${BIKE_BOOSTING.trees} trees, depth ${BIKE_BOOSTING.maxDepth}, learning rate ${BIKE_BOOSTING.learningRate})`,
            summary: bikeModel.summary,
            metrics: {
              train: bikeMetrics(bikeModel.predict, bike.reference),
              months: Object.fromEntries(
                bikeMonths.map((month) => [month, bikeMetrics(bikeModel.predict, bike.production.filter((r) => r.timestamp.startsWith(month)))]),
              ),
            },
          },
        ],
      },
    ],
  };
  write("manifest.json", `${JSON.stringify(manifest, null, 2)}\n`);
  return { sha256: hashes, timings, trained: { income: { data: income, v1, v2 }, bike: { data: bike, model: bikeModel } } };
}

export interface VerifyResult {
  /** Files whose rebuilt bytes differ from the committed ones (or that are missing). */
  readonly mismatched: readonly string[];
  readonly build: BuildResult;
}

/** Rebuilds everything into a temporary folder and compares sha256 with the files in `committedDir`. */
export function verifyDemo(committedDir: string = DEMO_DIR): VerifyResult {
  const outDir = mkdtempSync(join(tmpdir(), "sightline-demo-"));
  try {
    const build = buildDemo({ outDir });
    const mismatched = DEMO_FILES.filter((path) => {
      const committed = join(committedDir, path);
      return !existsSync(committed) || sha256(readFileSync(committed)) !== build.sha256[path];
    });
    return { mismatched, build };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
