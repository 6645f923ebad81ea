// The demo models: rebuilt from the seed byte for byte, then scored through onnxruntime-web on the
// committed production files and compared with the trainer's plain-JS scoring.
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { prepareModel } from "../../../lib/onnx";
import { dryRun, scoreTable } from "../../../lib/onnx/session-node";
import { BIKE_FEATURES } from "../../../prisma/demo/bike/bike-data";
import { DEMO_FILES, type VerifyResult, verifyDemo } from "../../../prisma/demo/build-demo";
import { INCOME_NUMERIC, PRODUCTION_MONTHS, ageBand } from "../../../prisma/demo/income/income-data";
import { DEMO, readBytes, readDemoCsv } from "./helpers";

let verified: VerifyResult;

beforeAll(() => {
  verified = verifyDemo();
}, 60_000);

describe("demo build", () => {
  it("reproduces the committed models and data files byte for byte (sha256)", () => {
    expect(verified.mismatched.filter((f) => f !== "manifest.json")).toEqual([]);
    expect(Object.keys(verified.build.sha256).sort()).toEqual([...DEMO_FILES].sort());
  });

  it("reproduces manifest.json (its metrics come from lib/metrics: after a change there, re-run the training script)", () => {
    expect(verified.mismatched, "run `npx tsx prisma/demo/train-models.ts` and commit manifest.json").not.toContain("manifest.json");
  });

  it("stays small enough to commit", () => {
    const total = DEMO_FILES.reduce((sum, f) => sum + statSync(join(DEMO, f)).size, 0);
    expect(total).toBeLessThan(8 * 1024 * 1024);
  });

  it("lists the models and files in manifest.json", () => {
    const manifest = JSON.parse(readFileSync(join(DEMO, "manifest.json"), "utf8")) as {
      models: { slug: string; versions: { file: string; sha256: string }[] }[];
    };
    expect(manifest.models.map((m) => m.slug)).toEqual(["income-screener", "bike-demand"]);
    for (const version of manifest.models.flatMap((m) => m.versions)) {
      expect(version.sha256).toBe(verified.build.sha256[version.file]);
    }
  });
});

describe("income screener", () => {
  const csv = readDemoCsv(join(DEMO, "data/income-production.csv"), INCOME_NUMERIC);

  it("has unique ids, monthly UTC timestamps in order, age bands and labels, and no predictions", () => {
    const reference = readDemoCsv(join(DEMO, "data/income-reference.csv"), INCOME_NUMERIC);
    expect([...csv.columns.keys()]).toEqual([
      "id",
      "timestamp",
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
      "age_band",
      "income",
    ]);
    expect(reference.columns.has("timestamp")).toBe(false);
    const ids = new Set<string>();
    for (const table of [csv, reference]) for (let i = 0; i < table.rows; i++) ids.add(table.text("id", i));
    expect(ids.size).toBe(csv.rows + reference.rows);
    expect(reference.rows).toBe(19_537);
    expect(csv.rows).toBe(9_000);
    const perMonth = new Map<string, number>();
    let previous = "";
    for (let i = 0; i < csv.rows; i++) {
      const ts = csv.text("timestamp", i);
      expect(ts).toMatch(/^2026-(0[5-9]|10)-\d\dT\d\d:\d\d:\d\dZ$/);
      expect(ts >= previous).toBe(true);
      previous = ts;
      perMonth.set(ts.slice(0, 7), (perMonth.get(ts.slice(0, 7)) ?? 0) + 1);
      expect(csv.text("age_band", i)).toBe(ageBand(Number(csv.text("age", i))));
      expect(["<=50K", ">50K"]).toContain(csv.text("income", i));
    }
    expect([...perMonth.keys()]).toEqual([...PRODUCTION_MONTHS]);
  });

  it.each([1, 2] as const)("v%i scores the production file like the trainer does", async (version) => {
    const model = version === 1 ? verified.build.trained.income.v1 : verified.build.trained.income.v2;
    const prepared = prepareModel(readBytes(join(DEMO, `models/income-screener-v${version}.onnx`)), { task: "binary", positiveLabel: ">50K" });
    expect(prepared.changes.join(" ")).toContain("ZipMap");
    const out = await scoreTable(prepared, csv.columns, { batchSize: 4096 });
    const rows = verified.build.trained.income.data.months.flat();
    expect(out.rows).toBe(rows.length);
    let worst = 0;
    rows.forEach((row, i) => {
      expect(csv.text("id", i)).toBe(row.id);
      const expected = model.probability(row);
      worst = Math.max(worst, Math.abs((out.score?.[i] ?? Number.NaN) - expected));
      if (Math.abs(expected - 0.5) > 1e-5) expect(out.labels?.[i]).toBe(expected > 0.5 ? ">50K" : "<=50K");
    });
    // v1 sums 104 float32 products inside onnxruntime (float32 GEMM), v2 adds float32 leaf values.
    expect(worst).toBeLessThan(version === 1 ? 1e-5 : 1e-6);
  });

  it("passes a dry run on its first row", async () => {
    const result = await dryRun(prepareModel(readBytes(join(DEMO, "models/income-screener-v2.onnx"))), csv.columns);
    expect(result.outputs.classes).toEqual(["<=50K", ">50K"]);
    expect(result.runtimeOutputs.find((o) => o.name === "output_probability")?.dims).toEqual([1, 2]);
    expect(result.warnings).toEqual([]);
  });
});

describe("bike demand", () => {
  const csv = readDemoCsv(join(DEMO, "data/bike-production.csv"), [...BIKE_FEATURES, "count"]);

  it("covers 2012 hour by hour with ids and UTC timestamps", () => {
    expect([...csv.columns.keys()]).toEqual(["id", "timestamp", ...BIKE_FEATURES, "count"]);
    expect(csv.rows).toBe(8_734);
    expect(csv.text("timestamp", 0)).toBe("2012-01-01T00:00:00Z");
    expect(csv.text("timestamp", csv.rows - 1)).toBe("2012-12-31T23:00:00Z");
  });

  it("scores the production file exactly like the trainer (float32 tree sums)", async () => {
    const prepared = prepareModel(readBytes(join(DEMO, "models/bike-demand-v1.onnx")), { task: "regression" });
    const out = await scoreTable(prepared, csv.columns);
    const { model, data } = verified.build.trained.bike;
    let worst = 0;
    data.production.forEach((row, i) => {
      worst = Math.max(worst, Math.abs((out.prediction?.[i] ?? Number.NaN) - model.predict(row)));
    });
    expect(worst).toBeLessThanOrEqual(1e-6);
  });

  it("declared as binary, its dry run warns that the output is no probability", async () => {
    const prepared = prepareModel(readBytes(join(DEMO, "models/bike-demand-v1.onnx")), { task: "binary" });
    const result = await dryRun(prepared, csv.columns);
    expect(result.warnings).toEqual([expect.stringContaining("outside 0 to 1")]);
  });
});
