/**
 * Kind inference for a column as read. The rules, in order:
 *
 * Numbers only (every non-missing value a number):
 * 1. only 0 and 1 -> boolean;
 * 2. unique whole numbers, named like an id (`id`, `customer_id`, ...) or counting up by one row by
 *    row over at least 20 rows (a row number) -> id;
 * 3. named like a time and every value in the range of Unix time (1e9 to 1e13: seconds or
 *    milliseconds, by magnitude) -> datetime;
 * 4. otherwise numeric (with a note when a few whole numbers look like codes).
 *
 * Text (some value is not a number):
 * 1. every value a true/false word (true/false, yes/no, y/n, t/f, any case), both present -> boolean;
 * 2. every value a date or date-time in one format -> datetime (mostly dates with a bad value:
 *    categorical, and the reason names the row);
 * 3. unique per row, over at least 20 rows or named like an id -> id; named like an id with
 *    at most 10% repeats -> id (confirming it as the id role then reports the repeats);
 * 4. otherwise categorical.
 *
 * A column is only inferred numeric when every value is a number: text in a column makes it
 * categorical; declaring it numeric then reports the first bad row.
 */
import { looksLikeIdName, looksLikeTimeName } from "./column-names";
import { codeStats, firstRowWithCode, numericStats } from "./column-stats";
import { type RowContext, booleanWord, convertColumn } from "./convert-column";
import { quoteValue } from "./ingest-error";
import { guessDateFormat, parseTimestamp } from "./parse-timestamp";
import type { RawColumn } from "./raw-column";
import type { CategoricalColumn, Column, NumericColumn } from "./table";

/** A column with its inferred kind and the reasons. */
export interface InferredColumn {
  column: Column;
  reasons: string[];
  /** Notes worth showing the user (e.g. numbers rewritten in a mixed column). */
  warnings: string[];
}

const MIN_ROWS_FOR_ID = 20;
const DATE_SAMPLE = 200;

function inferNumeric(col: NumericColumn, ctx: RowContext): InferredColumn {
  const s = numericStats(col.values);
  if (s.count === 0) return { column: col, reasons: ["every value is missing"], warnings: [] };
  if (s.zeroOne && s.distinct === 2) return { column: { ...col, kind: "boolean", booleanText: { true: "1", false: "0" } }, reasons: ["only the values 0 and 1, so true/false"], warnings: [] };
  const unique = s.distinct === s.count && s.count >= 2;
  if (s.integers && unique && looksLikeIdName(col.name)) {
    return { column: convertColumn(col, "id", ctx), reasons: ["unique whole numbers in a column named like an id"], warnings: [] };
  }
  if (s.integers && unique && s.countsUpByOne && s.count >= MIN_ROWS_FOR_ID) {
    return { column: convertColumn(col, "id", ctx), reasons: ["whole numbers counting up by one from row to row, so a row number"], warnings: [] };
  }
  if (looksLikeTimeName(col.name) && s.min >= 1e9 && s.max < 1e13) {
    const unit = s.max < 1e11 ? "seconds" : "milliseconds";
    return { column: convertColumn(col, "datetime", ctx), reasons: [`numbers in the range of Unix time (${unit}) in a column named like a time`], warnings: [] };
  }
  const reasons = ["every value is a number"];
  if (s.integers && s.distinct <= 10 && s.distinct > 2) {
    reasons.push(`only ${s.distinct} distinct whole numbers: if they are codes for categories, declare the column categorical`);
  }
  return { column: col, reasons, warnings: [] };
}

function inferText(col: CategoricalColumn, ctx: RowContext, firstText: string | undefined, canonicalized: boolean): InferredColumn {
  const s = codeStats(col.codes, col.dictionary.length);
  const used: string[] = [];
  for (let k = 0; k < col.dictionary.length; k++) if ((s.perCode[k] as number) > 0) used.push(col.dictionary[k] as string);
  const warnings = canonicalized
    ? [`Column "${col.name}" mixes numbers and text; its numbers are kept in plain form (for example "1.50" as "1.5").`]
    : [];
  const textNote = firstText === undefined ? "values are text" : `values are text (the first is ${quoteValue(firstText)})`;

  // 1. true/false words
  let trues = 0;
  let falses = 0;
  let allWords = used.length > 0;
  for (const v of used) {
    const b = booleanWord(v);
    if (b === undefined) {
      allWords = false;
      break;
    }
    if (b) trues++;
    else falses++;
  }
  if (allWords && trues > 0 && falses > 0) {
    return { column: convertColumn(col, "boolean", ctx), reasons: [`only true/false words (${used.slice(0, 4).join(", ")})`], warnings };
  }

  // 2. dates
  const sample = used.length > DATE_SAMPLE ? used.slice(0, DATE_SAMPLE) : used;
  const sampleGuess = guessDateFormat(sample);
  if (sampleGuess.kind !== "none") {
    const guess = used.length > DATE_SAMPLE ? guessDateFormat(used) : sampleGuess;
    if (guess.kind === "ambiguous") {
      return {
        column: col,
        reasons: [textNote, "the values look like dates, but no day is above 12, so day-month and month-day cannot be told apart: declare the column as a datetime with its format"],
        warnings,
      };
    }
    if (guess.kind === "format") {
      const bad = new Uint8Array(col.dictionary.length);
      let nBad = 0;
      for (let k = 0; k < col.dictionary.length; k++) {
        if ((s.perCode[k] as number) > 0 && Number.isNaN(parseTimestamp(col.dictionary[k] as string, guess.format))) {
          bad[k] = 1;
          nBad++;
        }
      }
      if (nBad === 0) {
        const words = {
          iso: "a date or date-time (ISO 8601)",
          dmy: "a day-month-year date (some days are above 12)",
          mdy: "a month-day-year date (some second numbers are above 12)",
          epoch: "a Unix time",
        };
        return { column: convertColumn(col, { kind: "datetime", format: guess.format }, ctx), reasons: [`every value is ${words[guess.format]}`], warnings };
      }
      if (nBad <= used.length / 2) {
        const i = firstRowWithCode(col.codes, bad);
        return {
          column: col,
          reasons: [`the values look like dates, but row ${ctx.rowNumber(i)} has ${quoteValue(col.dictionary[col.codes[i] as number] as string)}, which is not a valid date`],
          warnings,
        };
      }
    }
  }

  // 3. ids
  const idName = looksLikeIdName(col.name);
  if (s.distinct === s.count && s.count >= 2 && (s.count >= MIN_ROWS_FOR_ID || idName)) {
    return { column: { ...col, kind: "id" }, reasons: ["unique per row and not numbers, so an id"], warnings };
  }
  if (idName && s.count >= 2 && s.distinct >= 0.9 * s.count) {
    return {
      column: { ...col, kind: "id" },
      reasons: [`named like an id, but ${s.count - s.distinct} values repeat; an id column must be unique to match labels later`],
      warnings,
    };
  }

  // 4. categories
  const reasons = [textNote];
  if (s.distinct > 1000 || (s.count >= 100 && s.distinct > s.count / 2)) reasons.push(`${s.distinct.toLocaleString("en-US")} distinct values: free text or an id rather than categories?`);
  return { column: col, reasons, warnings };
}

/** The column with its inferred kind (Parquet columns with a fixed kind keep it). */
export function inferKind(raw: RawColumn, ctx: RowContext): InferredColumn {
  if (raw.storage === "numeric") {
    const col: NumericColumn = { name: raw.name, kind: raw.fixedKind ?? "numeric", values: raw.values };
    if (raw.fixedKind !== undefined && raw.fixedKind !== "numeric") return { column: col, reasons: [`stored as ${raw.fixedKind} in the file`], warnings: [] };
    return inferNumeric(col, ctx);
  }
  const col: CategoricalColumn = { name: raw.name, kind: "categorical", codes: raw.codes, dictionary: raw.dictionary };
  return inferText(col, ctx, raw.firstText?.text, raw.canonicalizedNumbers === true);
}
