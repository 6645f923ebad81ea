import { formatShape } from "./describe-value";
import { type FeedElementType, isFeedable, onnxTypeName } from "./element-type";
import { OnnxModelError } from "./errors";
import type { InputFeed } from "./plan";
import type { ParsedPrepareOptions } from "./prepare-options";
import type { ModelSignature, ValueSignature } from "./signature";

const TABULAR_ADVICE =
  "Sightline feeds tabular data only: export a model that takes one row of features per case, either one tensor [N, F] or one [N, 1] input per column.";

export interface Classified {
  readonly input: ValueSignature;
  readonly elementType: FeedElementType;
  /** column: one value per row; matrix: F values per row (F null when not declared). */
  readonly kind: "column" | "matrix" | "ambiguous";
  readonly width: number | null;
  readonly shape: readonly number[];
  readonly fixedBatch: number | null;
}

function refuseKind(input: ValueSignature): never {
  const what =
    input.kind === "sequence"
      ? "a sequence"
      : input.kind === "map"
        ? "a map"
        : input.kind === "optional"
          ? "an optional value"
          : input.kind === "sparse_tensor"
            ? "a sparse tensor"
            : "a value of unknown type";
  throw new OnnxModelError(
    "UNSUPPORTED_INPUT",
    `The model needs an input '${input.name}' that is ${what} (${input.typeText}), which cannot be built from a table. ${TABULAR_ADVICE}`,
    { input: input.name, type: input.typeText },
  );
}

/** How one model input takes values from a table (throws OnnxModelError for inputs no table can feed). */
export function classify(input: ValueSignature): Classified {
  if (input.kind !== "tensor") refuseKind(input);
  const elementType = input.elementType;
  if (!isFeedable(elementType)) {
    throw new OnnxModelError(
      "UNSUPPORTED_INPUT",
      `The model input '${input.name}' takes ${input.typeText} values, which Sightline cannot build from a table. Re-export the model with float (float32), double, int64 or string inputs.`,
      { input: input.name, type: input.typeText },
    );
  }
  const shape = input.shape;
  if (shape === null) return { input, elementType, kind: "ambiguous", width: null, shape: [-1, 1], fixedBatch: null };
  const batch = shape[0];
  const fixedBatch = shape.length === 0 ? 1 : typeof batch === "number" && batch > 0 ? batch : null;
  if (shape.length === 0) return { input, elementType, kind: "column", width: 1, shape: [], fixedBatch };
  if (shape.length === 1) return { input, elementType, kind: "column", width: 1, shape: [-1], fixedBatch };
  const rest = shape.slice(1);
  if (rest.every((d) => d === 1)) return { input, elementType, kind: "column", width: 1, shape: [-1, ...rest.map(() => 1)], fixedBatch };
  if (shape.length === 2) {
    const width = shape[1];
    if (typeof width === "number" && width > 1) return { input, elementType, kind: "matrix", width, shape: [-1, width], fixedBatch };
    if (width === 0) {
      throw new OnnxModelError(
        "UNSUPPORTED_INPUT",
        `The model input '${input.name}' declares shape ${formatShape(shape)}: zero features per row. Re-export the model with the real number of features.`,
        { input: input.name, shape: formatShape(shape) },
      );
    }
    return { input, elementType, kind: "ambiguous", width: null, shape: [-1, 1], fixedBatch };
  }
  throw new OnnxModelError(
    "UNSUPPORTED_INPUT",
    `The model needs an input '${input.name}' of shape ${formatShape(shape)} (${onnxTypeName(elementType)}); ${TABULAR_ADVICE}`,
    { input: input.name, shape: formatShape(shape) },
  );
}

function checkNames(input: string, names: readonly string[], width: number | null, source: string): void {
  if (width !== null && names.length !== width) {
    throw new OnnxModelError(
      "FEATURE_NAMES_MISMATCH",
      `The model input '${input}' takes ${width} features per row, but ${source} lists ${names.length} names. Give exactly one column name per feature, in the order the model was trained on: fix the mapping, or re-export the model with the right feature_names.`,
      { input, expected: width, given: names.length },
    );
  }
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) {
      throw new OnnxModelError(
        "FEATURE_NAMES_MISMATCH",
        `${source.charAt(0).toUpperCase()}${source.slice(1)} names the column '${name}' twice for the model input '${input}'. Each position must map to its own column.`,
        { input, column: name },
      );
    }
    seen.add(name);
  }
}

/** Decides how each model input is fed from the table. */
export function planInputs(
  signature: ModelSignature,
  options: ParsedPrepareOptions,
): { inputs: InputFeed[]; fixedBatchSize: number | null } {
  if (signature.inputs.length === 0) {
    throw new OnnxModelError(
      "UNSUPPORTED_INPUT",
      `The model has no inputs to feed (every graph input is a stored constant). ${TABULAR_ADVICE}`,
    );
  }
  const classified = signature.inputs.map(classify);
  const knownInputs = new Set(signature.inputs.map((i) => i.name));

  const mapping = options.featureNames;
  const mappingByInput = new Map<string, readonly string[]>();
  if (Array.isArray(mapping)) {
    const targets = classified.filter((c) => c.kind !== "column");
    const target = targets.length === 1 ? targets[0] : classified.length === 1 ? classified[0] : undefined;
    if (!target) {
      throw new OnnxModelError(
        "FEATURE_NAMES_MISMATCH",
        `A single list of feature names was given, but the model has ${targets.length} inputs that take several features (${targets.map((t) => `'${t.input.name}'`).join(", ")}). Give a list per input name.`,
      );
    }
    mappingByInput.set(target.input.name, mapping);
  } else if (mapping) {
    for (const [input, names] of Object.entries(mapping)) {
      if (!knownInputs.has(input)) {
        throw new OnnxModelError(
          "FEATURE_NAMES_MISMATCH",
          `Feature names were given for an input '${input}' that the model does not have. Its inputs are ${[...knownInputs].map((n) => `'${n}'`).join(", ")}.`,
          { input },
        );
      }
      mappingByInput.set(input, names);
    }
  }
  const metadataNames = signature.featureNames;
  const multiFeature = classified.filter((c) => c.kind !== "column");
  const metadataTarget = metadataNames && (multiFeature.length === 1 ? multiFeature[0] : classified.length === 1 ? classified[0] : undefined);

  const fixedSizes = new Set(classified.map((c) => c.fixedBatch).filter((b): b is number => b !== null));
  if (fixedSizes.size > 1) {
    throw new OnnxModelError(
      "UNSUPPORTED_INPUT",
      `The model's inputs fix different batch sizes (${[...fixedSizes].join(" and ")} rows), so no batch can feed them all. Re-export the model with a dynamic (or single shared) batch dimension.`,
    );
  }
  const fixedBatchSize = fixedSizes.size === 1 ? ([...fixedSizes][0] ?? null) : null;

  const inputs = classified.map((c): InputFeed => {
    const name = c.input.name;
    const explicit = mappingByInput.get(name);
    const fromMetadata = metadataTarget === c && metadataNames ? metadataNames : undefined;
    if (c.kind === "column") {
      if (explicit && explicit.length !== 1) checkNames(name, explicit, 1, "the feature mapping");
      const column = options.inputColumns?.[name] ?? explicit?.[0] ?? (fromMetadata?.length === 1 ? fromMetadata[0] : undefined) ?? name;
      return { kind: "column", input: name, column, elementType: c.elementType, shape: c.shape };
    }
    const names = explicit ?? fromMetadata;
    if (names) {
      const source = explicit ? "the feature mapping" : "the model's feature_names metadata";
      checkNames(name, names, c.width, source);
      if (c.kind === "ambiguous" && names.length === 1) {
        return { kind: "column", input: name, column: names[0] ?? name, elementType: c.elementType, shape: c.shape };
      }
      return { kind: "matrix", input: name, elementType: c.elementType, features: [...names], featureSource: explicit ? "mapping" : "metadata" };
    }
    if (c.kind === "ambiguous" && classified.length > 1) {
      // One input per column (skl2onnx style) with an undeclared second dim: read it as [N, 1].
      return { kind: "column", input: name, column: options.inputColumns?.[name] ?? name, elementType: c.elementType, shape: c.shape };
    }
    const width = c.width === null ? "several" : String(c.width);
    throw new OnnxModelError(
      "FEATURE_NAMES_REQUIRED",
      `The model takes one input '${name}' with ${width} features per row (${c.input.typeText}) but does not say which column goes where (no feature_names metadata). Map each position to a column of your data when you upload the model, or re-export it with a 'feature_names' metadata entry listing the columns in training order.`,
      { input: name, ...(c.width === null ? {} : { features: c.width }) },
    );
  });
  return { inputs, fixedBatchSize };
}
