import { type ColumnSource, type FeatureColumn, getColumn, isCategorical } from "./columns";
import type { FeedElementType } from "./element-type";
import { OnnxModelError } from "./errors";
import type { InputFeed, ScoringPlan } from "./plan";

type NumberArray = Float32Array | Float64Array | Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array;
type BigIntArray = BigInt64Array | BigUint64Array;
export type FeedData = NumberArray | BigIntArray | string[];

/** One input tensor as plain data: hand it to `new ort.Tensor(type, data, dims)`. */
export interface EncodedTensor {
  readonly type: FeedElementType;
  readonly data: FeedData;
  readonly dims: readonly number[];
}

export interface EncodedBatch {
  /** Real rows in this batch (end - start). */
  readonly rows: number;
  /** Rows the tensors hold: `rows`, or the model's fixed batch size (the last real row repeated). */
  readonly batchRows: number;
  readonly feeds: Readonly<Record<string, EncodedTensor>>;
}

const INTEGER_LIMITS: Partial<Record<FeedElementType, readonly [number, number]>> = {
  int8: [-128, 127],
  uint8: [0, 255],
  int16: [-32768, 32767],
  uint16: [0, 65535],
  int32: [-2147483648, 2147483647],
  uint32: [0, 4294967295],
  int64: [-Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
  uint64: [0, Number.MAX_SAFE_INTEGER],
};

function allocate(type: FeedElementType, length: number): FeedData {
  switch (type) {
    case "float32":
      return new Float32Array(length);
    case "float64":
      return new Float64Array(length);
    case "int8":
      return new Int8Array(length);
    case "uint8":
    case "bool":
      return new Uint8Array(length);
    case "int16":
      return new Int16Array(length);
    case "uint16":
      return new Uint16Array(length);
    case "int32":
      return new Int32Array(length);
    case "uint32":
      return new Uint32Array(length);
    case "int64":
      return new BigInt64Array(length);
    case "uint64":
      return new BigUint64Array(length);
    case "string":
      return new Array<string>(length).fill("");
  }
}

function reuseOrAllocate(type: FeedElementType, length: number, previous: EncodedTensor | undefined): FeedData {
  if (previous && previous.type === type) {
    const data = previous.data;
    if (Array.isArray(data)) {
      if (data.length === length) return data;
    } else if (data.length >= length) {
      return data.length === length ? data : (data.subarray(0, length) as FeedData);
    }
  }
  return allocate(type, length);
}

// ---- value conversion -------------------------------------------------------------------------

const parsedDictionaries = new WeakMap<readonly string[], Float64Array>();

/** "" and whitespace are missing (NaN); other text must be a number. Returns undefined for text. */
function parseNumber(text: string): number | undefined {
  const t = text.trim();
  if (t === "") return Number.NaN;
  const lower = t.toLowerCase();
  if (lower === "nan" || lower === "na" || lower === "null") return Number.NaN;
  if (lower === "true") return 1;
  if (lower === "false") return 0;
  const value = Number(t);
  return Number.isNaN(value) ? undefined : value;
}

function notANumber(feed: InputFeed, column: string, row: number, text: string): OnnxModelError {
  return new OnnxModelError(
    "INVALID_VALUE",
    `Row ${row + 1} of column '${column}' holds the text '${text.slice(0, 40)}', but the model input '${feed.input}' takes numbers. Fix the value, or check that the column mapping points to the right column.`,
    { column, row: row + 1, input: feed.input },
  );
}

function dictionaryNumbers(dictionary: readonly string[], feed: InputFeed, column: string, codes: Int32Array, start: number): Float64Array {
  const cached = parsedDictionaries.get(dictionary);
  if (cached) return cached;
  const values = new Float64Array(dictionary.length);
  for (let k = 0; k < dictionary.length; k++) {
    const text = dictionary[k] ?? "";
    const value = parseNumber(text);
    if (value === undefined) {
      const row = codes.indexOf(k, start);
      throw notANumber(feed, column, row < 0 ? start : row, text);
    }
    values[k] = value;
  }
  parsedDictionaries.set(dictionary, values);
  return values;
}

/** Writes `count` numbers of a column (from row `start`) into target[offset + i * stride]. */
function writeNumbers(
  target: NumberArray,
  offset: number,
  stride: number,
  column: FeatureColumn,
  columnName: string,
  feed: InputFeed,
  start: number,
  count: number,
): void {
  if (column instanceof Float64Array) {
    if (stride === 1 && offset === 0 && (target instanceof Float32Array || target instanceof Float64Array)) {
      target.set(column.subarray(start, start + count));
    } else {
      for (let i = 0; i < count; i++) target[offset + i * stride] = column[start + i] as number;
    }
  } else if (isCategorical(column)) {
    const values = dictionaryNumbers(column.dictionary, feed, columnName, column.codes, start);
    const codes = column.codes;
    for (let i = 0; i < count; i++) {
      const code = codes[start + i] as number;
      target[offset + i * stride] = code < 0 ? Number.NaN : (values[code] as number);
    }
  } else {
    for (let i = 0; i < count; i++) {
      const text = column[start + i];
      if (text === null || text === undefined) {
        target[offset + i * stride] = Number.NaN;
        continue;
      }
      const value = parseNumber(text);
      if (value === undefined) throw notANumber(feed, columnName, start + i, text);
      target[offset + i * stride] = value;
    }
  }
}

/** Checks integer inputs: no missing values, whole numbers in range. */
function checkIntegers(
  scratch: Float64Array,
  type: FeedElementType,
  feed: InputFeed,
  columnName: string,
  start: number,
  count: number,
  offset: number,
  stride: number,
): void {
  const [lo, hi] = INTEGER_LIMITS[type] ?? [-Infinity, Infinity];
  for (let i = 0; i < count; i++) {
    const v = scratch[offset + i * stride] as number;
    if (Number.isInteger(v) && v >= lo && v <= hi) continue;
    const row = start + i + 1;
    if (Number.isNaN(v)) {
      throw new OnnxModelError(
        "INVALID_VALUE",
        `Row ${row} of column '${columnName}' is missing, but the model input '${feed.input}' takes ${type} values, which cannot express a missing value. Fill the missing values, or export the model with a float input.`,
        { column: columnName, row, input: feed.input },
      );
    }
    throw new OnnxModelError(
      "INVALID_VALUE",
      `Row ${row} of column '${columnName}' holds ${v}, but the model input '${feed.input}' takes whole ${type} numbers${Number.isFinite(lo) ? ` from ${lo} to ${hi}` : ""}. Round or fix the value, or export the model with a float input.`,
      { column: columnName, row, input: feed.input },
    );
  }
}

function formatNumber(value: number): string {
  return Number.isNaN(value) ? "" : String(value);
}

function writeStrings(target: string[], offset: number, stride: number, column: FeatureColumn, start: number, count: number): void {
  if (column instanceof Float64Array) {
    for (let i = 0; i < count; i++) target[offset + i * stride] = formatNumber(column[start + i] as number);
  } else if (isCategorical(column)) {
    const { codes, dictionary } = column;
    for (let i = 0; i < count; i++) {
      const code = codes[start + i] as number;
      target[offset + i * stride] = code < 0 ? "" : (dictionary[code] ?? "");
    }
  } else {
    for (let i = 0; i < count; i++) target[offset + i * stride] = column[start + i] ?? "";
  }
}

// ---- feeds ------------------------------------------------------------------------------------

function requireColumn(columns: ColumnSource, name: string, feed: InputFeed): FeatureColumn {
  const column = getColumn(columns, name);
  if (!column) {
    throw new OnnxModelError(
      "MISSING_COLUMNS",
      `The data lacks the column '${name}' that feeds the model input '${feed.input}'. Add it to the file, or map the model's features to your column names.`,
      { missing: [name] },
    );
  }
  return column;
}

const scratchBuffers = new WeakMap<EncodedTensor, Float64Array>();

function encodeFeed(
  feed: InputFeed,
  columns: ColumnSource,
  start: number,
  rows: number,
  batchRows: number,
  previous: EncodedTensor | undefined,
): EncodedTensor {
  const names = feed.kind === "column" ? [feed.column] : feed.features;
  const width = names.length;
  const type = feed.elementType;
  const data = reuseOrAllocate(type, batchRows * width, previous);

  const isBig = data instanceof BigInt64Array || data instanceof BigUint64Array;
  const needsCheck = type !== "float32" && type !== "float64" && type !== "string";
  let scratch: Float64Array | undefined;
  if (needsCheck) {
    scratch = previous ? scratchBuffers.get(previous) : undefined;
    if (!scratch || scratch.length < batchRows * width) scratch = new Float64Array(batchRows * width);
  }

  names.forEach((name, j) => {
    const column = requireColumn(columns, name, feed);
    if (Array.isArray(data)) {
      writeStrings(data, j, width, column, start, rows);
    } else if (scratch) {
      writeNumbers(scratch, j, width, column, name, feed, start, rows);
      if (type === "bool") {
        for (let i = 0; i < rows; i++) {
          const v = scratch[j + i * width] as number;
          if (Number.isNaN(v)) checkIntegers(scratch, type, feed, name, start + i, 1, j + i * width, width);
          scratch[j + i * width] = v !== 0 ? 1 : 0;
        }
      } else {
        checkIntegers(scratch, type, feed, name, start, rows, j, width);
      }
    } else {
      writeNumbers(data as NumberArray, j, width, column, name, feed, start, rows);
    }
  });

  if (scratch && !Array.isArray(data)) {
    const n = rows * width;
    if (isBig) {
      const big = data as BigIntArray;
      for (let k = 0; k < n; k++) big[k] = BigInt(scratch[k] as number);
    } else {
      const small = data as NumberArray;
      for (let k = 0; k < n; k++) small[k] = scratch[k] as number;
    }
  }

  // Pad a fixed-size batch with copies of the last real row.
  if (batchRows > rows && rows > 0) {
    const last = (rows - 1) * width;
    for (let r = rows; r < batchRows; r++) data.copyWithin(r * width, last, last + width);
  }

  const dims = feed.kind === "matrix" ? [batchRows, width] : feed.shape.length === 0 ? [] : feed.shape.map((d, i) => (i === 0 ? batchRows : d));
  const tensor: EncodedTensor = { type, data, dims };
  if (scratch) scratchBuffers.set(tensor, scratch);
  return tensor;
}

/**
 * Builds the input tensors for rows [start, end) of a table, as plain typed arrays and dims (no
 * onnxruntime import). Numbers: NaN is missing and stays NaN for float inputs. Categories: code -1
 * is missing. Strings: null is missing and becomes "". Pass the previous batch as `reuse` to recycle
 * its buffers once the runtime is done with them.
 */
export function encodeBatch(plan: ScoringPlan, columns: ColumnSource, start: number, end: number, reuse?: EncodedBatch): EncodedBatch {
  const rows = end - start;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || rows <= 0) {
    throw new RangeError(`encodeBatch needs 0 <= start < end (got ${start}, ${end}).`);
  }
  const fixed = plan.fixedBatchSize;
  if (fixed !== null && rows > fixed) {
    throw new RangeError(`The model takes at most ${fixed} rows per run; encode ${fixed} rows at a time (got ${rows}).`);
  }
  const batchRows = fixed ?? rows;
  const feeds: Record<string, EncodedTensor> = {};
  for (const feed of plan.inputs) {
    feeds[feed.input] = encodeFeed(feed, columns, start, rows, batchRows, reuse?.feeds[feed.input]);
  }
  return { rows, batchRows, feeds };
}
