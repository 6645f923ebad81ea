// Output checks at version upload: Sightline judges models that answer with one number per row, a class, or one
// probability per known class. A model whose output is many values per row with no declared meaning (a feature
// transformer) is refused under every task, a category model must name its classes, and a yes/no model's score
// must lie in 0 to 1 unless it is declared a raw score. Pure: the runner is passed in.
import { encodeBatch } from "./encode-batch";
import type { FeatureColumn, ColumnSource } from "./columns";
import type { RawOutputs } from "./decode-outputs";
import { OnnxModelError } from "./errors";
import type { PreparedModel, ScoringPlan } from "./plan";
import type { TensorRunner } from "./score-loop";
import type { ValueSignature } from "./signature";

export interface OutputDeclaration {
  /**
   * true when the owner declared the yes/no output a raw score (meaning raw_score with a cut-off) or declared a
   * transform that makes it a probability (sigmoid, softmax)
   */
  readonly rawScoreDeclared?: boolean;
}

/** Values per row a declared output holds, when every dim after the first is a number. */
function declaredWidth(output: ValueSignature | undefined): number | null {
  const shape = output?.shape;
  if (!shape || shape.length < 2) return shape && shape.length <= 1 ? 1 : null;
  let width = 1;
  for (const d of shape.slice(1)) {
    if (typeof d !== "number" || d < 0) return null;
    width *= d;
  }
  return width;
}

const TASK_WORDS = { binary: "a yes/no model", multiclass: "a category model", regression: "a number model (regression)" } as const;

function manyValuesError(plan: ScoringPlan, output: string, width: number): OnnxModelError {
  return new OnnxModelError(
    "NOT_A_PREDICTION",
    `The model returns ${width} values per row in '${output}', and nothing says what they mean, so it was not accepted as ${TASK_WORDS[plan.task]}. ` +
      "It may be a step that reshapes data (a feature transformer), not a model that predicts. " +
      "Upload a model that answers with one number per row, a class, or one probability per named class.",
    { output, width, task: plan.task },
  );
}

function unnamedClassesError(output: string, width: number | null): OnnxModelError {
  return new OnnxModelError(
    "NOT_A_PREDICTION",
    `The model was declared a category model, but it names no classes: its output '${output}' holds ${width === null ? "several" : width} values per row and no class labels. ` +
      "Export it with its class labels (for example a classifier with classlabels, or a label output next to the probabilities).",
    { output, ...(width === null ? {} : { width }) },
  );
}

const knownClasses = (plan: ScoringPlan) => plan.classSource === "zipmap" || plan.classSource === "classifier" || plan.classSource === "options";

/** What the declared output shapes already tell, before anything runs. Throws OnnxModelError. */
export function checkDeclaredOutputs(prepared: PreparedModel): void {
  const { plan, signature } = prepared;
  const declared = (name: string | undefined) => (name === undefined ? undefined : signature.outputs.find((o) => o.name === name));
  if (plan.task === "regression") {
    const name = plan.outputs.prediction?.name;
    const width = declaredWidth(declared(name));
    if (name && width !== null && width > 1) throw manyValuesError(plan, name, width);
    return;
  }
  if (plan.outputs.label || knownClasses(plan)) return;
  const name = plan.outputs.probabilities?.name;
  if (!name) return;
  const width = declaredWidth(declared(name));
  if (plan.task === "multiclass") throw unnamedClassesError(name, width);
  if (width !== null && width > 2) throw manyValuesError(plan, name, width);
}

/** Plain and extreme values, so a raw score shows itself: a probability stays within 0 to 1 for any input. */
const PROBE_VALUES = [0, 1, -1, 10, -10, 100, -100, 1000];

/** Rows of probe values for every column the plan reads. */
export function probeRows(plan: ScoringPlan): ColumnSource {
  const columns = new Map<string, FeatureColumn>();
  for (const feed of plan.inputs) {
    const names = feed.kind === "column" ? [feed.column] : feed.features;
    for (const name of names) {
      columns.set(name, feed.elementType === "string" ? new Array<string | null>(PROBE_VALUES.length).fill(null) : Float64Array.from(PROBE_VALUES));
    }
  }
  return columns;
}

function widthOf(dims: readonly number[]): number {
  return dims.length <= 1 ? 1 : dims.slice(1).reduce((a, b) => a * Math.max(0, b), 1);
}

function scoreValues(plan: ScoringPlan, raw: RawOutputs, rows: number): number[] {
  const name = plan.outputs.probabilities?.name;
  const tensor = name ? raw[name] : undefined;
  if (!tensor) return [];
  const data = tensor.data;
  if (!(data instanceof Float32Array || data instanceof Float64Array)) return [];
  const width = widthOf(tensor.dims);
  if (width > 2) return [];
  const positive = width === 2 ? Math.max(0, (plan.classes ?? ["0", "1"]).indexOf(plan.positiveLabel ?? "1")) : 0;
  const out: number[] = [];
  for (let i = 0; i < rows; i++) out.push(Number(data[i * width + positive]));
  return out;
}

function outOfRangeError(value: number, output: string): OnnxModelError {
  const shown = Number.isFinite(value) ? String(Number(value.toPrecision(6))) : String(value);
  return new OnnxModelError(
    "SCORE_OUT_OF_RANGE",
    `The model was declared a yes/no model, but its score '${output}' gave ${shown} for a test row, outside 0 to 1, so it is not a probability. ` +
      "Export the model so that it returns probabilities (for example post_transform LOGISTIC, or a Sigmoid at the end). " +
      "If the score is meant to be raw (log-odds or a margin), say so when you upload the version: on the form, choose that the model gives a raw score; " +
      'in the API, send processing={"transform":{"kind":"sigmoid"}}. Sightline then turns each score into a chance. ' +
      'To keep the raw score with a cut-off of its own, send processing={"meaning":{"kind":"raw_score","threshold":0}} (any cut-off).',
    { output, value: shown },
  );
}

/**
 * Runs the model on a few probe rows (zeros and extreme values) and checks what really comes back: many values per
 * row with no declared meaning is refused under every task; a yes/no score outside 0 to 1 is refused unless
 * declared a raw score. Throws OnnxModelError; runtime failures are left to the dry run, which explains them.
 */
export async function probeOutputs(runner: TensorRunner, prepared: PreparedModel, declaration: OutputDeclaration = {}): Promise<void> {
  const plan = prepared.plan;
  const columns = probeRows(plan);
  const step = plan.fixedBatchSize ?? PROBE_VALUES.length;
  for (let start = 0; start < PROBE_VALUES.length; start += step) {
    const end = Math.min(PROBE_VALUES.length, start + step);
    let raw: RawOutputs;
    try {
      raw = await runner.run(encodeBatch(plan, columns, start, end).feeds, plan.fetches);
    } catch {
      return; // the dry run reports runtime failures in its own words
    }
    const prediction = plan.outputs.prediction?.name;
    if (prediction && raw[prediction]) {
      const width = widthOf(raw[prediction].dims);
      if (width > 1) throw manyValuesError(plan, prediction, width);
    }
    const probabilities = plan.outputs.probabilities?.name;
    if (probabilities && raw[probabilities] && !plan.outputs.label && !knownClasses(plan)) {
      const width = widthOf(raw[probabilities].dims);
      if (width > 2) throw manyValuesError(plan, probabilities, width);
    }
    if (plan.task === "binary" && probabilities && !declaration.rawScoreDeclared) {
      for (const value of scoreValues(plan, raw, end - start)) {
        if (!(value >= -1e-6 && value <= 1 + 1e-6)) throw outOfRangeError(value, probabilities);
      }
    }
  }
}
