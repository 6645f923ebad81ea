// Declared processing: the scaler shapes it accepts, what it refuses at declaration, and the numbers it gives when
// applied before and after a model (each expected number written out here from the definition, not from the code).
import { describe, expect, it } from "vitest";
import type { Processing } from "@/lib/contracts/processing";
import type { ColumnSource, DecodedOutputs, FeatureColumn, ScoredTable, ScoringPlan } from "@/lib/onnx";
import {
  ProcessingError,
  applyInputProcessing,
  applyOutputProcessing,
  canonicalProcessingJson,
  compileProcessing,
  declareProcessing,
  normaliseScaler,
  scoreWithProcessing,
  storedProcessing,
  type DeclarationContext,
} from "@/lib/processing";

const none: Processing = { derived: [], standardise: [], transform: { kind: "none" }, meaning: null };
const regression: DeclarationContext = { task: "regression", modelInputs: ["age", "income", "ratio"], dataColumns: ["age", "income", "debt", "opened", "closed"] };

function refusal(input: unknown, context: DeclarationContext = regression): ProcessingError {
  try {
    declareProcessing(input, context);
  } catch (error) {
    if (error instanceof ProcessingError) return error;
    throw error;
  }
  throw new Error("The processing was accepted.");
}

describe("standardisation comes in three shapes", () => {
  it("scikit-learn's StandardScaler attributes", () => {
    const sklearn = { mean_: [38.5, 1200], scale_: [13.25, 400.5], var_: [175.5625, 160400.25], n_samples_seen_: 1000, feature_names_in_: ["age", "income"] };
    expect(normaliseScaler(sklearn)).toEqual([
      { column: "age", mean: 38.5, scale: 13.25 },
      { column: "income", mean: 1200, scale: 400.5 },
    ]);
  });

  it("a scaler fitted with with_mean=False or with_std=False (null attributes)", () => {
    expect(normaliseScaler({ mean_: null, scale_: [2, 4], feature_names_in_: ["a", "b"] })).toEqual([
      { column: "a", mean: 0, scale: 2 },
      { column: "b", mean: 0, scale: 4 },
    ]);
    expect(normaliseScaler({ mean_: [1], scale_: null, feature_names_in_: ["a"] })).toEqual([{ column: "a", mean: 1, scale: 1 }]);
  });

  it("{column: {mean, scale}} and the stored list", () => {
    expect(normaliseScaler({ age: { mean: 40, scale: 10 } })).toEqual([{ column: "age", mean: 40, scale: 10 }]);
    expect(declareProcessing({ standardise: { age: { mean: 40, scale: 10 } } }, regression).standardise).toEqual([{ column: "age", mean: 40, scale: 10 }]);
    expect(declareProcessing({ standardise: [{ column: "age", mean: 40, scale: 10 }] }, regression).standardise).toEqual([{ column: "age", mean: 40, scale: 10 }]);
  });

  it("refuses a scaler it cannot place or that divides by zero", () => {
    expect(() => normaliseScaler({ mean_: [1, 2], scale_: [1, 2] })).toThrow(/no feature_names_in_/);
    expect(() => normaliseScaler({ mean_: [1, 2], scale_: [1], feature_names_in_: ["a", "b"] })).toThrow(/scale_ has 1 values but feature_names_in_ names 2 columns/);
    expect(refusal({ standardise: { age: { mean: 40, scale: 0 } } }).message).toContain("divide by zero");
    expect(refusal({ standardise: { agee: { mean: 40, scale: 2 } } }).message).toContain("names 'agee', which is not a column");
    expect(refusal({ standardise: "age" }).code).toBe("INVALID_PROCESSING");
  });
});

describe("declaration checks the whole declaration against the model and its data", () => {
  it("accepts formulas over data columns and earlier derived columns", () => {
    const p = declareProcessing(
      { derived: [{ name: "ratio", formula: "income / debt" }, { name: "log_ratio", formula: "log(ratio)" }, { name: "days_open", formula: "days_between(opened, closed)" }], transform: { kind: "pow10" }, meaning: { kind: "number", unit: "EUR" } },
      regression,
    );
    expect(p.derived.map((d) => d.name)).toEqual(["ratio", "log_ratio", "days_open"]);
    expect(p.transform).toEqual({ kind: "pow10" });
  });

  it("refuses a formula reading an unknown column, naming the formula and the column", () => {
    const error = refusal({ derived: [{ name: "ratio", formula: "income / debts" }] });
    expect(error.code).toBe("UNKNOWN_COLUMN");
    expect(error.message).toContain("The formula for 'ratio' (income / debts) reads 'debts'");
  });

  it("refuses a formula reading a derived column declared after it", () => {
    const error = refusal({ derived: [{ name: "a", formula: "b * 2" }, { name: "b", formula: "income + 1" }] });
    expect(error.message).toContain("The formula for 'a' (b * 2) reads 'b'");
  });

  it("without reference data, formulas are checked for syntax and functions now, and for columns when data comes", () => {
    const context: DeclarationContext = { task: "regression", modelInputs: ["age", "ratio"], dataColumns: null };
    expect(declareProcessing({ derived: [{ name: "ratio", formula: "income / 2" }] }, context).derived).toHaveLength(1);
    expect(refusal({ derived: [{ name: "ratio", formula: "income /" }] }, context).message).toContain("The formula for 'ratio' (income /) cannot be read");
    expect(refusal({ derived: [{ name: "ratio", formula: "now(income)" }] }, context).message).toContain("calls 'now'");
    expect(refusal({ standardise: { agee: { mean: 1, scale: 2 } } }, context).message).toContain("names 'agee'");
  });

  it("refuses a bad formula, a duplicate or clashing name, and a name a formula could not read", () => {
    expect(refusal({ derived: [{ name: "r", formula: "income / (debt" }] }).message).toContain("The formula for 'r' (income / (debt) cannot be read");
    expect(refusal({ derived: [{ name: "r", formula: "income" }, { name: "r", formula: "debt" }] }).message).toContain("'r' is declared twice");
    expect(refusal({ derived: [{ name: "income", formula: "debt * 2" }] }).message).toContain("has the name of a column of the data");
    expect(refusal({ derived: [{ name: "my ratio", formula: "debt * 2" }] }).message).toContain("only letters, digits and underscores");
  });

  it.each([
    ["binary", { transform: { kind: "pow10" } }, "10^x does not fit a yes/no model"],
    ["multiclass", { transform: { kind: "sigmoid" } }, "sigmoid does not fit a category model"],
    ["regression", { transform: { kind: "softmax" } }, "softmax does not fit a number model"],
    ["regression", { meaning: { kind: "probability" } }, "cannot be declared a probability"],
    ["binary", { transform: { kind: "sigmoid" }, meaning: { kind: "raw_score", threshold: 0 } }, "declare the output a probability"],
    ["regression", { meaning: { kind: "number", unit: " " } }, "Name the unit"],
  ] as const)("%s: refuses %j", (task, input, message) => {
    expect(refusal(input, { ...regression, task }).message).toContain(message);
  });

  it("refuses fields it does not know", () => {
    expect(refusal({ transfrom: { kind: "exp" } }).code).toBe("INVALID_PROCESSING");
  });
});

describe("the canonical JSON changes with every change and only then", () => {
  it("is the same for the same processing written in another key order, and 'null' for none", () => {
    const a = declareProcessing({ standardise: { age: { mean: 1, scale: 2 } }, transform: { kind: "affine", mean: 3, scale: 4 } }, regression);
    const b = declareProcessing({ transform: { scale: 4, mean: 3, kind: "affine" }, standardise: [{ scale: 2, column: "age", mean: 1 }] }, regression);
    expect(canonicalProcessingJson(a)).toBe(canonicalProcessingJson(b));
    expect(canonicalProcessingJson(null)).toBe("null");
    expect(canonicalProcessingJson(none)).toBe("null");
    const c = declareProcessing({ standardise: { age: { mean: 1, scale: 2.0001 } }, transform: { kind: "affine", mean: 3, scale: 4 } }, regression);
    expect(canonicalProcessingJson(c)).not.toBe(canonicalProcessingJson(a));
  });

  it("stored JSON reads back, and nothing declared reads as null", () => {
    expect(storedProcessing(null)).toBeNull();
    expect(storedProcessing(none)).toBeNull();
    expect(storedProcessing({ nonsense: true })).toBeNull();
    expect(storedProcessing({ ...none, transform: { kind: "exp" } })?.transform).toEqual({ kind: "exp" });
  });
});

describe("inputs: derived columns, then standardisation", () => {
  it("standardises (x - mean) / scale, keeps missing values missing and leaves other columns untouched", () => {
    const age = Float64Array.of(20, 40, Number.NaN);
    const other = Float64Array.of(1, 2, 3);
    const out = applyInputProcessing(compileProcessing({ ...none, standardise: [{ column: "age", mean: 38.5, scale: 13.25 }] }), { age, other });
    const scaled = out.get("age") as Float64Array;
    expect(scaled[0]).toBeCloseTo((20 - 38.5) / 13.25, 14);
    expect(scaled[1]).toBeCloseTo((40 - 38.5) / 13.25, 14);
    expect(Number.isNaN(scaled[2])).toBe(true);
    expect(out.get("other")).toBe(other);
    expect(age[0]).toBe(20); // the caller's column is not changed
  });

  it("derives first, so a derived column can be standardised, and reads categorical and text columns", () => {
    const columns: ColumnSource = new Map<string, FeatureColumn>([
      ["income", Float64Array.of(5000, 3000, 100)],
      ["debt", Float64Array.of(2000, Number.NaN, 50)],
      ["city", { codes: Int32Array.of(0, 1, -1), dictionary: ["Oslo", "Bergen"] }],
      ["opened", ["2026-01-01", "2026-02-01", null]],
    ]);
    const compiled = compileProcessing({
      ...none,
      derived: [
        { name: "ratio", formula: "income / debt" },
        { name: "place", formula: "city + '!'" },
        { name: "days", formula: "days_between(opened, '2026-03-01')" },
      ],
      standardise: [{ column: "ratio", mean: 2, scale: 0.5 }],
    });
    const out = applyInputProcessing(compiled, columns);
    const ratio = out.get("ratio") as Float64Array;
    expect(ratio[0]).toBeCloseTo((5000 / 2000 - 2) / 0.5, 14);
    expect(Number.isNaN(ratio[1])).toBe(true);
    expect(ratio[2]).toBeCloseTo((100 / 50 - 2) / 0.5, 14);
    expect(out.get("place")).toEqual(["Oslo!", "Bergen!", null]);
    expect(Array.from(out.get("days") as Float64Array).slice(0, 2)).toEqual([59, 28]);
    expect(Number.isNaN((out.get("days") as Float64Array)[2])).toBe(true);
  });

  it("standardises a column named with other case or punctuation, as lib/onnx binds it", () => {
    const out = applyInputProcessing(compileProcessing({ ...none, standardise: [{ column: "education_num", mean: 10, scale: 2 }] }), { "education-num": Float64Array.of(14) });
    expect((out.get("education-num") as Float64Array)[0]).toBe(2);
  });

  it("refuses to standardise text, and a formula over a column the data lacks", () => {
    const text = compileProcessing({ ...none, standardise: [{ column: "city", mean: 1, scale: 2 }] });
    expect(() => applyInputProcessing(text, { city: ["Oslo"] })).toThrow(/'city' is standardised but holds text/);
    const formula = compileProcessing({ ...none, derived: [{ name: "r", formula: "a / b" }] });
    expect(() => applyInputProcessing(formula, { a: Float64Array.of(1) })).toThrow(/The formula for 'r' \(a \/ b\) reads 'b', which this data does not have/);
  });
});

const binaryPlan: Pick<ScoringPlan, "task" | "positiveLabel" | "outputs"> = {
  task: "binary",
  positiveLabel: "1",
  outputs: { label: null, probabilities: { name: "p" }, prediction: null },
};
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

describe("outputs: the transform after the model", () => {
  const regressionPlan = { ...binaryPlan, task: "regression" as const, positiveLabel: null };
  const raw: DecodedOutputs = { rows: 3, prediction: Float64Array.of(-1, 0, 2.5) };
  it.each([
    ["pow10", { kind: "pow10" }, [0.1, 1, Math.pow(10, 2.5)]],
    ["exp", { kind: "exp" }, [Math.exp(-1), 1, Math.exp(2.5)]],
    ["affine", { kind: "affine", mean: 100, scale: 20 }, [80, 100, 150]],
    ["sigmoid", { kind: "sigmoid" }, [sigmoid(-1), 0.5, sigmoid(2.5)]],
  ] as const)("a number model through %s", (_name, transform, expected) => {
    const out = applyOutputProcessing({ ...none, transform }, raw, regressionPlan);
    expected.forEach((e, i) => expect(out.prediction![i]).toBeCloseTo(e, 12));
    expect(raw.prediction![0]).toBe(-1);
  });

  it("a yes/no model's raw score through the sigmoid (one raw column, decoded as [1 - x, x])", () => {
    const x = [-2, 0.3, 4];
    const decoded: DecodedOutputs = {
      rows: 3,
      classes: ["0", "1"],
      probabilities: Float64Array.from(x.flatMap((v) => [1 - v, v])),
      score: Float64Array.from(x),
      labels: ["1", "0", "1"], // argmax of [1 - x, x], wrong for raw scores
    };
    const out = applyOutputProcessing({ ...none, transform: { kind: "sigmoid" } }, decoded, binaryPlan);
    x.forEach((v, i) => {
      expect(out.score![i]).toBeCloseTo(sigmoid(v), 14);
      expect(out.probabilities![2 * i + 1]).toBeCloseTo(sigmoid(v), 14);
      expect(out.probabilities![2 * i]).toBeCloseTo(1 - sigmoid(v), 14);
    });
    expect(out.labels).toEqual(["0", "1", "1"]);
  });

  it("the positive class may be the first column", () => {
    const decoded: DecodedOutputs = { rows: 1, classes: ["yes", "no"], probabilities: Float64Array.of(1.2, -0.4), score: Float64Array.of(1.2) };
    const out = applyOutputProcessing({ ...none, transform: { kind: "sigmoid" } }, decoded, { ...binaryPlan, positiveLabel: "yes" });
    expect(out.score![0]).toBeCloseTo(sigmoid(1.2), 14);
    expect(out.probabilities![1]).toBeCloseTo(1 - sigmoid(1.2), 14);
  });

  it("softmax per row over a category model's scores, keeping labels the model gave itself", () => {
    const scores = [1, 2, 3, -1, 0, 5];
    const decoded: DecodedOutputs = { rows: 2, classes: ["a", "b", "c"], probabilities: Float64Array.from(scores), labels: ["model", "model"] };
    const withLabels = applyOutputProcessing({ ...none, transform: { kind: "softmax" } }, decoded, { ...binaryPlan, task: "multiclass", outputs: { ...binaryPlan.outputs, label: { name: "l", elementType: "string" } } });
    const softmax = (row: number[]) => row.map((v) => Math.exp(v) / row.reduce((s, w) => s + Math.exp(w), 0));
    [...softmax([1, 2, 3]), ...softmax([-1, 0, 5])].forEach((e, k) => expect(withLabels.probabilities![k]).toBeCloseTo(e, 14));
    expect(withLabels.labels).toEqual(["model", "model"]);
    const argmax = applyOutputProcessing({ ...none, transform: { kind: "softmax" } }, decoded, { ...binaryPlan, task: "multiclass" });
    expect(argmax.labels).toEqual(["c", "c"]);
  });

  it("no transform changes nothing", () => {
    expect(applyOutputProcessing({ ...none, meaning: { kind: "number", unit: "EUR" } }, raw, regressionPlan)).toBe(raw);
  });
});

describe("scoreWithProcessing wraps a session", () => {
  const plan = { task: "regression", positiveLabel: null, outputs: { label: null, probabilities: null, prediction: { name: "y" } } } as unknown as ScoringPlan;
  /** A stand-in model: predicts 2 * x + 1 on whatever column 'x' it receives. */
  const session = {
    prepared: { plan } as never,
    seen: [] as number[],
    async score(columns: ColumnSource): Promise<ScoredTable> {
      const x = (columns instanceof Map ? columns.get("x") : (columns as Record<string, Float64Array>).x) as Float64Array;
      this.seen = Array.from(x);
      return { rows: x.length, prediction: x.map((v) => 2 * v + 1), notes: [] };
    },
  };

  it("standardises before and transforms after", async () => {
    const processing: Processing = { ...none, standardise: [{ column: "x", mean: 10, scale: 5 }], transform: { kind: "exp" } };
    const out = await scoreWithProcessing(session, processing, { x: Float64Array.of(10, 20) });
    expect(session.seen).toEqual([0, 2]);
    expect(out.prediction![0]).toBeCloseTo(Math.exp(1), 14);
    expect(out.prediction![1]).toBeCloseTo(Math.exp(5), 14);
  });

  it("with no processing, scores the columns as they are", async () => {
    const out = await scoreWithProcessing(session, null, { x: Float64Array.of(3) });
    expect(session.seen).toEqual([3]);
    expect(out.prediction![0]).toBe(7);
  });
});
