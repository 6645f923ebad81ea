// The ingest table feeds the metrics engine's entry points as it is: numeric columns as Float64Array
// (NaN missing), categorical columns as { codes, dictionary } (-1 missing), without copying.
import { describe, expect, it } from "vitest";
import {
  applySchema,
  binaryTargets,
  findColumn,
  isNumericStorage,
  numericValues,
  parseCsv,
  rowsWithValue,
  sensitiveFeature,
  sliceTable,
  windowColumns,
} from "../../../lib/ingest";
import { driftReport, fairnessReport, scorecard } from "../../../lib/metrics";

function rows(n: number, seed: number, shift: number): string[] {
  let s = seed;
  const rnd = (): number => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
  return Array.from({ length: n }, (_, i) => {
    const age = Math.round(20 + rnd() * 40 + shift);
    const sex = rnd() < 0.5 ? "Male" : "Female";
    const plan = ["basic", "pro", "team"][Math.floor(rnd() * 3)] as string;
    const score = Math.min(1, Math.max(0, (age - 20) / 50 + (rnd() - 0.5) * 0.3));
    const label = rnd() < score ? ">50K" : "<=50K";
    return `${i === 7 ? "" : age},${sex},${i === 3 ? "?" : plan},${score.toFixed(4)},${i === 5 ? "" : label}`;
  });
}

const HEADER = "age,sex,plan,score,income";

describe("metrics inputs", () => {
  it("columns are handed over without copying", async () => {
    const { table } = await parseCsv(`${HEADER}\n${rows(50, 1, 0).join("\n")}\n`, { file: "ref.csv" });
    const cols = windowColumns(table, ["age", "plan"]);
    const age = findColumn(table, "age");
    const plan = findColumn(table, "plan");
    if (age === undefined || !isNumericStorage(age) || plan === undefined || isNumericStorage(plan)) throw new Error("unexpected kinds");
    expect(cols.age).toEqual({ type: "numeric", values: age.values });
    expect(cols.age?.values).toBe(age.values);
    const planInput = cols.plan?.values;
    expect(planInput !== undefined && "codes" in planInput ? planInput.codes : null).toBe(plan.codes);
    expect(numericValues(table, "age")).toBe(age.values);
    expect(() => numericValues(table, "plan")).toThrow(/holds text/);
  });

  it("drift report between a reference and a shifted window", async () => {
    const ref = (await parseCsv(`${HEADER}\n${rows(400, 1, 0).join("\n")}\n`, { file: "ref.csv" })).table;
    const cur = (await parseCsv(`${HEADER}\n${rows(400, 2, 15).join("\n")}\n`, { file: "cur.csv" })).table;
    const names = ["age", "sex", "plan"];
    const report = driftReport(windowColumns(ref, names), windowColumns(cur, names));
    const byName = Object.fromEntries(report.columns.map((c) => [c.column, c]));
    expect(byName.age?.drifted).toBe(true);
    expect(byName.sex?.drifted).toBe(false);
    expect(report.columns).toHaveLength(3);
  });

  it("scorecard and fairness report from a confirmed binary table", async () => {
    const { table } = await parseCsv(`${HEADER}\n${rows(300, 3, 0).join("\n")}\n`, { file: "w.csv" });
    const prepared = applySchema(table, { roles: { label: "income", scores: ["score"] }, model: { task: "binary", positiveLabel: ">50K" } });
    expect(prepared.labelClasses).toEqual(["<=50K", ">50K"]);
    const labelled = sliceTable(prepared.table, rowsWithValue(findColumn(prepared.table, "income") as NonNullable<ReturnType<typeof findColumn>>));
    expect(labelled.rowCount).toBe(299);
    const yTrue = binaryTargets(labelled, "income", ">50K");
    const yScore = numericValues(labelled, "score");
    const card = scorecard({ yTrue, yScore }, { resamples: 50 });
    expect(card.rows).toBe(299);
    expect(card.metrics.rocAuc.value).toBeGreaterThan(0.6);
    const fair = fairnessReport({ yTrue, yScore, attributes: [sensitiveFeature(labelled, "sex")] }, { resamples: 50 });
    expect(fair.attributes[0]?.groups.map((g) => g.group[0])).toEqual(["Female", "Male"]);
  });

  it("binary targets: 1 for the positive class, 0 otherwise, NaN for missing", async () => {
    const { table } = await parseCsv("y,b,k\nyes,1,a\nno,0,b\n,,c\nyes,1,d\n", { file: "y.csv" });
    expect(Array.from(binaryTargets(table, "y", "yes"))).toEqual([1, 0, Number.NaN, 1]);
    expect(Array.from(binaryTargets(table, "b", "1"))).toEqual([1, 0, Number.NaN, 1]);
  });
});
