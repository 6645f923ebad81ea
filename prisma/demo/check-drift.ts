/**
 * What Sightline will show for the income screener's production windows, computed the way the app
 * computes it: both CSV files parsed by lib/ingest (`ingestFile`), the production file split into
 * monthly windows (`splitWindows`), every model input tested with `driftReport` from lib/metrics
 * against the prepared reference (Evidently's default tests and thresholds; missing values dropped),
 * and the live version (v1) scored through onnxruntime (`scoreTable`) for its accuracy per month.
 *   npx tsx prisma/demo/check-drift.ts [--dir DIR]     (DIR defaults to prisma/demo)
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { binaryTargets, ingestFile, splitWindows, windowColumns, windowTable } from "../../lib/ingest";
import type { Table } from "../../lib/ingest/table";
import { isNumericStorage } from "../../lib/ingest/table";
import { type DriftReport, accuracyScore, driftReport, prepareReference, rocAucScore } from "../../lib/metrics";
import { type FeatureColumn, prepareModel } from "../../lib/onnx";
import { scoreTable } from "../../lib/onnx/session-node";

const HERE = fileURLToPath(new URL(".", import.meta.url));

interface ManifestModel {
  slug: string;
  labelColumn: string;
  positiveLabel: string;
  timestampColumn: string;
  featureColumns: string[];
  reference: string;
  production: string;
  liveVersion: number;
  versions: { version: number; file: string }[];
}

export interface MonthDrift {
  readonly month: string;
  readonly rows: number;
  readonly report: DriftReport;
  /** Drifted input columns, in file order. */
  readonly drifted: readonly string[];
  /** The live version's accuracy (0.5 threshold) and ROC AUC on the month. */
  readonly accuracy: number;
  readonly rocAuc: number;
  readonly positiveRate: number;
}

async function readTable(path: string): Promise<Table> {
  const bytes = readFileSync(path);
  return (await ingestFile(path, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength))).table;
}

function tableColumns(table: Table): Map<string, FeatureColumn> {
  const columns = new Map<string, FeatureColumn>();
  for (const c of table.columns) columns.set(c.name, isNumericStorage(c) ? c.values : { codes: c.codes, dictionary: c.dictionary });
  return columns;
}

/** Drift of every input and the live version's accuracy, per monthly window of the income screener. */
export async function incomeDriftByMonth(dir: string = HERE): Promise<MonthDrift[]> {
  const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as { models: ManifestModel[] };
  const model = manifest.models.find((m) => m.slug === "income-screener");
  if (!model) throw new Error("manifest.json has no income-screener model.");
  const live = model.versions.find((v) => v.version === model.liveVersion);
  if (!live) throw new Error(`manifest.json has no version ${model.liveVersion} of the income screener.`);
  const features = model.featureColumns;
  const reference = await readTable(join(dir, model.reference));
  const production = await readTable(join(dir, model.production));
  const profile = prepareReference(windowColumns(reference, features));
  const prepared = prepareModel(new Uint8Array(readFileSync(join(dir, live.file))), { task: "binary", positiveLabel: model.positiveLabel });
  const out: MonthDrift[] = [];
  for (const window of splitWindows(production, model.timestampColumn, "month")) {
    const table = windowTable(production, window);
    const report = driftReport(profile, windowColumns(table, features), { columns: features });
    const scored = await scoreTable(prepared, tableColumns(table));
    const score = scored.score;
    if (!score) throw new Error("The live version returned no score.");
    const y = binaryTargets(table, model.labelColumn, model.positiveLabel);
    let positives = 0;
    for (const v of y) positives += v;
    out.push({
      month: window.label,
      rows: table.rowCount,
      report,
      drifted: report.columns.filter((c) => c.drifted).map((c) => c.column),
      accuracy: accuracyScore(y, Float64Array.from(score, (p) => (p > 0.5 ? 1 : 0))),
      rocAuc: rocAucScore(y, score),
      positiveRate: positives / y.length,
    });
  }
  return out;
}

/** The report as Markdown tables (pasted into README.md). */
export function formatDriftTables(months: readonly MonthDrift[]): string {
  const lines = [
    "| month | rows | drifted inputs | share | drifted columns | v1 accuracy | v1 ROC AUC | share >50K |",
    "|---|---:|---:|---:|---|---:|---:|---:|",
  ];
  for (const m of months) {
    lines.push(
      `| ${m.month} | ${m.rows.toLocaleString("en-US")} | ${m.drifted.length} of ${m.report.columns.length} | ${m.report.dataset.shareOfDriftedColumns.toFixed(2)} | ` +
        `${m.drifted.length === 0 ? "none" : m.drifted.join(", ")} | ${m.accuracy.toFixed(3)} | ${m.rocAuc.toFixed(3)} | ${m.positiveRate.toFixed(3)} |`,
    );
  }
  const columns = months[0]?.report.columns ?? [];
  lines.push("", `| column | test | ${months.map((m) => m.month).join(" | ")} |`, `|---|---|${months.map(() => "---:").join("|")}|`);
  columns.forEach((c, j) => {
    const cells = months.map((m) => {
      const r = m.report.columns[j];
      return r ? `${r.score.toFixed(3)}${r.drifted ? " **drift**" : ""}` : "";
    });
    lines.push(`| ${c.column} | ${c.stattestName} | ${cells.join(" | ")} |`);
  });
  return lines.join("\n");
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf("--dir");
  const dir = i >= 0 ? resolve(process.argv[i + 1] ?? ".") : HERE;
  const months = await incomeDriftByMonth(dir);
  console.log(formatDriftTables(months));
}
