import { OnnxModelError } from "./errors";
import type { ModelTask, OutputRoles, ScoringPlan } from "./plan";
import type { ParsedPrepareOptions } from "./prepare-options";
import type { ClassifierSignature, ValueSignature, ZipMapSignature } from "./signature";

export interface OutputContext {
  /** Graph outputs after the rewrite. */
  readonly outputs: readonly ValueSignature[];
  /** The ZipMap replaced by the rewrite, if any. */
  readonly zipMap: ZipMapSignature | null;
  readonly classifier: ClassifierSignature | null;
  /** Output names of the classifier node: [label, scores]. */
  readonly classifierOutputs: readonly string[];
}

type OutputPlan = Pick<ScoringPlan, "task" | "outputs" | "classes" | "classSource" | "positiveLabel" | "fetches">;

const isFloat = (o: ValueSignature) => o.elementType === "float32" || o.elementType === "float64";
const isLabelType = (o: ValueSignature) => o.elementType === "string" || o.elementType === "int64" || o.elementType === "int32";

function prefer(candidates: readonly ValueSignature[], pattern: RegExp): ValueSignature | undefined {
  return candidates.find((o) => pattern.test(o.name)) ?? candidates[0];
}

function quoteList(values: readonly string[]): string {
  return values.map((v) => `'${v}'`).join(", ");
}

/** Finds the label, probability and regression outputs and the class order. */
export function planOutputs(context: OutputContext, options: ParsedPrepareOptions): OutputPlan {
  const tensors = context.outputs.filter((o) => o.kind === "tensor" || o.kind === "unknown");
  const byName = new Map(tensors.map((o) => [o.name, o]));
  const requested = options.task;

  let label: ValueSignature | undefined;
  let probabilities: ValueSignature | undefined;
  let classes: readonly string[] | null = null;
  let classSource: ScoringPlan["classSource"] = null;

  const [classifierLabel, classifierScores] = context.classifierOutputs;
  if (context.zipMap) {
    probabilities = byName.get(context.zipMap.output);
    classes = context.zipMap.labels.length > 0 ? context.zipMap.labels : null;
    classSource = classes ? "zipmap" : null;
  } else if (classifierScores && byName.has(classifierScores)) {
    probabilities = byName.get(classifierScores);
  }
  if (!classes && context.classifier) {
    classes = context.classifier.labels;
    classSource = "classifier";
  }
  if (classifierLabel && byName.has(classifierLabel)) label = byName.get(classifierLabel);

  const looksClassifier = Boolean(context.zipMap || context.classifier || label);
  const wantsClassification = requested === "binary" || requested === "multiclass" || (requested === undefined && looksClassifier);

  if (requested === "regression" && looksClassifier) {
    const what = context.classifier ? `${context.classifier.opType} with classes ${quoteList(context.classifier.labels)}` : "a classifier";
    throw new OnnxModelError(
      "TASK_MISMATCH",
      `The model is ${what}, but it was declared a regression model. Declare the model as binary or multiclass classification, or upload the regression model.`,
    );
  }

  let prediction: ValueSignature | undefined;
  if (wantsClassification) {
    label ??= tensors.find((o) => isLabelType(o) && o !== probabilities);
    probabilities ??= prefer(tensors.filter((o) => isFloat(o) && o !== label), /prob/i);
    if (!label && !probabilities) {
      throw new OnnxModelError(
        "UNSUPPORTED_OUTPUT",
        `The model returns no class label and no probabilities (its outputs: ${tensors.map((o) => `'${o.name}' ${o.typeText}`).join(", ") || "none that are tensors"}). Export the classifier with its label and probability outputs.`,
      );
    }
    if (options.classes && classSource !== "zipmap" && classSource !== "classifier") {
      classes = options.classes;
      classSource = "options";
    }
    if (!classes && requested === "binary") {
      classes = ["0", "1"];
      classSource = "index";
    }
  } else {
    prediction = prefer(tensors.filter(isFloat), /variable|predict|output|score|^y$/i);
    if (!prediction) {
      throw new OnnxModelError(
        "UNSUPPORTED_OUTPUT",
        `The model returns no numeric prediction (its outputs: ${tensors.map((o) => `'${o.name}' ${o.typeText}`).join(", ") || "none that are tensors"}). A regression model must return one float tensor [N] or [N, 1].`,
      );
    }
  }

  let task: ModelTask = "regression";
  if (wantsClassification) {
    if (classes && classes.length !== 2 && requested === "binary") {
      throw new OnnxModelError(
        "TASK_MISMATCH",
        `The model has ${classes.length} classes (${quoteList(classes)}) but it was declared binary. Declare it as multiclass, or upload a model with exactly two classes.`,
        { classes },
      );
    }
    task = requested === "multiclass" || (classes !== null && classes.length > 2) ? "multiclass" : "binary";
  }

  let positiveLabel: string | null = null;
  if (task === "binary") {
    positiveLabel = options.positiveLabel ?? (classes ? (classes[1] ?? null) : "1");
    if (classes && positiveLabel !== null && !classes.includes(positiveLabel)) {
      throw new OnnxModelError(
        "UNKNOWN_POSITIVE_LABEL",
        `The positive label '${positiveLabel}' is not one of the model's classes (${quoteList(classes)}). Pick one of those as the positive label.`,
        { positiveLabel, classes },
      );
    }
  }

  const outputs: OutputRoles = {
    label: label && label.elementType ? { name: label.name, elementType: label.elementType } : null,
    probabilities: probabilities ? { name: probabilities.name } : null,
    prediction: prediction ? { name: prediction.name } : null,
  };
  const fetches = [outputs.label?.name, outputs.probabilities?.name, outputs.prediction?.name].filter((n): n is string => Boolean(n));
  return { task, outputs, classes, classSource, positiveLabel, fetches };
}
