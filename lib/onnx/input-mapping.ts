// Which data columns feed each model input: the slots a model offers (how many values per row each input takes), a
// proposed mapping (from the caller's feature names, the model's metadata and the input names) and a count check
// that runs before the runtime does. Pure: no I/O, usable in the browser and in Node.
import { featureNamesFromMetadata, parseFeatureNames } from "./feature-names";
import { int64ToNumber } from "./int64";
import { type ModelLimits, checkModelLimits, modelTooLargeError } from "./model-limits";
import { findAttribute, intAttribute } from "./node-attributes";
import type { ModelProto, NodeProto, TensorProto } from "./onnx-schema";
import { classify } from "./plan-inputs";
import type { PrepareOptions } from "./prepare-options";
import { decodeModel } from "./read-model";
import { signatureOf } from "./inspect-model";
import type { ModelSignature } from "./signature";

/** Per input: the columns in order (`[N, F]` input) or the one column (per-column input). */
export type ColumnMapping = Readonly<Record<string, string | readonly string[]>>;

export interface InputSlot {
  readonly input: string;
  /** columns: F values per row, one column per position; column: one value per row */
  readonly kind: "columns" | "column";
  /** values per row; null when neither the declared shape nor the graph tells */
  readonly width: number | null;
  readonly typeText: string;
}

/** One input whose mapping gives a different number of columns than the input takes. */
export interface MappingCountProblem {
  readonly input: string;
  readonly needs: number;
  readonly gives: number;
}

export type MappingProblem =
  | ({ readonly kind: "count" } & MappingCountProblem)
  | { readonly kind: "unknown-input"; readonly input: string; readonly inputs: readonly string[] }
  | { readonly kind: "unmapped"; readonly input: string; readonly width: number | null }
  | { readonly kind: "repeated"; readonly input: string; readonly column: string };

export interface ProposedMapping {
  readonly mapping: Record<string, string | string[]>;
  readonly sources: Record<string, "given" | "metadata" | "input name">;
  /** inputs nothing could map (an `[N, F]` input without names) */
  readonly unmapped: readonly InputSlot[];
}

const dimsOf = (t: TensorProto | undefined) => (t?.dims ?? []).map((d) => int64ToNumber(d));

/** The number of features a node reads from its first input, when its weights tell. */
function widthFromConsumer(node: NodeProto, position: number, initializers: ReadonlyMap<string, TensorProto>): number | null {
  const op = node.opType ?? "";
  if (position !== 0) return null;
  if (op === "MatMul") {
    const w = dimsOf(initializers.get(node.input?.[1] ?? ""));
    return w.length === 2 ? (w[0] ?? null) : null;
  }
  if (op === "Gemm") {
    const w = dimsOf(initializers.get(node.input?.[1] ?? ""));
    if (w.length !== 2) return null;
    return intAttribute(node, "transB") === 1 ? (w[1] ?? null) : (w[0] ?? null);
  }
  if (op === "LinearClassifier" || op === "LinearRegressor") {
    const coefficients = findAttribute(node, "coefficients")?.floats?.length ?? 0;
    const rows = op === "LinearRegressor" ? (intAttribute(node, "targets") ?? 1) : (findAttribute(node, "intercepts")?.floats?.length ?? 0);
    return rows > 0 && coefficients > 0 && coefficients % rows === 0 ? coefficients / rows : null;
  }
  if (op === "Scaler") {
    const n = Math.max(findAttribute(node, "scale")?.floats?.length ?? 0, findAttribute(node, "offset")?.floats?.length ?? 0);
    return n > 1 ? n : null;
  }
  return null;
}

/** Values per row an input of undeclared width takes, read from the first node that uses it (through Cast). */
function inferWidth(model: ModelProto, input: string): number | null {
  const nodes = model.graph?.node ?? [];
  const initializers = new Map((model.graph?.initializer ?? []).map((t) => [t.name ?? "", t]));
  let names = [input];
  for (let depth = 0; depth < 3; depth++) {
    const next: string[] = [];
    for (const node of nodes) {
      const inputs = node.input ?? [];
      for (const name of names) {
        const position = inputs.indexOf(name);
        if (position < 0) continue;
        const width = widthFromConsumer(node, position, initializers);
        if (width !== null && width > 0) return width;
        if (node.opType === "Cast" || node.opType === "Identity") next.push(...(node.output ?? []));
      }
    }
    if (next.length === 0) return null;
    names = next;
  }
  return null;
}

/** How each model input takes its values. Throws OnnxModelError for inputs no table can feed. */
export function inputSlots(signature: ModelSignature, model?: ModelProto): InputSlot[] {
  const classified = signature.inputs.map(classify);
  return classified.map((c) => {
    if (c.kind === "column") return { input: c.input.name, kind: "column", width: 1, typeText: c.input.typeText };
    if (c.kind === "matrix") return { input: c.input.name, kind: "columns", width: c.width, typeText: c.input.typeText };
    const inferred = model ? inferWidth(model, c.input.name) : null;
    // An input of undeclared width: several columns when the graph says so or when it is the model's only input.
    const kind = (inferred !== null && inferred > 1) || classified.length === 1 ? "columns" : "column";
    return { input: c.input.name, kind, width: kind === "column" ? 1 : inferred, typeText: c.input.typeText };
  });
}

/** Decodes a model file and reads its signature and input slots (an upload is first held to the static limits). */
export function readInputSlots(bytes: Uint8Array, check?: { limits: ModelLimits }): { signature: ModelSignature; slots: InputSlot[] } {
  if (check && bytes.byteLength > check.limits.maxModelBytes) throw modelTooLargeError(check.limits);
  const model = decodeModel(bytes);
  if (check) checkModelLimits(model, check.limits);
  const signature = signatureOf(model);
  return { signature, slots: inputSlots(signature, model) };
}

/** Feature names per input from the metadata: `feature_names` as a JSON object keyed by input, or `feature_names_<input>`. */
function metadataNamesPerInput(signature: ModelSignature): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const raw = signature.metadata.feature_names?.trim();
  if (raw?.startsWith("{")) {
    try {
      const parsed: unknown = JSON.parse(raw);
      if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) {
        for (const [input, value] of Object.entries(parsed as Record<string, unknown>)) {
          if (Array.isArray(value) && value.length > 0 && value.every((v): v is string => typeof v === "string" && v.trim() !== "")) out.set(input, value.map((v) => v.trim()));
          else if (typeof value === "string" && value.trim() !== "") out.set(input, [value.trim()]);
        }
      }
    } catch {
      // not JSON: the single-list forms below apply
    }
  }
  for (const slot of signature.inputs) {
    const names = parseFeatureNames(signature.metadata[`feature_names_${slot.name}`]);
    if (names && !out.has(slot.name)) out.set(slot.name, names);
  }
  return out;
}

/**
 * Proposes a mapping: the caller's mapping first (`given`, per input), then `featureNames` (one list for the model's
 * only several-column input, or a list per input name), then the model's feature_names metadata, then the input's
 * own name for a one-column input. Inputs none of these map are listed in `unmapped`.
 */
export function proposeInputMapping(
  signature: ModelSignature,
  slots: readonly InputSlot[],
  hints: { given?: ColumnMapping | undefined; featureNames?: readonly string[] | Readonly<Record<string, readonly string[]>> | undefined } = {},
): ProposedMapping {
  const mapping: Record<string, string | string[]> = {};
  const sources: Record<string, "given" | "metadata" | "input name"> = {};
  const multi = slots.filter((s) => s.kind === "columns");
  const single = multi.length === 1 ? multi[0] : slots.length === 1 ? slots[0] : undefined;
  const fromParameter = new Map<string, readonly string[]>();
  if (Array.isArray(hints.featureNames)) {
    if (single) fromParameter.set(single.input, hints.featureNames as readonly string[]);
  } else if (hints.featureNames) {
    for (const [input, names] of Object.entries(hints.featureNames as Readonly<Record<string, readonly string[]>>)) fromParameter.set(input, names);
  }
  const metadata = metadataNamesPerInput(signature);
  const flat = featureNamesFromMetadata(signature.metadata);
  if (flat && single && !metadata.has(single.input)) metadata.set(single.input, flat);

  const unmapped: InputSlot[] = [];
  for (const slot of slots) {
    const given = hints.given?.[slot.input];
    const parameter = fromParameter.get(slot.input);
    const meta = metadata.get(slot.input);
    const shape = (names: readonly string[] | string): string | string[] =>
      typeof names === "string" ? (slot.kind === "column" ? names : [names]) : slot.kind === "column" && names.length === 1 ? (names[0] as string) : [...names];
    if (given !== undefined) {
      mapping[slot.input] = shape(given);
      sources[slot.input] = "given";
    } else if (parameter) {
      mapping[slot.input] = shape(parameter);
      sources[slot.input] = "given";
    } else if (meta) {
      mapping[slot.input] = shape(meta);
      sources[slot.input] = "metadata";
    } else if (slot.kind === "column") {
      mapping[slot.input] = slot.input;
      sources[slot.input] = "input name";
    } else {
      unmapped.push(slot);
    }
  }
  return { mapping, sources, unmapped };
}

/** Everything wrong with a mapping for these slots: unknown inputs, unmapped inputs, wrong counts, a column twice. */
export function mappingProblems(slots: readonly InputSlot[], mapping: ColumnMapping): MappingProblem[] {
  const problems: MappingProblem[] = [];
  const names = slots.map((s) => s.input);
  for (const input of Object.keys(mapping)) {
    if (!names.includes(input)) problems.push({ kind: "unknown-input", input, inputs: names });
  }
  for (const slot of slots) {
    const value = mapping[slot.input];
    if (value === undefined) {
      problems.push({ kind: "unmapped", input: slot.input, width: slot.width });
      continue;
    }
    const columns = typeof value === "string" ? [value] : value;
    if (slot.width !== null && columns.length !== slot.width) {
      problems.push({ kind: "count", input: slot.input, needs: slot.width, gives: columns.length });
      continue;
    }
    const seen = new Set<string>();
    for (const column of columns) {
      if (seen.has(column)) {
        problems.push({ kind: "repeated", input: slot.input, column });
        break;
      }
      seen.add(column);
    }
  }
  return problems;
}

/** The prepare options that score through a mapping (a list of columns per input name). */
export function prepareOptionsFromMapping(mapping: ColumnMapping): Pick<PrepareOptions, "featureNames"> {
  const featureNames: Record<string, string[]> = {};
  for (const [input, value] of Object.entries(mapping)) featureNames[input] = typeof value === "string" ? [value] : [...value];
  return { featureNames };
}
