// Declared processing of a model version (issue 11): what happens to the data before the model reads it (derived
// columns from formulas, then standardisation) and to the model's answer after it (an output transform), and what
// that answer means. Stored on the version as JSON, applied the same way on the server and in the browser
// (lib/processing). Plain data, no imports outside lib/contracts.
import { z } from "zod";

const ColumnName = z.string().trim().min(1, "A column name is empty.").max(200);
const Finite = z.number().refine(Number.isFinite, "must be a finite number");

/** Standardisation of one input column: the model reads (value - mean) / scale. */
export const StandardiseEntrySchema = z
  .object({
    column: ColumnName,
    mean: Finite,
    scale: Finite.refine((s) => s !== 0, "a scale of 0 would divide by zero"),
  })
  .strict();
export type StandardiseEntry = z.infer<typeof StandardiseEntrySchema>;

/** Names a derived column may take: letters, digits and underscores, not starting with a digit (a formula can read it). */
export const DERIVED_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A column computed from the row by a formula (jexl syntax, see lib/processing/formulas.ts). */
export const DerivedColumnSchema = z
  .object({
    name: ColumnName.regex(DERIVED_NAME_PATTERN, "A derived column's name may hold only letters, digits and underscores, and may not start with a digit."),
    formula: z.string().trim().min(1, "A formula is empty.").max(1000, "A formula may be at most 1,000 characters long."),
  })
  .strict();
export type DerivedColumn = z.infer<typeof DerivedColumnSchema>;

export const OUTPUT_TRANSFORM_KINDS = ["none", "pow10", "exp", "sigmoid", "softmax", "affine"] as const;
export type OutputTransformKind = (typeof OUTPUT_TRANSFORM_KINDS)[number];

/** What is done to the model's raw output before Sightline reads it. */
export const OutputTransformSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("none") }).strict(),
  /** 10^x: a regressor trained on log10 of the target */
  z.object({ kind: z.literal("pow10") }).strict(),
  /** e^x: a regressor trained on the natural log of the target */
  z.object({ kind: z.literal("exp") }).strict(),
  /** 1 / (1 + e^-x): a classifier returning a raw score (log-odds) */
  z.object({ kind: z.literal("sigmoid") }).strict(),
  /** e^x_k / sum e^x_j per row: a classifier returning one raw score per class */
  z.object({ kind: z.literal("softmax") }).strict(),
  /** mean + scale * x: a regressor trained on a standardised target */
  z.object({ kind: z.literal("affine"), mean: Finite, scale: Finite }).strict(),
]);
export type OutputTransform = z.infer<typeof OutputTransformSchema>;

export const OUTPUT_MEANING_KINDS = ["probability", "raw_score", "class", "number"] as const;
export type OutputMeaningKind = (typeof OUTPUT_MEANING_KINDS)[number];

/** What the (transformed) output is. */
export const OutputMeaningSchema = z.discriminatedUnion("kind", [
  /** the probability of the positive class, 0 to 1 */
  z.object({ kind: z.literal("probability") }).strict(),
  /** a raw score: a yes when it is at least `threshold` */
  z.object({ kind: z.literal("raw_score"), threshold: Finite }).strict(),
  /** a class label */
  z.object({ kind: z.literal("class") }).strict(),
  /** a number, in `unit` ("EUR", "days", "kWh") */
  z.object({ kind: z.literal("number"), unit: z.string().trim().min(1, "Name the unit of the number (for example EUR or days).").max(40) }).strict(),
]);
export type OutputMeaning = z.infer<typeof OutputMeaningSchema>;

export type ProcessingTask = "binary" | "multiclass" | "regression";

/** The transforms and meanings that fit each task (the form offers these; anything else is refused). */
export const TRANSFORMS_BY_TASK: Readonly<Record<ProcessingTask, readonly OutputTransformKind[]>> = {
  binary: ["none", "sigmoid", "softmax"],
  multiclass: ["none", "softmax"],
  regression: ["none", "pow10", "exp", "affine", "sigmoid"],
};
export const MEANINGS_BY_TASK: Readonly<Record<ProcessingTask, readonly OutputMeaningKind[]>> = {
  binary: ["probability", "raw_score", "class"],
  multiclass: ["class"],
  regression: ["number"],
};

export const PROCESSING_LIMITS = { standardise: 5000, derived: 100 } as const;

/** The stored, canonical form: derived columns in evaluation order, then standardisation, then the output transform. */
export const ProcessingSchema = z
  .object({
    derived: z.array(DerivedColumnSchema).max(PROCESSING_LIMITS.derived).default([]),
    standardise: z.array(StandardiseEntrySchema).max(PROCESSING_LIMITS.standardise).default([]),
    transform: OutputTransformSchema.default({ kind: "none" }),
    meaning: OutputMeaningSchema.nullable().default(null),
  })
  .strict()
  .superRefine((p, ctx) => {
    const seen = new Set<string>();
    for (const [i, d] of p.derived.entries()) {
      if (seen.has(d.name)) ctx.addIssue({ code: "custom", path: ["derived", i, "name"], message: `The derived column '${d.name}' is declared twice.` });
      seen.add(d.name);
    }
    const scaled = new Set<string>();
    for (const [i, s] of p.standardise.entries()) {
      if (scaled.has(s.column)) ctx.addIssue({ code: "custom", path: ["standardise", i, "column"], message: `The column '${s.column}' is standardised twice.` });
      scaled.add(s.column);
    }
  });
export type Processing = z.output<typeof ProcessingSchema>;

/** No processing: the model reads the data as it is and its output is used as it is. */
export const NO_PROCESSING: Processing = { derived: [], standardise: [], transform: { kind: "none" }, meaning: null };

const NumberOrNull = z.union([Finite, z.null()]);

/** scikit-learn's StandardScaler attributes, as `json.dumps({k: v.tolist() ...})` writes them. */
export const SklearnScalerSchema = z
  .object({
    mean_: z.array(NumberOrNull).min(1).nullable().optional(),
    scale_: z.array(NumberOrNull).min(1).nullable().optional(),
    var_: z.unknown().optional(),
    n_samples_seen_: z.unknown().optional(),
    n_features_in_: z.unknown().optional(),
    feature_names_in_: z.array(ColumnName).min(1).optional(),
    with_mean: z.unknown().optional(),
    with_std: z.unknown().optional(),
    copy: z.unknown().optional(),
  })
  .strict();

/** `{column: {mean, scale}}`. */
export const ScalerByColumnSchema = z.record(ColumnName, z.object({ mean: Finite, scale: Finite }).strict());

/** Standardisation as a person or a pipeline gives it: the stored list, scikit-learn's attributes, or per column. */
export const StandardiseInputSchema = z.union([z.array(StandardiseEntrySchema), SklearnScalerSchema, ScalerByColumnSchema]);

/**
 * The body of `PUT .../processing` (and of the version page's form): like the stored form, but the standardisation
 * may come in any of the three shapes of StandardiseInputSchema; lib/processing normalises it.
 */
export const ProcessingInputSchema = z
  .object({
    derived: z.array(DerivedColumnSchema).max(PROCESSING_LIMITS.derived).optional(),
    standardise: StandardiseInputSchema.optional(),
    transform: OutputTransformSchema.optional(),
    meaning: OutputMeaningSchema.nullable().optional(),
  })
  .strict();
export type ProcessingInput = z.input<typeof ProcessingInputSchema>;

/** What the version page shows of a version's processing. */
export interface ProcessingView {
  processing: Processing;
  /** the sentences of lib/narrative/processing-words.ts, one per step */
  sentences: string[];
  /** whether the signed-in user may change it now (owner or analyst, version not yet submitted for review) */
  editable: boolean;
  /** why it cannot be changed, when it cannot (shown next to the section) */
  lockedReason: string | null;
  /** the model's task, so the form offers the transforms and meanings that fit */
  task: ProcessingTask;
  /** the columns formulas and standardisation may name (the model's inputs and the reference data's columns) */
  columns: string[];
}

/**
 * What the version upload form declares about a yes/no model's raw score: nothing, the sigmoid (the score becomes a
 * chance), or a cut-off (the score stays a score; null when the typed cut-off is not a number).
 */
export type RawScoreUploadChoice = { kind: "none" } | { kind: "sigmoid" } | { kind: "cut-off"; threshold: number | null };

/** The upload's `processing` parameter (JSON) for that choice; null when there is nothing to declare or no valid cut-off. */
export function rawScoreUploadProcessing(choice: RawScoreUploadChoice): string | null {
  if (choice.kind === "sigmoid") return JSON.stringify({ transform: { kind: "sigmoid" } });
  if (choice.kind === "cut-off" && choice.threshold !== null) return JSON.stringify({ meaning: { kind: "raw_score", threshold: choice.threshold } });
  return null;
}

/** A typed cut-off as a finite number ("0", "-1.5", ".25", "1e-3"); null for anything else ("", "abc", "1,5", "0x10"). */
export function parseCutOff(text: string): number | null {
  const trimmed = text.trim();
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
}
