/**
 * Static limits on an uploaded model, checked on the decoded graph before onnxruntime ever sees it, so a
 * hostile file (a Loop that runs forever, a ConstantOfShape that asks for terabytes, 10,000 nodes, weights
 * in another file) is refused in milliseconds with a clear message. Pure: the caller reads the environment.
 */
import { OnnxModelError } from "./errors";
import { int64ToBigInt, int64ToNumber } from "./int64";
import { type GraphProto, type ModelProto, type NodeProto, type TensorProto, onnx } from "./onnx-schema";

export interface ModelLimits {
  /** largest .onnx file in bytes (SIGHTLINE_MAX_MODEL_MB, default 100 MB) */
  maxModelBytes: number;
  /** most bytes all initializers (weights) may declare together (SIGHTLINE_MAX_INITIALIZER_MB, default 100 MB) */
  maxInitializerBytes: number;
  /** most nodes in the graph, subgraphs included (SIGHTLINE_MAX_MODEL_NODES, default 5,000) */
  maxNodes: number;
  /** deepest nesting of subgraphs (If / Loop / Scan bodies) */
  maxSubgraphDepth: number;
  /** largest constant trip count of a Loop */
  maxLoopTrips: number;
  /** most values a constant shape may ask for (ConstantOfShape, Expand, Tile, Reshape ...) */
  maxTensorValues: number;
  /** most values one row of one output may hold (declared shape and dry run) */
  maxOutputValuesPerRow: number;
}

export const DEFAULT_MODEL_LIMITS: Readonly<ModelLimits> = Object.freeze({
  maxModelBytes: 100 * 1024 * 1024,
  maxInitializerBytes: 100 * 1024 * 1024,
  maxNodes: 5_000,
  maxSubgraphDepth: 4,
  maxLoopTrips: 100_000,
  maxTensorValues: 10_000_000,
  maxOutputValuesPerRow: 10_000,
});

/** The operator sets onnxruntime-web 1.2x runs (newer ones are refused before loading). */
export const SUPPORTED_OPSETS: Readonly<Record<string, number>> = Object.freeze({ "ai.onnx": 23, "ai.onnx.ml": 5 });

const ENV_VARS = {
  maxModelBytes: "SIGHTLINE_MAX_MODEL_MB",
  maxInitializerBytes: "SIGHTLINE_MAX_INITIALIZER_MB",
  maxNodes: "SIGHTLINE_MAX_MODEL_NODES",
} as const;

/** Limits from the environment; unset or empty variables keep the default. Throws a plain Error on a bad value. */
export function modelLimitsFromEnv(env: Readonly<Record<string, string | undefined>>): ModelLimits {
  const out: ModelLimits = { ...DEFAULT_MODEL_LIMITS };
  for (const [key, name] of Object.entries(ENV_VARS) as [keyof typeof ENV_VARS, string][]) {
    const raw = env[name]?.trim();
    if (!raw) continue;
    const value = Number(raw);
    if (!/^\d+(\.\d+)?$/.test(raw) || !(value > 0)) throw new Error(`${name}=${JSON.stringify(raw)} is not a positive number.`);
    out[key] = key === "maxNodes" ? Math.floor(value) : Math.round(value * 1024 * 1024);
  }
  return out;
}

function mb(bytes: number): string {
  return `${Number((bytes / 1024 / 1024).toFixed(1))} MB`;
}

function count(n: number | bigint): string {
  return n.toLocaleString("en-US");
}

/** The refusal of a model file over the size limit (also used before the file is read in full). */
export function modelTooLargeError(limits: Pick<ModelLimits, "maxModelBytes">): OnnxModelError {
  return new OnnxModelError(
    "MODEL_TOO_LARGE",
    `The model file is larger than ${mb(limits.maxModelBytes)}, the limit for a model. Export a smaller model (fewer trees, pruned weights), or ask your administrator to raise ${ENV_VARS.maxModelBytes}.`,
    { limitBytes: limits.maxModelBytes },
  );
}

const ELEMENT_BYTES: Record<number, number> = {
  1: 4, 2: 1, 3: 1, 4: 2, 5: 2, 6: 4, 7: 8, 8: 16, 9: 1, 10: 2, 11: 8, 12: 4, 13: 8, 14: 8, 15: 16, 16: 2,
  17: 1, 18: 1, 19: 1, 20: 1, 21: 1, 22: 1, 23: 1,
};

function tooLarge(message: string, details: Record<string, string | number> = {}): OnnxModelError {
  return new OnnxModelError("MODEL_TOO_LARGE", message, details);
}

/** Product of dims as a bigint (never overflows); a negative dim is an error of the file. */
function elementCount(dims: readonly unknown[] | null | undefined, what: string): bigint {
  let n = 1n;
  for (const d of dims ?? []) {
    const v = int64ToBigInt(d);
    if (v < 0n) throw new OnnxModelError("NOT_ONNX", `The model is damaged: ${what} declares a negative size (${v}). Export the model again.`);
    n *= v;
  }
  return n;
}

/** Integer values of a small constant tensor (an initializer or a Constant node), or null when not constant. */
function intValues(tensor: TensorProto | undefined): bigint[] | null {
  if (!tensor) return null;
  if (tensor.int64Data && tensor.int64Data.length > 0) return tensor.int64Data.map((v) => int64ToBigInt(v));
  if (tensor.int32Data && tensor.int32Data.length > 0) return tensor.int32Data.map((v) => BigInt(v));
  const raw = tensor.rawData;
  if (raw && raw.length > 0 && raw.length <= 4096) {
    const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
    if (tensor.dataType === onnx.TensorProto.DataType.INT64 && raw.length % 8 === 0) {
      return Array.from({ length: raw.length / 8 }, (_, i) => view.getBigInt64(i * 8, true));
    }
    if (tensor.dataType === onnx.TensorProto.DataType.INT32 && raw.length % 4 === 0) {
      return Array.from({ length: raw.length / 4 }, (_, i) => BigInt(view.getInt32(i * 4, true)));
    }
  }
  return null;
}

/** Operators whose input 1 is a shape (or repeats) that sets how many values they make. */
const SHAPE_INPUT: Readonly<Record<string, number>> = { ConstantOfShape: 0, Expand: 1, Tile: 1, Resize: 3 };

/**
 * Refuses a model that breaks a limit or cannot run: weights in another file, operator sets newer than the
 * runtime, too many nodes, subgraphs nested too deep, Loops with a huge constant trip count, constant shapes
 * asking for more than `maxTensorValues` values, initializers declaring more than `maxInitializerBytes`, an
 * output with more than `maxOutputValuesPerRow` values per row.
 */
export function checkModelLimits(model: ModelProto, limits: ModelLimits = DEFAULT_MODEL_LIMITS): void {
  if (int64ToNumber(model.irVersion) < 1) {
    throw new OnnxModelError("NOT_ONNX", "This file is not a complete ONNX model: it declares no IR version. Export the model to ONNX again (skl2onnx, onnxmltools or torch.onnx) and upload that file.");
  }
  for (const o of model.opsetImport ?? []) {
    const domain = o.domain || "ai.onnx";
    const version = int64ToNumber(o.version);
    const newest = SUPPORTED_OPSETS[domain];
    if (newest !== undefined && (version < 1 || version > newest)) {
      throw new OnnxModelError(
        "UNSUPPORTED_OPSET",
        `The model uses operator set ${version} of ${domain}; Sightline's runtime runs versions 1 to ${newest}. Export it again with an older opset (for example target_opset=17 in skl2onnx, opset_version=17 in torch.onnx.export).`,
        { domain, version },
      );
    }
  }
  const graph = model.graph ?? {};
  let nodes = 0;
  let initializerBytes = 0n;
  const constants = new Map<string, TensorProto>();

  const visit = (g: GraphProto, depth: number, where: string): void => {
    if (depth > limits.maxSubgraphDepth) {
      throw tooLarge(
        `The model nests subgraphs (If, Loop or Scan bodies) more than ${limits.maxSubgraphDepth} levels deep (at ${where}). Sightline accepts flat tabular models; export the model without the nested control flow.`,
      );
    }
    for (const t of [...(g.initializer ?? []), ...(g.sparseInitializer ?? []).map((s) => s.values ?? {})]) {
      if (t.dataLocation === onnx.TensorProto.DataLocation.EXTERNAL || (t.externalData?.length ?? 0) > 0) {
        const location = t.externalData?.find((e) => e.key === "location")?.value ?? "a separate file";
        throw new OnnxModelError(
          "EXTERNAL_DATA",
          `The model keeps its weights outside the .onnx file (tensor '${t.name ?? ""}' points to '${location}'). Models must be self-contained: save it as one file (in Python: onnx.save_model(model, path, save_as_external_data=False)) and upload that.`,
          { tensor: t.name ?? "" },
        );
      }
      const values = elementCount(t.dims, `the weights '${t.name ?? ""}'`);
      initializerBytes += values * BigInt(ELEMENT_BYTES[t.dataType ?? 1] ?? 8);
      if (initializerBytes > BigInt(limits.maxInitializerBytes)) {
        throw tooLarge(
          `The model's weights declare more than ${mb(limits.maxInitializerBytes)} (tensor '${t.name ?? ""}' alone declares ${count(values)} values). Export a smaller model, or ask your administrator to raise ${ENV_VARS.maxInitializerBytes}.`,
          { tensor: t.name ?? "" },
        );
      }
      if (t.name) constants.set(t.name, t);
    }
    for (const node of g.node ?? []) {
      nodes += 1;
      if (nodes > limits.maxNodes) {
        throw tooLarge(
          `The model has more than ${count(limits.maxNodes)} operations (nodes), the limit. Tabular models are far smaller: export a simpler model, or ask your administrator to raise ${ENV_VARS.maxNodes}.`,
        );
      }
      checkNode(node, constants, limits);
      for (const a of node.attribute ?? []) {
        const name = `${node.opType ?? "node"} '${node.name ?? ""}'`;
        if (a.t && node.opType === "Constant" && node.output?.[0]) constants.set(node.output[0], a.t);
        if (a.t) {
          const values = elementCount(a.t.dims, `a constant of ${name}`);
          initializerBytes += values * BigInt(ELEMENT_BYTES[a.t.dataType ?? 1] ?? 8);
          if (initializerBytes > BigInt(limits.maxInitializerBytes)) {
            throw tooLarge(`The model's constants declare more than ${mb(limits.maxInitializerBytes)} (${name}). Export a smaller model, or ask your administrator to raise ${ENV_VARS.maxInitializerBytes}.`);
          }
        }
        if (a.g) visit(a.g, depth + 1, name);
        for (const sub of a.graphs ?? []) visit(sub, depth + 1, name);
      }
    }
  };
  visit(graph, 0, "the main graph");

  for (const output of graph.output ?? []) {
    const dims = output.type?.tensorType?.shape?.dim ?? [];
    let perRow = 1n;
    for (const d of dims.slice(1)) {
      if (d.dimValue !== undefined && d.dimValue !== null && !d.dimParam) perRow *= int64ToBigInt(d.dimValue) > 0n ? int64ToBigInt(d.dimValue) : 1n;
    }
    if (perRow > BigInt(limits.maxOutputValuesPerRow)) {
      throw outputTooLargeError(output.name ?? "", perRow, limits);
    }
  }
}

export function outputTooLargeError(output: string, perRow: number | bigint, limits: Pick<ModelLimits, "maxOutputValuesPerRow">): OnnxModelError {
  return new OnnxModelError(
    "OUTPUT_TOO_LARGE",
    `The model's output '${output}' gives ${count(perRow)} values for each row; Sightline reads at most ${count(limits.maxOutputValuesPerRow)} (a label, a score or one probability per class). Export the model with a prediction or probability output.`,
    { output },
  );
}

function checkNode(node: NodeProto, constants: ReadonlyMap<string, TensorProto>, limits: ModelLimits): void {
  const op = node.opType ?? "";
  const name = `${op} '${node.name ?? ""}'`;
  if (op === "Loop") {
    const trips = intValues(constants.get(node.input?.[0] ?? ""));
    const trip = trips?.[0];
    if (trip !== undefined && (trip < 0n || trip > BigInt(limits.maxLoopTrips))) {
      throw tooLarge(
        `The model's ${name} is set to repeat ${count(trip)} times; Sightline refuses loops of more than ${count(limits.maxLoopTrips)} rounds, which would stall scoring. Export the model without the loop, or with a bounded one.`,
      );
    }
  }
  const shapeAt = SHAPE_INPUT[op];
  if (shapeAt !== undefined) {
    const shape = intValues(constants.get(node.input?.[shapeAt] ?? ""));
    if (shape) {
      let values = 1n;
      for (const d of shape) values *= d > 0n ? d : 1n;
      if (values > BigInt(limits.maxTensorValues)) {
        throw tooLarge(
          `The model's ${name} would make a tensor of ${count(values)} values; the limit is ${count(limits.maxTensorValues)}. Such a tensor would exhaust the server's memory: export the model again and check its constant shapes.`,
        );
      }
    }
  }
  if (op === "RandomNormal" || op === "RandomUniform" || op === "EyeLike") {
    const shape = node.attribute?.find((a) => a.name === "shape")?.ints;
    if (shape) {
      const values = shape.reduce<bigint>((p, d) => p * (int64ToBigInt(d) > 0n ? int64ToBigInt(d) : 1n), 1n);
      if (values > BigInt(limits.maxTensorValues)) {
        throw tooLarge(`The model's ${name} would make a tensor of ${count(values)} values; the limit is ${count(limits.maxTensorValues)}. Export the model again and check its constant shapes.`);
      }
    }
  }
}
