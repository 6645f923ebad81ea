// Derived columns: formulas over the other columns of one row, in jexl's expression language (a parser and a tree
// walker: no eval, no new Function, so it runs under the app's content security policy). A formula is parsed and
// checked once, at declaration and again before scoring, then evaluated row by row. It may read only the row: the
// names of columns (or col("any name") for a name with spaces or signs), numbers, text, arithmetic, comparisons and
// the functions below. No member access, no lists or objects, no clock, nothing global.
import jexl from "jexl";
import { ProcessingError } from "./errors";

/** The jexl syntax tree, as far as we walk it (jexl's own typing of `_getAst`). */
type FormulaAst =
  | { type: "UnaryExpression"; operator: string; right: FormulaAst }
  | { type: "BinaryExpression"; operator: string; left: FormulaAst; right: FormulaAst }
  | { type: "ConditionalExpression"; test: FormulaAst; consequent: FormulaAst; alternate?: FormulaAst }
  | { type: "FilterExpression"; relative: boolean; expr: FormulaAst; subject: FormulaAst }
  | { type: "Literal"; value: string | number | boolean }
  | { type: "ArrayLiteral"; value: FormulaAst[] }
  | { type: "ObjectLiteral"; value: Record<string, FormulaAst> }
  | { type: "Identifier"; value: string; from?: FormulaAst; relative?: boolean }
  | { type: "FunctionCall"; name: string; pool: "functions" | "transforms"; args: FormulaAst[] };

const DAY_MS = 86_400_000;

/** A date as milliseconds since 1970 (UTC): a stored datetime column's number, or ISO text ("2026-12-07"). */
function dateMs(value: unknown): number {
  if (typeof value === "number") return value;
  if (typeof value === "string") {
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? Number.NaN : ms;
  }
  return Number.NaN;
}

function num(value: unknown): number {
  return typeof value === "number" ? value : typeof value === "string" && value.trim() !== "" ? Number(value) : Number.NaN;
}

/** The functions a formula may call, as `log(x)` or as a transform `x|log`. Each reads only its arguments. */
const FUNCTIONS: Readonly<Record<string, (...args: unknown[]) => unknown>> = {
  log: (x) => Math.log(num(x)),
  ln: (x) => Math.log(num(x)),
  log10: (x) => Math.log10(num(x)),
  log2: (x) => Math.log2(num(x)),
  log1p: (x) => Math.log1p(num(x)),
  exp: (x) => Math.exp(num(x)),
  sqrt: (x) => Math.sqrt(num(x)),
  abs: (x) => Math.abs(num(x)),
  pow: (x, y) => Math.pow(num(x), num(y)),
  min: (...xs) => Math.min(...xs.map(num)),
  max: (...xs) => Math.max(...xs.map(num)),
  round: (x) => Math.round(num(x)),
  floor: (x) => Math.floor(num(x)),
  ceil: (x) => Math.ceil(num(x)),
  /** days from date `a` to date `b` (b - a), fractional */
  days_between: (a, b) => (dateMs(b) - dateMs(a)) / DAY_MS,
  year: (d) => new Date(dateMs(d)).getUTCFullYear(),
  month: (d) => new Date(dateMs(d)).getUTCMonth() + 1,
  weekday: (d) => new Date(dateMs(d)).getUTCDay(),
};

/** The names of the functions formulas may use (shown in the form's help). */
export const FORMULA_FUNCTIONS: readonly string[] = [...Object.keys(FUNCTIONS), "col"];

// One jexl instance of our own: the package's shared default instance could be given other functions elsewhere.
const language = new jexl.Jexl();
for (const [name, fn] of Object.entries(FUNCTIONS)) {
  language.addFunction(name, fn);
  language.addTransform(name, fn);
}

/** A value of one row as a formula sees it: a number, text, or null for missing. */
export type RowValue = number | string | null;

export interface CompiledFormula {
  readonly name: string;
  readonly formula: string;
  /** the columns the formula reads, each once, in the order it names them */
  readonly sources: readonly string[];
  /** the formula's value for one row (values by column name); null when a column it reads is missing or the result is not a number or text */
  evaluate(row: Readonly<Record<string, RowValue>>): number | string | null;
}

function refuse(name: string, formula: string, problem: string): ProcessingError {
  return new ProcessingError("INVALID_FORMULA", `The formula for '${name}' (${formula}) ${problem}`, { column: name });
}

/**
 * Parses and checks a formula: it must parse, call only known functions, and read only columns in `known` (any
 * column when `known` is null: at scoring time the table itself says which columns exist).
 * Throws ProcessingError (INVALID_FORMULA or UNKNOWN_COLUMN) naming the formula and the problem.
 */
export function compileFormula(name: string, formula: string, known: ReadonlySet<string> | null): CompiledFormula {
  let expression: ReturnType<typeof language.compile>;
  let ast: FormulaAst;
  try {
    expression = language.compile(formula);
    ast = expression._getAst() as unknown as FormulaAst;
  } catch (error) {
    const detail = error instanceof Error ? error.message.replace(/\.$/, "") : String(error);
    throw refuse(name, formula, `cannot be read: ${detail}. Check its brackets, quotes and operators.`);
  }
  if (!ast) throw refuse(name, formula, "is empty.");
  const sources: string[] = [];
  const unknown: string[] = [];
  const read = (column: string) => {
    if (known && !known.has(column)) {
      if (!unknown.includes(column)) unknown.push(column);
    } else if (!sources.includes(column)) sources.push(column);
  };
  const walk = (node: FormulaAst): void => {
    switch (node.type) {
      case "Literal":
        return;
      case "UnaryExpression":
        return walk(node.right);
      case "BinaryExpression":
        walk(node.left);
        return walk(node.right);
      case "ConditionalExpression":
        walk(node.test);
        walk(node.consequent);
        if (node.alternate) walk(node.alternate);
        return;
      case "Identifier":
        if (node.from || node.relative) throw refuse(name, formula, `reads '${node.value}' from inside a value; a formula may read only whole columns of the row.`);
        return read(node.value);
      case "FunctionCall": {
        if (node.name === "col" && node.pool === "functions") {
          const arg = node.args[0];
          if (node.args.length !== 1 || !arg || arg.type !== "Literal" || typeof arg.value !== "string") {
            throw refuse(name, formula, `uses col() without a column name in quotes; write col("column name").`);
          }
          read(arg.value);
          // A column read by its quoted name becomes a plain identifier (jexl looks it up in the row by any name).
          const target = node as unknown as Record<string, unknown>;
          for (const key of Object.keys(target)) delete target[key];
          Object.assign(target, { type: "Identifier", value: arg.value });
          return;
        }
        if (!Object.hasOwn(FUNCTIONS, node.name)) {
          throw refuse(name, formula, `calls '${node.name}', which is not a formula function. Use one of: ${FORMULA_FUNCTIONS.join(", ")}.`);
        }
        for (const a of node.args) walk(a);
        return;
      }
      case "FilterExpression":
        throw refuse(name, formula, "filters or indexes a value with [ ]; a formula may read only whole columns of the row.");
      case "ArrayLiteral":
      case "ObjectLiteral":
        throw refuse(name, formula, "builds a list or an object; a formula must give one number or one piece of text per row.");
    }
  };
  walk(ast);
  if (unknown.length > 0) {
    throw new ProcessingError(
      "UNKNOWN_COLUMN",
      `The formula for '${name}' (${formula}) reads ${unknown.map((u) => `'${u}'`).join(", ")}, which ${unknown.length === 1 ? "is not a column" : "are not columns"} of the data or an earlier derived column. Check the spelling (names are case-sensitive), or use col("name") for a name with spaces or signs.`,
      { column: name, unknown: unknown.join(",") },
    );
  }
  if (sources.length === 0) throw refuse(name, formula, "reads no column, so it would give every row the same value.");

  const compiled = expression;
  return {
    name,
    formula,
    sources,
    evaluate(row) {
      // A null-prototype context: the formula sees the row's columns and nothing inherited.
      const context: Record<string, RowValue> = Object.create(null) as Record<string, RowValue>;
      for (const s of sources) {
        const v = Object.hasOwn(row, s) ? row[s] : undefined;
        if (v === null || v === undefined || (typeof v === "number" && Number.isNaN(v))) return null;
        context[s] = v;
      }
      let value: unknown;
      try {
        value = compiled.evalSync(context);
      } catch {
        return null;
      }
      if (typeof value === "number") return Number.isFinite(value) ? value : null;
      if (typeof value === "boolean") return value ? 1 : 0;
      if (typeof value === "string") return value;
      return null;
    },
  };
}
