import { describe, expect, it } from "vitest";
import { type ColumnKind, parseCsv } from "../../../lib/ingest";
import { looksLikeIdName, looksLikeLabelName, looksLikeScoreName, normalizeName } from "../../../lib/ingest/column-names";
import { countDistinct } from "../../../lib/ingest/column-stats";
import { goodFixture } from "./helpers";

const range = (n: number, f: (i: number) => string): string[] => Array.from({ length: n }, (_, i) => f(i));

async function kindOf(name: string, values: string[]): Promise<{ kind: ColumnKind; reasons: string }> {
  const text = `${name},other\n${values.map((v, i) => `${v},${i % 3}`).join("\n")}\n`;
  const r = await parseCsv(text, { file: "k.csv" });
  const p = r.schema.columns[0];
  if (p === undefined) throw new Error("no column");
  return { kind: p.kind, reasons: p.reasons.join(" | ") };
}

describe("kind inference, with reasons", () => {
  it.each<[string, string, string[], ColumnKind, string]>([
    ["numbers", "amount", ["1.5", "2", "-3", ""], "numeric", "every value is a number"],
    ["few whole numbers", "weathersit", ["1", "2", "3", "2", "1", "4"], "numeric", "only 4 distinct whole numbers"],
    ["0/1", "holiday", ["0", "1", "0", "0"], "boolean", "only the values 0 and 1"],
    ["yes/no", "active", ["yes", "no", "Yes", ""], "boolean", "true/false words"],
    ["True/False", "flag", ["True", "False", "True"], "boolean", "true/false words"],
    ["one word only is not boolean", "flag", ["yes", "yes", "yes"], "categorical", "values are text"],
    ["ISO dates", "day", ["2026-05-01", "2026-05-02", "2026-06-11"], "datetime", "ISO 8601"],
    ["ISO date-times with zones", "at", ["2026-05-01T10:00:00Z", "2026-05-02T10:00:00+02:00", "2026-05-03 08:30"], "datetime", "ISO 8601"],
    ["day-month-year", "dateday", ["01-01-2011", "13-01-2011", "02-02-2011"], "datetime", "day-month-year"],
    ["month/day/year", "d", ["01/13/2011", "02/14/2011"], "datetime", "month-day-year"],
    ["ambiguous day/month", "d", ["01/02/2011", "03/04/2011"], "categorical", "cannot be told apart"],
    ["mostly dates", "d", ["2026-05-01", "2026-05-02", "2026-02-30", "2026-05-04"], "categorical", 'row 4 has "2026-02-30"'],
    ["epoch seconds named like a time", "created_at", ["1767225600", "1767312000", "1767398400"], "datetime", "Unix time (seconds)"],
    ["epoch ms named like a time", "ts", ["1767225600000", "1767312000000"], "datetime", "Unix time (milliseconds)"],
    ["big numbers not named like a time", "revenue", ["1767225600", "1767312000"], "numeric", "every value is a number"],
    ["unique integers named like an id", "customer_id", ["17", "4", "99"], "id", "named like an id"],
    ["a row counter", "instant", range(25, (i) => String(i + 1)), "id", "row number"],
    ["unique text over 20 rows", "email", range(25, (i) => `u${i}@x.org`), "id", "unique per row and not numbers, so an id"],
    ["unique text named like an id", "order_key", ["A", "B", "C"], "id", "unique per row"],
    ["an id-named column with a repeat", "user_id", [...range(20, (i) => `u${i}`), "u3"], "id", "1 values repeat"],
    ["few unique texts", "plan", ["basic", "pro", "team"], "categorical", "values are text"],
    ["categories", "plan", ["basic", "pro", "basic", "pro"], "categorical", 'the first is "basic"'],
    ["numbers then text", "age", ["39", "50", "abc"], "categorical", 'the first is "abc"'],
    ["all missing", "empty", ["", "NA", "?"], "numeric", "every value is missing"],
  ])("%s -> %s", async (_case, name, values, kind, reason) => {
    const got = await kindOf(name, values);
    expect(got.kind).toBe(kind);
    expect(got.reasons).toContain(reason);
  });

  it("profiles: counts, distinct, range, most frequent values and examples", async () => {
    const r = await parseCsv(goodFixture("all-kinds.csv"), { file: "all-kinds.csv" });
    const byName = Object.fromEntries(r.schema.columns.map((c) => [c.name, c]));
    expect(r.schema.columns.map((c) => [c.name, c.kind])).toEqual([
      ["customer_id", "id"],
      ["age", "numeric"],
      ["plan", "categorical"],
      ["active", "boolean"],
      ["signup", "datetime"],
      ["score", "numeric"],
      ["label", "boolean"],
    ]);
    expect(byName.age).toMatchObject({ count: 5, missing: 1, distinct: 5, min: 29, max: 51 });
    expect(byName.plan).toMatchObject({ count: 5, missing: 1, distinct: 2, topValues: [{ value: "basic", count: 3 }, { value: "pro", count: 2 }] });
    expect(byName.active).toMatchObject({ missing: 1, topValues: [{ value: "yes", count: 3 }, { value: "no", count: 2 }] });
    expect(byName.signup).toMatchObject({ minIso: "2026-01-05T00:00:00.000Z", maxIso: "2026-03-15T00:00:00.000Z" });
    expect(byName.customer_id?.examples).toEqual(["C-001", "C-002", "C-003", "C-004", "C-005"]);
  });

  it("declared types override inference, and the profile says so", async () => {
    const r = await parseCsv("code,n\n1,5\n2,6\n3,7\n", { file: "d.csv", types: { code: "categorical", n: { kind: "datetime", format: "epoch" } } });
    expect(r.schema.columns[0]?.kind).toBe("categorical");
    expect(r.schema.columns[0]?.reasons[0]).toBe("declared categorical");
    expect(r.schema.columns[1]?.kind).toBe("datetime");
  });
});

describe("role suggestions", () => {
  it("suggests label, scores, timestamp and id from names and kinds", async () => {
    const r = await parseCsv(goodFixture("all-kinds.csv"), { file: "all-kinds.csv" });
    expect(r.schema.roles).toEqual({
      label: { column: "label", reason: 'named "label", a usual name for the true outcome' },
      scores: [{ column: "score", reason: 'named "score" and numeric, like a score or probability' }],
      timestamp: { column: "signup", reason: "the only column of dates and times" },
      id: { column: "customer_id", reason: "unique per row and not numbers, so an id" },
      features: ["age", "plan", "active"],
    });
  });

  it("prediction, probability columns and a given label name", async () => {
    const text = "y_pred,p_yes,p_no,outcome_flag,event_time\n1,0.8,0.2,1,2026-05-01\n0,0.3,0.7,0,2026-05-02\n";
    const r = await parseCsv(text, { file: "p.csv", roles: { label: "outcome_flag" } });
    expect(r.schema.roles.label?.column).toBe("outcome_flag");
    expect(r.schema.roles.prediction?.column).toBe("y_pred");
    expect(r.schema.roles.scores.map((s) => s.column)).toEqual(["p_yes", "p_no"]);
    expect(r.schema.roles.timestamp?.column).toBe("event_time");
    expect(r.schema.roles.features).toEqual([]);
  });

  it.each([
    ["customerId", "customer_id"],
    ["Event Time", "event_time"],
    ["predictedProba", "predicted_proba"],
    ["  income  ", "income"],
  ])("normalizes %j to %j", (name, normalized) => expect(normalizeName(name)).toBe(normalized));

  it.each([
    ["id", true],
    ["CustomerID", true],
    ["uuid", true],
    ["idea", false],
    ["valid", false],
  ])("id name %j: %s", (name, yes) => expect(looksLikeIdName(name)).toBe(yes));

  it.each([
    ["class", true],
    ["income", true],
    ["y", true],
    ["label", true],
    ["classroom", false],
  ])("label name %j: %s", (name, yes) => expect(looksLikeLabelName(name)).toBe(yes));

  it.each([
    ["score", true],
    ["p_default", true],
    ["churn_probability", true],
    ["predict_proba", true],
    ["scoreboard", false],
  ])("score name %j: %s", (name, yes) => expect(looksLikeScoreName(name)).toBe(yes));
});

describe("countDistinct", () => {
  it("counts distinct floats, ignoring NaN and merging 0 and -0", () => {
    expect(countDistinct(Float64Array.from([1, 2, 2, Number.NaN, 0, -0, 1e300, 1e300, -Infinity]))).toBe(5);
    const big = new Float64Array(100_000).map((_, i) => i % 7919);
    expect(countDistinct(big)).toBe(7919);
  });
});
