// Derived-column formulas: what they compute (checked against the same arithmetic written out here) and what they
// refuse, with messages that name the formula and the problem.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FORMULA_FUNCTIONS, ProcessingError, compileFormula } from "@/lib/processing";

const known = new Set(["income", "debt", "start", "end", "birth_date", "visit_date", "end date", "x", "city"]);

function refusal(formula: string, columns: ReadonlySet<string> | null = known): ProcessingError {
  try {
    compileFormula("derived", formula, columns);
  } catch (error) {
    if (error instanceof ProcessingError) return error;
    throw error;
  }
  throw new Error(`The formula ${formula} was accepted.`);
}

describe("formulas compute from the row", () => {
  it.each([
    ["income / debt", { income: 5000, debt: 2000 }, 5000 / 2000],
    ["income - debt * 2", { income: 5000, debt: 2000 }, 5000 - 2000 * 2],
    ["(income - debt) / (income + debt)", { income: 3, debt: 1 }, (3 - 1) / (3 + 1)],
    ["log(x)", { x: 20 }, Math.log(20)],
    ["x|log", { x: 20 }, Math.log(20)],
    ["log10(x) + log1p(x)", { x: 99 }, Math.log10(99) + Math.log1p(99)],
    ["exp(x) - abs(0 - x)", { x: 1.5 }, Math.exp(1.5) - 1.5],
    ["sqrt(x) + pow(x, 3)", { x: 4 }, 2 + 64],
    ["min(income, debt) + max(income, debt, 7)", { income: 3, debt: 5 }, 3 + 7],
    ["round(x) + floor(x) + ceil(x)", { x: 2.5 }, Math.round(2.5) + 2 + 3],
    ["x % 3", { x: 10 }, 1],
    ["x > 2 ? 1 : 0", { x: 3 }, 1],
    ["x > 2", { x: 1 }, 0],
    ["days_between(start, end)", { start: "2026-01-01", end: "2026-03-01" }, 59],
    ["days_between(start, end)", { start: Date.UTC(2026, 0, 1, 0), end: Date.UTC(2026, 0, 2, 12) }, 1.5],
    ['days_between(birth_date, col("end date")) / 365.25', { birth_date: "2000-01-01", "end date": "2025-01-01" }, (Date.UTC(2025, 0, 1) - Date.UTC(2000, 0, 1)) / 86_400_000 / 365.25],
    ["year(visit_date) * 100 + month(visit_date)", { visit_date: "2026-12-07" }, 202612],
    ["weekday(visit_date)", { visit_date: "2026-12-07" }, 1],
  ])("%s", (formula, row, expected) => {
    const value = compileFormula("derived", formula, known).evaluate(row);
    expect(typeof value).toBe("number");
    expect(value as number).toBeCloseTo(expected, 12);
  });

  it("gives text when the formula gives text", () => {
    expect(compileFormula("size", "x > 100 ? 'big' : 'small'", known).evaluate({ x: 101 })).toBe("big");
    expect(compileFormula("place", "city + '-' + x", known).evaluate({ city: "Oslo", x: 2 })).toBe("Oslo-2");
  });

  it("gives a missing value when a column it reads is missing, or the result is not a finite number", () => {
    const ratio = compileFormula("ratio", "income / debt", known);
    expect(ratio.evaluate({ income: 1, debt: null })).toBeNull();
    expect(ratio.evaluate({ income: Number.NaN, debt: 2 })).toBeNull();
    expect(ratio.evaluate({ income: 1, debt: 0 })).toBeNull(); // 1 / 0 is not a number a model can read
    expect(compileFormula("l", "log(x)", known).evaluate({ x: -1 })).toBeNull();
    expect(compileFormula("d", "days_between(start, end)", known).evaluate({ start: "not a date", end: "2026-01-01" })).toBeNull();
  });

  it("lists the columns it reads, once each, in order", () => {
    expect(compileFormula("d", 'income / debt + income * col("end date")', known).sources).toEqual(["income", "debt", "end date"]);
  });

  it("evaluates the same parsed formula row after row", () => {
    const f = compileFormula("twice", "x * 2", known);
    expect([1, 2, 3].map((x) => f.evaluate({ x }))).toEqual([2, 4, 6]);
  });
});

describe("formulas refuse what they may not do, naming the formula", () => {
  it("a formula that does not parse", () => {
    const error = refusal("income +");
    expect(error.code).toBe("INVALID_FORMULA");
    expect(error.message).toContain("The formula for 'derived' (income +) cannot be read");
  });

  it("a column that does not exist, at declaration", () => {
    const error = refusal("incme / debt");
    expect(error.code).toBe("UNKNOWN_COLUMN");
    expect(error.message).toContain("(incme / debt) reads 'incme', which is not a column");
  });

  it.each(["Date", "Math", "globalThis", "window", "process"])("the global name %s is just an unknown column", (name) => {
    const error = refusal(`${name} + 1`);
    expect(error.code).toBe("UNKNOWN_COLUMN");
    expect(error.message).toContain(`reads '${name}'`);
  });

  it.each(["constructor", "__proto__", "toString"])("the inherited name %s is refused", (name) => {
    expect(refusal(`${name} + 1`).message).toContain(`The formula for 'derived' (${name} + 1)`);
    expect(refusal(`col("${name}") + 1`).code).toBe("UNKNOWN_COLUMN");
  });

  it("reading inside a value (member access), filters and indexes", () => {
    expect(refusal("income.constructor").message).toContain("(income.constructor) cannot be read");
    expect(refusal("city.length").message).toContain("from inside a value");
    expect(refusal("income[0]").message).toContain("filters or indexes a value");
  });

  it("functions that are not formula functions, such as a clock", () => {
    for (const name of ["now", "Date", "eval", "fetch", "random"]) {
      const error = refusal(`${name}(income)`);
      expect(error.message, name).toContain(`calls '${name}', which is not a formula function`);
    }
    expect(FORMULA_FUNCTIONS).not.toContain("now");
  });

  it("lists and objects, and formulas that read no column", () => {
    expect(refusal("[income, debt]").message).toContain("builds a list or an object");
    expect(refusal("{a: income}").message).toContain("builds a list or an object");
    expect(refusal("42").message).toContain("reads no column");
  });

  it("col() without a quoted name", () => {
    expect(refusal("col(income)").message).toContain('write col("column name")');
  });

  it("does not reach the prototype when scoring without a list of known columns", () => {
    const f = compileFormula("p", 'col("constructor") + col("__proto__")', null);
    expect(f.evaluate({})).toBeNull();
  });
});

describe("lib/processing runs anywhere and under the content security policy", () => {
  const dir = path.join(process.cwd(), "lib/processing");
  const files = fs.readdirSync(dir).filter((f) => f.endsWith(".ts"));
  it.each(files)("%s imports nothing from Node and compiles no code", (file) => {
    const source = fs.readFileSync(path.join(dir, file), "utf8").replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
    expect(source).not.toMatch(/from\s+["'](node:|fs|path|crypto|server-only)/);
    expect(source).not.toMatch(/\bnew Function\b|[^.\w]eval\(/);
  });

  it("jexl itself evaluates by walking the tree, without eval or new Function", () => {
    const root = path.join(process.cwd(), "node_modules/jexl/dist");
    const sources: string[] = [];
    const walk = (d: string) => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        if (e.isDirectory()) walk(path.join(d, e.name));
        else if (e.name.endsWith(".js")) sources.push(fs.readFileSync(path.join(d, e.name), "utf8"));
      }
    };
    walk(root);
    expect(sources.length).toBeGreaterThan(3);
    for (const s of sources) expect(s).not.toMatch(/\bnew Function\b|(?<![.\w])eval\(/);
  });
});
