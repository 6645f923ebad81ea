/**
 * `npm run bench:metrics [-- --rows N] [-- --data DIR] [-- --json FILE] [-- --seed S] [-- --write-data DIR]`
 *
 * `--data DIR` reads DIR/reference.csv and DIR/current.csv instead of generating; `--write-data
 * DIR` writes the generated windows there (so the very same data can be run through other tools).
 *
 * Times, separately and excluding data loading/generation:
 *   1. the full drift report (Evidently default test per column) for the 20 feature columns,
 *      including cleaning and sorting the reference (done once per model version in the app);
 *   2. the scorecard (accuracy, precision, recall, F1, ROC AUC, log loss, Brier, calibration
 *      error) with 1,000-resample confidence intervals;
 *   3. fairness (rates, aggregates, parity metrics, Aequitas disparities) with 1,000-resample
 *      confidence intervals for both attributes (sex, age_band);
 * and the evidence-v2 extras, each a stage of its own:
 *   4. distributions: the reference prepared (`prepareReferenceDistributions`) and one window
 *      (`distributionsFor`) for the 20 feature columns, the model output (score) and the label,
 *      as `evaluateWindow` shows them;
 *   5. slices: the slice reference prepared (`prepareSliceReference`, numeric columns cut at 5
 *      reference quantiles) and `computeSlices` for a binary task with the default policy: sex,
 *      age_band, their intersection and 5 other columns (num_0, num_1, num_2, cat_0, cat_3);
 *   6. data quality: the reference prepared (`prepareQualityReference`) and `dataQuality` of the
 *      window against it, for the 20 feature columns, the label and both sensitive attributes.
 * Each stage is timed once (no warm-up). Goal: the sum of the six stages under 3.0 s in one process.
 * Peak memory is the process RSS high-water mark, sampled every 2 ms from a worker thread.
 */
import { writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { Worker } from "node:worker_threads";
import { driftReport, prepareReference, type WindowColumn } from "../../lib/metrics/drift";
import { fairnessReport } from "../../lib/metrics/fairness";
import { scorecard } from "../../lib/metrics/scorecard";
import { dataQuality, prepareQualityReference, type QualityColumns } from "../../lib/evaluation/data-quality";
import { DEFAULT_OUTPUT_NAME, distributionsFor, prepareReferenceDistributions } from "../../lib/evaluation/distributions";
import { computeSlices, prepareSliceReference } from "../../lib/evaluation/slices";
import { defaultRules } from "../../lib/governance/policy-rules";
import type { PolicyRules } from "../../lib/contracts/policy-rules";
import type { Column, Table } from "../../lib/ingest/table";
import { CATEGORICAL_COLUMNS, NUMERIC_COLUMNS, type Window, generateWindow, readWindow, writeWindow } from "./data";

/** Goal: the six stages together, one process. */
const GOAL_SECONDS = 3.0;
const FEATURE_COLUMNS = [...NUMERIC_COLUMNS, ...CATEGORICAL_COLUMNS];
const SENSITIVE = ["sex", "age_band"];
/** The other columns sliced in stage 5: three numeric (binned at reference quantiles), two categorical. */
const SLICE_OTHER = ["num_0", "num_1", "num_2", "cat_0", "cat_3"];

interface Args {
  rows: number;
  data?: string;
  writeData?: string;
  json?: string;
  seed: number;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { rows: 1_000_000, seed: 20260 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = argv[i + 1];
    if (a === "--rows" && v !== undefined) {
      args.rows = Number(v.replace(/_/g, ""));
      i++;
    } else if (a === "--data" && v !== undefined) {
      args.data = v;
      i++;
    } else if (a === "--write-data" && v !== undefined) {
      args.writeData = v;
      i++;
    } else if (a === "--json" && v !== undefined) {
      args.json = v;
      i++;
    } else if (a === "--seed" && v !== undefined) {
      args.seed = Number(v);
      i++;
    }
  }
  if (!(args.rows > 0)) throw new Error("--rows must be positive");
  return args;
}

/** RSS sampler on a worker thread (RSS is process-wide, so the worker sees the main thread's memory). */
function startSampler(): { peakSince: (fn: () => void) => number; stop: () => Promise<number> } {
  const shared = new SharedArrayBuffer(16);
  const cells = new Float64Array(shared);
  const worker = new Worker(
    `const { workerData } = require("node:worker_threads");
     const cells = new Float64Array(workerData);
     setInterval(() => { const r = process.memoryUsage.rss(); if (r > cells[0]) cells[0] = r; }, 2);`,
    { eval: true, workerData: shared },
  );
  worker.unref();
  return {
    peakSince(fn: () => void): number {
      cells[0] = process.memoryUsage.rss();
      fn();
      const now = process.memoryUsage.rss();
      return Math.max(cells[0] as number, now);
    },
    async stop(): Promise<number> {
      await worker.terminate();
      return cells[0] as number;
    },
  };
}

function columnsOf(w: Window): Record<string, WindowColumn> {
  const out: Record<string, WindowColumn> = {};
  for (const name of NUMERIC_COLUMNS) out[name] = { type: "numeric", values: w.numeric[name] as Float64Array };
  for (const name of CATEGORICAL_COLUMNS) {
    const c = w.categorical[name];
    if (c) out[name] = { type: "categorical", values: c };
  }
  return out;
}

/** The window as the ingest layer's table (no copies): features, label, score, sex, age_band. */
function tableOf(w: Window, file: string): Table {
  const columns: Column[] = [];
  for (const name of [...NUMERIC_COLUMNS, ...CATEGORICAL_COLUMNS, "label", "score", ...SENSITIVE]) {
    const num = w.numeric[name];
    if (num) columns.push({ name, kind: "numeric", values: num });
    const cat = w.categorical[name];
    if (cat) columns.push({ name, kind: "categorical", codes: cat.codes, dictionary: cat.dictionary });
  }
  return { file, format: "csv", rowCount: w.rows, columns, firstRowNumber: 2 };
}

interface StageResult {
  stage: string;
  seconds: number;
  rows: number;
  rowsPerSecond: number;
  peakRssMiB: number;
  note: string;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const t0 = performance.now();
  const reference = args.data ? readWindow(args.data, "reference") : generateWindow(args.rows, args.seed, false);
  const current = args.data ? readWindow(args.data, "current") : generateWindow(args.rows, args.seed + 1, true);
  const loadSeconds = (performance.now() - t0) / 1000;
  if (args.writeData && !args.data) {
    writeWindow(args.writeData, "reference", reference);
    writeWindow(args.writeData, "current", current);
    console.log(`wrote ${args.writeData}/reference.csv and ${args.writeData}/current.csv`);
  }
  const sampler = startSampler();
  await new Promise((r) => setTimeout(r, 50));
  const results: StageResult[] = [];
  const run = (stage: string, rows: number, note: string, fn: () => void): void => {
    let seconds = 0;
    const peak = sampler.peakSince(() => {
      const s = performance.now();
      fn();
      seconds = (performance.now() - s) / 1000;
    });
    results.push({ stage, seconds, rows, rowsPerSecond: rows / seconds, peakRssMiB: peak / 2 ** 20, note });
  };

  let driftSummary = "";
  let referenceSeconds = 0;
  /** The drift profile's sorted reference columns: evaluateWindow hands them to the distributions, as here. */
  let sortedNumeric: Record<string, Float64Array> = {};
  run("drift report", reference.rows + current.rows, "20 columns, reference + current rows, reference prepared inside the timing", () => {
    const r0 = performance.now();
    const profile = prepareReference(columnsOf(reference));
    referenceSeconds = (performance.now() - r0) / 1000;
    sortedNumeric = Object.fromEntries(Object.entries(profile).flatMap(([name, s]) => (s.kind === "numeric" ? [[name, s.sorted]] : [])));
    const report = driftReport(profile, columnsOf(current));
    const methods = new Map<string, number>();
    for (const c of report.columns) methods.set(c.method, (methods.get(c.method) ?? 0) + 1);
    driftSummary = `${report.dataset.numberOfDriftedColumns}/${report.dataset.numberOfColumns} drifted (share ${report.dataset.shareOfDriftedColumns.toFixed(2)}); tests ${[...methods].map(([m, k]) => `${m} x${k}`).join(", ")}; of the drift time, ${referenceSeconds.toFixed(3)} s prepares the reference (cacheable per model version)`;
  });

  let scoreSummary = "";
  run("scorecard + 1,000-resample CIs", current.rows, "8 metrics", () => {
    const sc = scorecard({ yTrue: current.numeric.label as Float64Array, yScore: current.numeric.score as Float64Array }, { resamples: 1000, seed: 1 });
    const auc = sc.metrics.rocAuc;
    scoreSummary = `AUC ${auc.value.toFixed(4)} [${auc.ci.lower.toFixed(4)}, ${auc.ci.upper.toFixed(4)}] (${auc.ci.method}); accuracy ${sc.metrics.accuracy.value.toFixed(4)}`;
  });

  let fairSummary = "";
  run("fairness + 1,000-resample CIs", current.rows, "sex and age_band", () => {
    const fr = fairnessReport(
      {
        yTrue: current.numeric.label as Float64Array,
        yScore: current.numeric.score as Float64Array,
        threshold: 0.5,
        attributes: [
          { name: "sex", values: current.categorical.sex as { codes: Int32Array; dictionary: string[] } },
          { name: "age_band", values: current.categorical.age_band as { codes: Int32Array; dictionary: string[] } },
        ],
      },
      { resamples: 1000, seed: 1 },
    );
    const dp = fr.attributes.map((a) => a.parity[0]?.find((p) => p.name === "demographicParityDifference"));
    fairSummary = dp.map((p, i) => `${fr.attributes[i]?.attributes.join("&")}: DP diff ${p?.value.toFixed(4)} [${p?.ci.lower.toFixed(4)}, ${p?.ci.upper.toFixed(4)}]`).join("; ");
  });

  const referenceTable = tableOf(reference, "reference.csv");
  const currentTable = tableOf(current, "current.csv");
  const policy: PolicyRules = { ...defaultRules("binary"), version: 1 };

  let distSummary = "";
  run("distributions", reference.rows + current.rows, "20 features + model output + label, reference prepared inside the timing (its numeric columns sorted by the drift profile, as in evaluateWindow)", () => {
    const prepared = prepareReferenceDistributions({
      sortedNumeric,
      reference: referenceTable,
      featureColumns: FEATURE_COLUMNS,
      labelColumn: "label",
      task: "binary",
      output: { type: "numeric", values: reference.numeric.score as Float64Array },
      outputName: DEFAULT_OUTPUT_NAME,
    });
    const dist = distributionsFor(prepared, { table: currentTable, output: { type: "numeric", values: current.numeric.score as Float64Array } });
    const numeric = dist.filter((d) => d.kind === "numeric").length;
    const out = dist.find((d) => d.role === "output");
    const median = out && out.kind === "numeric" ? out.box : null;
    distSummary = `${dist.length} columns (${numeric} numeric, ${dist.length - numeric} categorical); output median ${median?.reference?.median.toFixed(4)} -> ${median?.current?.median.toFixed(4)}`;
  });

  let sliceSummary = "";
  run("slices", current.rows, "sex, age_band, their intersection, num_0..num_2 (5 reference quantiles), cat_0, cat_3; slice reference prepared inside the timing", () => {
    const sliceReference = prepareSliceReference(referenceTable, [...SENSITIVE, ...SLICE_OTHER]);
    const section = computeSlices({
      task: "binary",
      table: currentTable,
      yTrue: current.numeric.label as Float64Array,
      score: current.numeric.score as Float64Array,
      policy,
      sensitiveAttributes: SENSITIVE,
      otherColumns: SLICE_OTHER,
      reference: sliceReference,
      excludeColumns: ["label", "score"],
    });
    const groups = section.columns.reduce((k, c) => k + c.groups.length, 0);
    sliceSummary = `${section.columns.length} sliced columns, ${groups} groups, metric ${section.metric}; lights ${section.columns.map((c) => `${c.name} ${c.light}`).join(", ")}`;
  });

  let qualitySummary = "";
  run("data quality", reference.rows + current.rows, "20 features, label, sex, age_band; reference prepared inside the timing", () => {
    const columns: QualityColumns = {
      featureColumns: FEATURE_COLUMNS,
      labelColumn: "label",
      task: "binary",
      positiveLabel: "1",
      sensitiveAttributes: SENSITIVE,
      idColumns: [],
      timestampColumns: [],
      outputColumns: ["score"],
    };
    const prepared = prepareQualityReference(referenceTable, columns);
    const q = dataQuality({ ...columns, table: currentTable, reference: prepared, isReference: false });
    qualitySummary = `${q.problems.length} problems (${[...new Set(q.problems.map((p) => p.kind))].join(", ") || "none"}); duplicates ${q.duplicates.count}; leakage ${q.leakage.length}; missing num_13 ${((q.missing.find((m) => m.column === "num_13")?.share ?? 0) * 100).toFixed(1)}%`;
  });
  // The sampler's high-water mark restarts with each stage: the overall peak is the largest of them.
  const overallPeak = Math.max(await sampler.stop(), ...results.map((r) => r.peakRssMiB * 2 ** 20));

  const total = results.reduce((s, r) => s + r.seconds, 0);
  const cpu = cpus()[0]?.model ?? "unknown CPU";
  const machine = `${cpus().length} x ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}`;
  console.log(`Sightline metrics bench: ${reference.rows.toLocaleString("en-US")} reference + ${current.rows.toLocaleString("en-US")} current rows${args.data ? ` from ${args.data}` : " (seeded generator)"}`);
  console.log(`machine: ${machine}; single thread; data ${args.data ? "loaded" : "generated"} in ${loadSeconds.toFixed(1)} s (not timed)`);
  console.log("");
  console.log(`${"stage".padEnd(34)} ${"seconds".padStart(8)} ${"rows/s".padStart(14)} ${"peak RSS".padStart(10)}`);
  for (const r of results) {
    console.log(
      `${r.stage.padEnd(34)} ${r.seconds.toFixed(3).padStart(8)} ${Math.round(r.rowsPerSecond).toLocaleString("en-US").padStart(14)} ${`${r.peakRssMiB.toFixed(0)} MiB`.padStart(10)}`,
    );
  }
  console.log(`${"total (sum of the stages)".padEnd(34)} ${total.toFixed(3).padStart(8)} ${"".padStart(14)} ${`${(overallPeak / 2 ** 20).toFixed(0)} MiB`.padStart(10)}`);
  console.log("");
  console.log(`drift: ${driftSummary}`);
  console.log(`scorecard: ${scoreSummary}`);
  console.log(`fairness: ${fairSummary}`);
  console.log(`distributions: ${distSummary}`);
  console.log(`slices: ${sliceSummary}`);
  console.log(`data quality: ${qualitySummary}`);
  const goalMet = total < GOAL_SECONDS;
  const firstThree = results.slice(0, 3).reduce((s, r) => s + r.seconds, 0);
  console.log(`goal: sum of the stages under ${GOAL_SECONDS.toFixed(1)} s (one process): ${goalMet ? "met" : "NOT met"} (${total.toFixed(3)} s)`);
  console.log(`earlier goals: first three < 5 s: ${firstThree < 5 ? "met" : "NOT met"}; drift < 1 s: ${(results[0]?.seconds ?? Infinity) < 1 ? "met" : "NOT met"}`);
  if (args.json) {
    writeFileSync(
      args.json,
      JSON.stringify(
        {
          referenceRows: reference.rows,
          currentRows: current.rows,
          source: args.data ?? "generator",
          seed: args.seed,
          machine,
          loadSeconds,
          stages: results,
          totalSeconds: total,
          goal: { description: `sum of the stages under ${GOAL_SECONDS.toFixed(1)} s (one process)`, seconds: GOAL_SECONDS, met: goalMet },
          peakRssMiB: overallPeak / 2 ** 20,
          summaries: { drift: driftSummary, scorecard: scoreSummary, fairness: fairSummary, distributions: distSummary, slices: sliceSummary, dataQuality: qualitySummary },
        },
        null,
        2,
      ),
    );
    console.log(`figures written to ${args.json}`);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
