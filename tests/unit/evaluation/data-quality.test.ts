import { describe, expect, it } from "vitest";
import {
  CLASS_SHIFT_POINTS,
  dataQuality,
  duplicateRows,
  GROUP_SHIFT_POINTS,
  LEAKAGE_ROC_AUC,
  LEAKAGE_SAMPLE_ROWS,
  MISSING_RISE_POINTS,
  prepareQualityReference,
  PROBLEM_ORDER,
  rankAuc,
  sampleRows,
  type QualityColumns,
} from "@/lib/evaluation/data-quality";
import type { DataQualityProblem, Provenance } from "@/lib/contracts/snapshot-types";
import type { Column, Table } from "@/lib/ingest/table";
import { makeTable, range, type Cells } from "./make-table";
import { rocAucScore, Xoshiro128 } from "@/lib/metrics";

const idColumn = (n: number): Column => ({ name: "id", kind: "id", codes: Int32Array.from(range(n)), dictionary: range(n, String) });
const kinds = (problems: DataQualityProblem[]): string[] => problems.map((p) => p.kind);

/** 200 rows: noise features, sex A/B half and half, label yes/no half and half, id, timestamp and score. */
function baseTable(seed: number, n = 200, extra: Record<string, Cells | Column> = {}): Table {
  const rng = new Xoshiro128(seed);
  const label = range(n, (i) => (i % 2 === 0 ? "yes" : "no"));
  return makeTable({
    id: idColumn(n),
    ts: range(n, (i) => 1_700_000_000_000 + i * 1000),
    age: range(n, () => Math.round(18 + rng.nextDouble() * 60)),
    income: range(n, () => rng.nextDouble() * 1e5),
    region: range(n, () => ["north", "south", "east"][rng.nextInt(3)] as string),
    sex: range(n, (i) => (Math.floor(i / 2) % 2 === 0 ? "A" : "B")),
    outcome: label,
    score: range(n, (i) => (label[i] === "yes" ? 0.9 : 0.1)),
    ...extra,
  });
}

const binary: QualityColumns = {
  featureColumns: ["age", "income", "region", "sex"],
  labelColumn: "outcome",
  task: "binary",
  positiveLabel: "yes",
  sensitiveAttributes: ["sex"],
  idColumns: ["id"],
  timestampColumns: ["ts"],
  outputColumns: ["score"],
};

describe("leakage", () => {
  it("flags a number feature that alone separates a binary label, in either direction", () => {
    const n = 200;
    const table = baseTable(1, n, {
      leak: range(n, (i) => (i % 2 === 0 ? 10 + i : -i)),
      inverse: range(n, (i) => (i % 2 === 0 ? -i : 1000 + i)),
    });
    const dq = dataQuality({ ...binary, featureColumns: [...binary.featureColumns, "leak", "inverse"], table, reference: null });
    expect(dq.leakage).toEqual([
      { column: "inverse", method: "roc_auc", score: 1 },
      { column: "leak", method: "roc_auc", score: 1 },
    ]);
    expect(dq.problems.slice(0, 2)).toEqual([
      { kind: "leakage", column: "inverse", method: "roc_auc", score: 1 },
      { kind: "leakage", column: "leak", method: "roc_auc", score: 1 },
    ]);
  });

  it("flags a category feature whose categories give the label away, but not a noisy one", () => {
    const n = 200;
    const table = baseTable(2, n, {
      status: range(n, (i) => (i % 2 === 0 ? (i % 4 === 0 ? "approved" : "approved-late") : "declined")),
      almost: range(n, (i) => ((i % 2 === 0) !== (i % 10 === 1) ? "p" : "q")),
    });
    const dq = dataQuality({ ...binary, featureColumns: [...binary.featureColumns, "status", "almost"], table, reference: null });
    expect(dq.leakage).toEqual([{ column: "status", method: "roc_auc", score: 1 }]);
  });

  it("scores a near-separating feature with its ROC AUC and applies the 0.98 threshold", () => {
    // label = i even; x = i for odd rows, i + 3 for even rows except a few swapped: AUC just above / below 0.98
    const n = 400;
    const x = range(n, (i) => (i % 2 === 0 ? 1000 + i : i));
    for (const k of [1, 3, 5, 7]) x[k] = 5000; // 4 negatives above every positive: AUC = 1 - 4/200 = 0.98
    const table = baseTable(3, n, { x });
    const dq = dataQuality({ ...binary, featureColumns: ["x"], table, reference: null });
    expect(LEAKAGE_ROC_AUC).toBe(0.98);
    expect(dq.leakage).toHaveLength(1);
    expect(dq.leakage[0]?.score).toBeCloseTo(0.98, 12);
    for (const k of [9]) x[k] = 5000;
    expect(dataQuality({ ...binary, featureColumns: ["x"], table: baseTable(3, n, { x }), reference: null }).leakage).toEqual([]);
  });

  it("flags a number feature monotone in a regression target (Spearman, either sign), not noise", () => {
    const rng = new Xoshiro128(4);
    const n = 300;
    const y = range(n, () => rng.nextDouble() * 100);
    const table = makeTable({
      y,
      doubled: y.map((v) => 2 * v + 1),
      falling: y.map((v) => Math.exp(-v / 10)),
      noise: range(n, () => rng.nextDouble()),
      bucket: y.map((v) => (v < 50 ? "low" : "high")),
      prediction: y,
    });
    const dq = dataQuality({
      featureColumns: ["doubled", "falling", "noise", "bucket"],
      labelColumn: "y",
      task: "regression",
      outputColumns: ["prediction"],
      table,
      reference: null,
    });
    expect(dq.leakage.map((l) => [l.column, l.method, Math.round(l.score * 1e9) / 1e9])).toEqual([
      ["doubled", "spearman", 1],
      ["falling", "spearman", -1],
    ]);
    expect(dq.classBalance).toBeNull();
  });

  it("computes ROC AUC as scikit-learn does (ties count one half)", () => {
    const rng = new Xoshiro128(5);
    for (const n of [50, 3000]) {
      const y = range(n, () => (rng.nextDouble() < 0.3 ? 1 : 0));
      const x = Float64Array.from(range(n, (i) => Math.round((y[i] as number) + rng.nextDouble() * 3)));
      expect(rankAuc(x, y)).toBeCloseTo(rocAucScore(y, x), 12);
    }
  });

  it("samples at most 50,000 labelled rows, the same ones every time", () => {
    const rows = Int32Array.from(range(120_000, (i) => i * 2));
    const a = sampleRows(rows, LEAKAGE_SAMPLE_ROWS);
    expect(a.length).toBe(50_000);
    expect(Array.from(a)).toEqual(Array.from(sampleRows(rows, LEAKAGE_SAMPLE_ROWS)));
    expect(a.every((v, i) => i === 0 || v > (a[i - 1] as number))).toBe(true);
    expect(a.every((v) => v % 2 === 0)).toBe(true);
    expect(sampleRows(Int32Array.of(4, 8), 10)).toEqual(Int32Array.of(4, 8));
  });

  it("finds a leak on a table bigger than the sample", () => {
    const n = 60_000;
    const table = makeTable({
      outcome: range(n, (i) => (i % 3 === 0 ? "yes" : "no")),
      leak: range(n, (i) => (i % 3 === 0 ? 1 : 0)),
      other: range(n, (i) => i % 7),
    });
    const dq = dataQuality({ featureColumns: ["leak", "other"], labelColumn: "outcome", task: "binary", positiveLabel: "yes", table, reference: null });
    expect(dq.leakage).toEqual([{ column: "leak", method: "roc_auc", score: 1 }]);
  });

  it("does not check the label, the model's scores, ids or timestamps for leakage", () => {
    const table = baseTable(6);
    const dq = dataQuality({ ...binary, featureColumns: ["age", "score", "id", "ts", "outcome"], table, reference: null });
    expect(dq.leakage).toEqual([]);
  });
});

describe("duplicates", () => {
  it("counts exact repeats over the features only (missing equals missing, -0 equals 0)", () => {
    const table = makeTable({
      id: idColumn(10),
      a: [1, 1, 1, 2, 2, null, null, 0, -0, 3],
      b: ["x", "x", "x", "y", "z", "x", "x", "w", "w", null],
      label: ["p", "q", "p", "q", "p", "q", "p", "q", "p", "q"],
    });
    // rows 1 and 2 repeat row 0; row 6 repeats row 5 (both missing a); row 8 repeats row 7 (-0 and 0): 4
    const dq = dataQuality({ featureColumns: ["a", "b"], labelColumn: "label", task: "binary", table, reference: null });
    expect(dq.duplicates).toEqual({ count: 4, share: 0.4 });
    expect(dq.problems).toContainEqual({ kind: "duplicates", count: 4, share: 0.4 });
  });

  it("finds exactly the repeats planted in a large random table", () => {
    const rng = new Xoshiro128(9);
    const n = 100_000;
    const x = Float64Array.from(range(n, () => rng.nextDouble()));
    const y = Float64Array.from(range(n, () => rng.nextInt(5)));
    const g = Int32Array.from(range(n, () => rng.nextInt(3)));
    let planted = 0;
    for (let i = 1000; i < n; i += 997) {
      const from = i - 500;
      x[i] = x[from] as number;
      y[i] = y[from] as number;
      g[i] = g[from] as number;
      planted++;
    }
    const columns: Column[] = [
      { name: "x", kind: "numeric", values: x },
      { name: "y", kind: "numeric", values: y },
      { name: "g", kind: "categorical", codes: g, dictionary: ["a", "b", "c"] },
    ];
    expect(duplicateRows(columns, n)).toBe(planted);
    // Over the columns with few values only, almost every row repeats: 5 * 3 distinct rows.
    expect(duplicateRows(columns.slice(1), n)).toBe(n - 15);
  });

  it("has no duplicates without feature columns", () => {
    expect(duplicateRows([], 10)).toBe(0);
  });
});

describe("group shares, class balance, missing values and columns against the reference", () => {
  const reference = baseTable(10);
  const prepared = prepareQualityReference(reference, binary);

  it("flags a group whose share halves (and the other that grows 1.5x), not a small change", () => {
    const n = 200;
    const halved = baseTable(11, n, { sex: range(n, (i) => (i % 4 === 0 ? "A" : "B")) });
    const dq = dataQuality({ ...binary, table: halved, reference: prepared });
    expect(dq.groupShares).toEqual([
      { column: "sex", group: "A", share: 0.25, referenceShare: 0.5, changePoints: -25 },
      { column: "sex", group: "B", share: 0.75, referenceShare: 0.5, changePoints: 25 },
    ]);
    expect(dq.problems.filter((p) => p.kind === "groupShift")).toEqual([
      { kind: "groupShift", column: "sex", group: "A", share: 0.25, referenceShare: 0.5 },
      { kind: "groupShift", column: "sex", group: "B", share: 0.75, referenceShare: 0.5 },
    ]);
    const small = baseTable(12, n, { sex: range(n, (i) => (i % 10 < 4 ? "A" : "B")) });
    expect(dataQuality({ ...binary, table: small, reference: prepared }).problems.filter((p) => p.kind === "groupShift")).toEqual([]);
    expect(GROUP_SHIFT_POINTS).toBe(5);
  });

  it("lists a new group with a reference share of 0", () => {
    const n = 200;
    const dq = dataQuality({ ...binary, table: baseTable(13, n, { sex: range(n, (i) => (i % 4 === 0 ? "X" : i % 2 ? "A" : "B")) }), reference: prepared });
    expect(dq.groupShares.find((g) => g.group === "X")).toEqual({ column: "sex", group: "X", share: 0.25, referenceShare: 0, changePoints: 25 });
    expect(dq.problems).toContainEqual({ kind: "groupShift", column: "sex", group: "X", share: 0.25, referenceShare: 0 });
  });

  it("flags classes whose share moved by 10 points or more", () => {
    const n = 200;
    const shifted = baseTable(14, n, { outcome: range(n, (i) => (i % 5 === 0 ? "yes" : "no")) });
    const dq = dataQuality({ ...binary, table: shifted, reference: prepared });
    expect(dq.classBalance).toEqual([
      { label: "no", count: 160, share: 0.8 },
      { label: "yes", count: 40, share: 0.2 },
    ]);
    expect(dq.problems.filter((p) => p.kind === "classBalance")).toEqual([
      { kind: "classBalance", label: "no", share: 0.8, referenceShare: 0.5 },
      { kind: "classBalance", label: "yes", share: 0.2, referenceShare: 0.5 },
    ]);
    expect(CLASS_SHIFT_POINTS).toBe(10);
    const same = dataQuality({ ...binary, table: baseTable(15), reference: prepared });
    expect(same.problems).toEqual([]);
    expect(same.classBalance).toEqual([
      { label: "no", count: 100, share: 0.5 },
      { label: "yes", count: 100, share: 0.5 },
    ]);
  });

  it("has no class balance without a label column or for a number model", () => {
    const table = baseTable(16);
    expect(dataQuality({ ...binary, labelColumn: null, table, reference: null }).classBalance).toBeNull();
    expect(dataQuality({ ...binary, labelColumn: "income", task: "regression", table, reference: null }).classBalance).toBeNull();
  });

  it("flags a column whose missing share rose by 10 points, and an all-missing column", () => {
    const n = 200;
    const window = baseTable(17, n, {
      income: range(n, (i) => (i % 100 < 15 ? null : i)),
      age: range(n, (i) => (i % 100 < 5 ? null : i)),
      region: range(n, () => null),
    });
    const dq = dataQuality({ ...binary, table: window, reference: prepared });
    expect(dq.missing.find((m) => m.column === "income")).toEqual({ column: "income", count: 30, share: 0.15 });
    expect(dq.missing.find((m) => m.column === "region")).toEqual({ column: "region", count: 200, share: 1 });
    expect(dq.problems.filter((p) => p.kind === "missing")).toEqual([
      { kind: "missing", column: "region", share: 1, referenceShare: 0 },
      { kind: "missing", column: "income", share: 0.15, referenceShare: 0 },
    ]);
    expect(MISSING_RISE_POINTS).toBe(10);
  });

  it("flags 20% missing in the reference itself", () => {
    const n = 200;
    const ref = baseTable(18, n, { income: range(n, (i) => (i % 5 === 0 ? null : i)), age: range(n, (i) => (i % 10 === 0 ? null : i)) });
    const dq = dataQuality({ ...binary, table: ref, reference: null });
    expect(dq.problems.filter((p) => p.kind === "missing")).toEqual([{ kind: "missing", column: "income", share: 0.2, referenceShare: 0.2 }]);
    // a window as bad as the reference is not flagged again
    const window = dataQuality({ ...binary, table: baseTable(19, n, { income: range(n, (i) => (i % 5 === 0 ? null : i)) }), reference: ref });
    expect(window.problems.filter((p) => p.kind === "missing")).toEqual([]);
  });

  it("reports reference columns the window lacks, and new columns", () => {
    const window = baseTable(20);
    const table: Table = { ...window, columns: [...window.columns.filter((c) => c.name !== "income"), { name: "extra", kind: "numeric", values: new Float64Array(200) }] };
    const dq = dataQuality({ ...binary, table, reference: prepared });
    expect(dq.missingColumns).toEqual(["income"]);
    expect(dq.newColumns).toEqual(["extra"]);
    // (without income, the remaining features repeat: duplicates are reported too)
    expect(dq.problems.filter((p) => p.kind !== "duplicates")).toEqual([{ kind: "missingColumns", columns: ["income"] }]);
  });

  it("leaves ids, timestamps, the label and the model's scores out of every check", () => {
    const window = baseTable(21);
    // The window lacks the label and the timestamp (labels come later), has all scores missing and a new id column.
    const table: Table = {
      ...window,
      columns: [
        ...window.columns.filter((c) => !["outcome", "ts", "score", "id"].includes(c.name)),
        { name: "score", kind: "numeric", values: new Float64Array(200).fill(Number.NaN) },
        { name: "row_id", kind: "id", codes: Int32Array.from(range(200)), dictionary: range(200, String) },
      ],
    };
    const dq = dataQuality({ ...binary, table, reference: prepared });
    expect(dq.missing.map((m) => m.column)).toEqual(["age", "income", "region", "sex"]);
    expect(dq.missingColumns).toEqual([]);
    expect(dq.newColumns).toEqual([]);
    expect(dq.classBalance).toBeNull();
    expect(dq.problems).toEqual([]);
    expect(prepared.columns).toEqual(["age", "income", "region", "sex"]);
  });

  it("handles a constant column", () => {
    const dq = dataQuality({ ...binary, featureColumns: [...binary.featureColumns, "flat"], table: baseTable(22, 200, { flat: range(200, () => 7) }), reference: null });
    expect(dq.missing.find((m) => m.column === "flat")).toEqual({ column: "flat", count: 0, share: 0 });
    expect(dq.leakage).toEqual([]);
  });

  it("gives the same section from the prepared reference (plain JSON) as from the table", () => {
    const window = baseTable(23, 200, { sex: range(200, (i) => (i % 4 === 0 ? "A" : "B")) });
    const provenance: Provenance = { fileName: "june.csv", sha256: "ab".repeat(32), uploadedBy: "ana", uploadedAt: "2025-06-01T00:00:00.000Z", rows: 200 };
    const fromTable = dataQuality({ ...binary, table: window, reference, provenance });
    const fromPrepared = dataQuality({ ...binary, table: window, reference: JSON.parse(JSON.stringify(prepared)), provenance });
    expect(fromPrepared).toEqual(fromTable);
    expect(fromTable.provenance).toEqual(provenance);
    expect(fromTable.rows).toBe(200);
    expect(dataQuality({ ...binary, table: window, reference }).provenance).toBeNull();
  });
});

describe("problem order", () => {
  it("puts the worst kinds first: leakage, missing columns, missing values, duplicates, groups, classes", () => {
    expect(PROBLEM_ORDER).toEqual(["leakage", "missingColumns", "missing", "duplicates", "groupShift", "classBalance"]);
    const n = 200;
    const reference = baseTable(30, n, { extra: range(n, (i) => i) });
    const window = baseTable(31, n, {
      leak: range(n, (i) => (i % 5 === 0 ? 1 : 0)),
      income: range(n, (i) => (i < 40 ? null : 5)),
      age: range(n, () => 30),
      region: range(n, () => "north"),
      sex: range(n, (i) => (i % 4 === 0 ? "A" : "B")),
      outcome: range(n, (i) => (i % 5 === 0 ? "yes" : "no")),
    });
    const dq = dataQuality({ ...binary, featureColumns: [...binary.featureColumns, "leak"], table: window, reference });
    const order = kinds(dq.problems);
    expect([...new Set(order)]).toEqual(PROBLEM_ORDER);
    expect(dq.duplicates.count).toBeGreaterThan(0);
  });
});
