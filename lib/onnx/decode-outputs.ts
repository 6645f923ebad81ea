import { OnnxModelError } from "./errors";
import type { ScoringPlan } from "./plan";

/** An output tensor as the runtime returns it (an onnxruntime-web Tensor fits). */
export interface RawTensor {
  readonly data: unknown;
  readonly dims: readonly number[];
}

export type RawOutputs = Readonly<Record<string, RawTensor | undefined>>;

export interface DecodedOutputs {
  readonly rows: number;
  /** Predicted class per row, as strings (int64 labels in decimal). */
  readonly labels?: string[];
  /** Class labels in probability-column order. */
  readonly classes?: readonly string[];
  /** Row-major N x C class probabilities. */
  readonly probabilities?: Float64Array;
  /** Binary models: probability of the positive class. */
  readonly score?: Float64Array;
  /** Regression models: the prediction. */
  readonly prediction?: Float64Array;
}

export interface DecodeOptions {
  /** Rows to read (a padded batch holds more); defaults to the first output's first dim. */
  readonly rows?: number;
  /** Overrides the plan's positive label for `score`. */
  readonly positiveLabel?: string;
}

type NumericData = ArrayLike<number>;

function isNumeric(data: unknown): data is NumericData {
  return (
    data instanceof Float32Array ||
    data instanceof Float64Array ||
    data instanceof Int32Array ||
    data instanceof Uint32Array ||
    data instanceof Int16Array ||
    data instanceof Uint16Array ||
    data instanceof Int8Array ||
    data instanceof Uint8Array
  );
}

function isBigIntData(data: unknown): data is BigInt64Array | BigUint64Array {
  return data instanceof BigInt64Array || data instanceof BigUint64Array;
}

function mismatch(message: string, details: Record<string, string | number> = {}): OnnxModelError {
  return new OnnxModelError("OUTPUT_MISMATCH", message, details);
}

function fetched(outputs: RawOutputs, name: string): RawTensor {
  const tensor = outputs[name];
  if (!tensor) throw mismatch(`The runtime did not return the output '${name}'. Re-export the model so that it returns '${name}'.`, { output: name });
  return tensor;
}

/** Rows and values per row of an output tensor: [B] -> (B, 1), [B, K] -> (B, K), [] -> (1, 1). */
function rowShape(tensor: RawTensor): { rows: number; width: number } {
  const dims = tensor.dims;
  if (dims.length === 0) return { rows: 1, width: 1 };
  const rows = dims[0] ?? 0;
  const width = dims.slice(1).reduce((a, b) => a * b, 1);
  return { rows, width };
}

/**
 * Collects decoded outputs batch by batch into arrays sized for the whole table (used by the
 * scoring loop; `decodeOutputs` is the one-batch form).
 */
export class OutputCollector {
  private readonly plan: ScoringPlan;
  private readonly total: number;
  private readonly positiveLabel: string | null;
  private labels: string[] | undefined;
  private classes: readonly string[] | undefined;
  private probabilities: Float64Array | undefined;
  private score: Float64Array | undefined;
  private prediction: Float64Array | undefined;
  private positiveIndex = -1;
  private readonly labelCache = new Map<bigint | number, string>();

  constructor(plan: ScoringPlan, totalRows: number, options: DecodeOptions = {}) {
    this.plan = plan;
    this.total = totalRows;
    this.positiveLabel = options.positiveLabel ?? plan.positiveLabel;
    if (plan.classes) this.classes = plan.classes;
  }

  add(outputs: RawOutputs, offset: number, rows: number): void {
    const { label, probabilities, prediction } = this.plan.outputs;
    if (label) this.addLabels(fetched(outputs, label.name), offset, rows);
    if (probabilities) this.addProbabilities(fetched(outputs, probabilities.name), offset, rows);
    if (prediction) this.addPrediction(fetched(outputs, prediction.name), offset, rows);
  }

  result(): DecodedOutputs {
    return {
      rows: this.total,
      ...(this.labels ? { labels: this.labels } : {}),
      ...(this.classes && this.plan.task !== "regression" ? { classes: this.classes } : {}),
      ...(this.probabilities ? { probabilities: this.probabilities } : {}),
      ...(this.score ? { score: this.score } : {}),
      ...(this.prediction ? { prediction: this.prediction } : {}),
    };
  }

  private checkRows(tensor: RawTensor, name: string, rows: number): { rows: number; width: number } {
    const shape = rowShape(tensor);
    if (shape.rows < rows) {
      throw mismatch(
        `The model returned ${shape.rows} rows in '${name}' for a batch of ${rows}. It must return one result per input row; check that its first dimension is the batch.`,
        { output: name, expected: rows, got: shape.rows },
      );
    }
    return shape;
  }

  private labelText(value: bigint | number): string {
    let text = this.labelCache.get(value);
    if (text === undefined) {
      text = value.toString();
      this.labelCache.set(value, text);
    }
    return text;
  }

  private addLabels(tensor: RawTensor, offset: number, rows: number): void {
    const name = this.plan.outputs.label?.name ?? "";
    const { width } = this.checkRows(tensor, name, rows);
    const labels = (this.labels ??= new Array<string>(this.total));
    const data = tensor.data;
    if (Array.isArray(data)) {
      for (let i = 0; i < rows; i++) labels[offset + i] = String(data[i * width] ?? "");
    } else if (isBigIntData(data)) {
      for (let i = 0; i < rows; i++) labels[offset + i] = this.labelText(data[i * width] as bigint);
    } else if (isNumeric(data)) {
      for (let i = 0; i < rows; i++) labels[offset + i] = this.labelText(data[i * width] as number);
    } else {
      throw mismatch(`The label output '${name}' holds values Sightline cannot read. Export labels as int64 or string.`, { output: name });
    }
  }

  private ensureClasses(width: number, name: string): readonly string[] {
    if (!this.classes) {
      this.classes = width === 1 ? ["0", "1"] : Array.from({ length: width }, (_, k) => String(k));
    }
    const classes = this.classes;
    if (width !== classes.length && !(width === 1 && classes.length === 2)) {
      throw mismatch(
        `The model returned ${width} probability columns in '${name}' but names ${classes.length} classes (${classes.map((c) => `'${c}'`).join(", ")}). Re-export it so that the probabilities have one column per class.`,
        { output: name, columns: width, classes: classes.length },
      );
    }
    if (this.positiveIndex < 0 && this.plan.task === "binary") {
      const positive = this.positiveLabel ?? classes[1] ?? "";
      this.positiveIndex = classes.indexOf(positive);
      if (this.positiveIndex < 0) {
        throw new OnnxModelError(
          "UNKNOWN_POSITIVE_LABEL",
          `The positive label '${positive}' is not one of the model's classes (${classes.map((c) => `'${c}'`).join(", ")}). Pick one of those as the positive label.`,
          { positiveLabel: positive },
        );
      }
    }
    return classes;
  }

  private addProbabilities(tensor: RawTensor, offset: number, rows: number): void {
    const name = this.plan.outputs.probabilities?.name ?? "";
    const { width } = this.checkRows(tensor, name, rows);
    const data = tensor.data;
    if (!isNumeric(data)) throw mismatch(`The probability output '${name}' is not numeric. Export probabilities as a float tensor [N, C].`, { output: name });
    const classes = this.ensureClasses(width, name);
    const c = classes.length;
    const probabilities = (this.probabilities ??= new Float64Array(this.total * c));
    const base = offset * c;
    if (width === c) {
      for (let k = 0; k < rows * c; k++) probabilities[base + k] = data[k] as number;
    } else {
      for (let i = 0; i < rows; i++) {
        const p = data[i] as number;
        probabilities[base + 2 * i] = 1 - p;
        probabilities[base + 2 * i + 1] = p;
      }
    }
    if (this.plan.task === "binary") {
      const score = (this.score ??= new Float64Array(this.total));
      const j = this.positiveIndex;
      for (let i = 0; i < rows; i++) score[offset + i] = probabilities[base + i * c + j] as number;
    }
    if (!this.plan.outputs.label) {
      const labels = (this.labels ??= new Array<string>(this.total));
      for (let i = 0; i < rows; i++) {
        let best = 0;
        let bestValue = probabilities[base + i * c] as number;
        for (let k = 1; k < c; k++) {
          const v = probabilities[base + i * c + k] as number;
          if (v > bestValue) {
            best = k;
            bestValue = v;
          }
        }
        labels[offset + i] = classes[best] ?? "";
      }
    }
  }

  private addPrediction(tensor: RawTensor, offset: number, rows: number): void {
    const name = this.plan.outputs.prediction?.name ?? "";
    const { width } = this.checkRows(tensor, name, rows);
    const data = tensor.data;
    if (!isNumeric(data)) throw mismatch(`The prediction output '${name}' is not numeric. A regression model must return a float tensor [N] or [N, 1].`, { output: name });
    if (width !== 1) {
      throw mismatch(
        `The model returns ${width} values per row in '${name}'; Sightline evaluates one predicted value per row. Export a model with a single target ([N] or [N, 1]).`,
        { output: name, width },
      );
    }
    const prediction = (this.prediction ??= new Float64Array(this.total));
    for (let i = 0; i < rows; i++) prediction[offset + i] = data[i] as number;
  }
}

/**
 * Turns one run's output tensors into labels, probabilities (with their class order), the binary
 * score and regression predictions, trusting the runtime's dims over the declared ones.
 */
export function decodeOutputs(plan: ScoringPlan, outputs: RawOutputs, options: DecodeOptions = {}): DecodedOutputs {
  let rows = options.rows;
  if (rows === undefined) {
    const first = plan.fetches.map((n) => outputs[n]).find((t): t is RawTensor => t !== undefined);
    rows = first ? rowShape(first).rows : 0;
  }
  const collector = new OutputCollector(plan, rows, options);
  collector.add(outputs, 0, rows);
  return collector.result();
}
