/**
 * Scoring speed of the demo models in Node (onnxruntime-web, WASM, one thread):
 *   npx tsx prisma/demo/bench-scoring.ts [--rows 1000000] [--batch 16384]
 * Each model scores `rows` rows resampled (seeded) from its production file, columns held the way
 * the ingest layer holds them (numbers as Float64Array, text dictionary-encoded). Prints seconds
 * and rows per second per model, excluding data generation.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type CategoricalColumn, type FeatureColumn, prepareModel } from "../../lib/onnx";
import { createScoringSession } from "../../lib/onnx/session-node";
import { BIKE_FEATURES } from "./bike/bike-data";
import { DEMO_DIR } from "./build-demo";
import { INCOME_NUMERIC } from "./income/income-data";
import { parseSimpleCsv } from "./training/csv";
import { mulberry32 } from "./training/prng";

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

/** Resamples a CSV to `rows` rows as typed columns. */
function resample(file: string, numeric: readonly string[], rows: number, seed: number): Map<string, FeatureColumn> {
  const table = parseSimpleCsv(readFileSync(join(DEMO_DIR, "data", file), "utf8"), file);
  const random = mulberry32(seed);
  const pick = Int32Array.from({ length: rows }, () => Math.floor(random() * table.rows.length));
  const columns = new Map<string, FeatureColumn>();
  table.header.forEach((name, j) => {
    if (numeric.includes(name)) {
      const source = Float64Array.from(table.rows, (r) => (r[j] === "" ? Number.NaN : Number(r[j])));
      columns.set(name, Float64Array.from(pick, (k) => source[k] as number));
    } else {
      const dictionary: string[] = [];
      const index = new Map<string, number>();
      const sourceCodes = Int32Array.from(table.rows, (r) => {
        const v = r[j] ?? "";
        if (v === "") return -1;
        let code = index.get(v);
        if (code === undefined) {
          code = dictionary.length;
          dictionary.push(v);
          index.set(v, code);
        }
        return code;
      });
      const column: CategoricalColumn = { codes: Int32Array.from(pick, (k) => sourceCodes[k] as number), dictionary };
      columns.set(name, column);
    }
  });
  return columns;
}

async function bench(label: string, model: string, columns: Map<string, FeatureColumn>, batchSize: number) {
  const prepared = prepareModel(new Uint8Array(readFileSync(join(DEMO_DIR, "models", model))));
  const session = await createScoringSession(prepared);
  try {
    await session.score(columns, { batchSize }); // warm-up (first run allocates)
    const start = performance.now();
    const out = await session.score(columns, { batchSize });
    const seconds = (performance.now() - start) / 1000;
    console.log(`${label}: ${out.rows.toLocaleString("en-US")} rows in ${seconds.toFixed(2)} s (${Math.round(out.rows / seconds).toLocaleString("en-US")} rows/s)`);
  } finally {
    await session.release();
  }
}

const rows = arg("--rows", 1_000_000);
const batchSize = arg("--batch", 16_384);
const income = resample("income-production.csv", INCOME_NUMERIC, rows, 1);
await bench("income screener v1 (13 inputs, logistic regression)", "income-screener-v1.onnx", income, batchSize);
await bench("income screener v2 (13 inputs, 80 trees)", "income-screener-v2.onnx", income, batchSize);
const bike = resample("bike-production.csv", [...BIKE_FEATURES, "count"], rows, 2);
await bench("bike demand v1 ([N, 11] input, 100 trees)", "bike-demand-v1.onnx", bike, batchSize);
