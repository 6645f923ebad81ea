import { z } from "zod";
import { OnnxModelError } from "./errors";

const Name = z.string().trim().min(1);

/**
 * What the uploader tells us about a model. Every field is optional; untrusted input (form, API)
 * is parsed with this schema.
 */
export const PrepareOptionsSchema = z
  .object({
    /** The task declared for the model in Sightline. Checked against the model's outputs. */
    task: z.enum(["binary", "multiclass", "regression"]).optional(),
    /** Positive class of a binary model (defaults to the second class, as scikit-learn does). */
    positiveLabel: z.string().optional(),
    /**
     * Column per position of an `[N, F]` input: a list for the model's only such input, or a list
     * per input name. Overrides the model's feature_names metadata.
     */
    featureNames: z.union([z.array(Name).min(1), z.record(z.string(), z.array(Name).min(1))]).optional(),
    /** Data column per one-column input, when the column is not named like the input. */
    inputColumns: z.record(z.string(), Name).optional(),
    /** Class order of a probability output when the model itself names no classes. */
    classes: z.array(z.string()).min(2).optional(),
  })
  .strict();

export type PrepareOptions = z.input<typeof PrepareOptionsSchema>;
export type ParsedPrepareOptions = z.output<typeof PrepareOptionsSchema>;

export function parsePrepareOptions(options: unknown): ParsedPrepareOptions {
  const parsed = PrepareOptionsSchema.safeParse(options ?? {});
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "options"}: ${i.message}`).join("; ");
  throw new OnnxModelError("INVALID_OPTIONS", `The model options are not valid (${issues}). Fix them and try again.`);
}
