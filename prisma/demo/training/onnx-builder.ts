/**
 * Small helpers to write ONNX models from TypeScript with onnx-proto (the protobuf classes of the
 * ONNX schema). Encoding is deterministic: the same calls give the same bytes.
 */
import { onnx } from "../../../lib/onnx/onnx-schema";
import type { AttributeProto, NodeProto, TensorProto, ValueInfoProto } from "../../../lib/onnx/onnx-schema";

export type TensorElement = "float32" | "float64" | "int64" | "int32" | "string" | "bool" | "uint8";
export type BuildDim = number | string | null;

const ELEMENT_CODES: Record<TensorElement, number> = {
  float32: 1,
  uint8: 2,
  int32: 6,
  int64: 7,
  string: 8,
  bool: 9,
  float64: 11,
};

const utf8 = new TextEncoder();
const AttributeType = onnx.AttributeProto.AttributeType;

function shapeOf(dims: readonly BuildDim[]) {
  return { dim: dims.map((d) => (typeof d === "number" ? { dimValue: d } : typeof d === "string" ? { dimParam: d } : {})) };
}

/** A tensor value: dims null leaves the rank undeclared. */
export function tensorValue(name: string, element: TensorElement, dims: readonly BuildDim[] | null): ValueInfoProto {
  return onnx.ValueInfoProto.create({
    name,
    type: { tensorType: { elemType: ELEMENT_CODES[element], ...(dims ? { shape: shapeOf(dims) } : {}) } },
  });
}

/** The sequence(map(key, float)) a ZipMap returns. */
export function zipMapValue(name: string, key: "string" | "int64"): ValueInfoProto {
  return onnx.ValueInfoProto.create({
    name,
    type: { sequenceType: { elemType: { mapType: { keyType: ELEMENT_CODES[key], valueType: { tensorType: { elemType: 1 } } } } } },
  });
}

export const attr = {
  float: (name: string, f: number): AttributeProto => onnx.AttributeProto.create({ name, type: AttributeType.FLOAT, f }),
  floats: (name: string, floats: readonly number[]): AttributeProto => onnx.AttributeProto.create({ name, type: AttributeType.FLOATS, floats: [...floats] }),
  int: (name: string, i: number): AttributeProto => onnx.AttributeProto.create({ name, type: AttributeType.INT, i }),
  ints: (name: string, ints: readonly number[]): AttributeProto => onnx.AttributeProto.create({ name, type: AttributeType.INTS, ints: [...ints] }),
  string: (name: string, s: string): AttributeProto => onnx.AttributeProto.create({ name, type: AttributeType.STRING, s: utf8.encode(s) }),
  strings: (name: string, strings: readonly string[]): AttributeProto =>
    onnx.AttributeProto.create({ name, type: AttributeType.STRINGS, strings: strings.map((s) => utf8.encode(s)) }),
};

export function node(
  opType: string,
  inputs: readonly string[],
  outputs: readonly string[],
  attributes: readonly AttributeProto[] = [],
  options: { domain?: string; name?: string } = {},
): NodeProto {
  return onnx.NodeProto.create({
    opType,
    input: [...inputs],
    output: [...outputs],
    attribute: [...attributes],
    domain: options.domain ?? "",
    name: options.name ?? `${opType}_${outputs[0] ?? ""}`,
  });
}

export function mlNode(opType: string, inputs: readonly string[], outputs: readonly string[], attributes: readonly AttributeProto[] = []): NodeProto {
  return node(opType, inputs, outputs, attributes, { domain: "ai.onnx.ml" });
}

export function int64Tensor(name: string, values: readonly number[], dims: readonly number[]): TensorProto {
  return onnx.TensorProto.create({ name, dataType: ELEMENT_CODES.int64, dims: [...dims], int64Data: [...values] });
}

export function floatTensor(name: string, values: readonly number[], dims: readonly number[]): TensorProto {
  return onnx.TensorProto.create({ name, dataType: ELEMENT_CODES.float32, dims: [...dims], floatData: [...values] });
}

export interface ModelSpec {
  readonly graphName: string;
  readonly inputs: readonly ValueInfoProto[];
  readonly outputs: readonly ValueInfoProto[];
  readonly nodes: readonly NodeProto[];
  readonly initializers?: readonly TensorProto[];
  /** Operator sets; defaults to ai.onnx 13 and ai.onnx.ml 1 (what onnxruntime-web 1.30 runs). */
  readonly opsets?: Readonly<Record<string, number>>;
  readonly metadata?: Readonly<Record<string, string>>;
  readonly producerName?: string;
  readonly producerVersion?: string;
  readonly docString?: string;
  readonly irVersion?: number;
  readonly modelVersion?: number;
}

export function buildModel(spec: ModelSpec): Uint8Array {
  const opsets = spec.opsets ?? { "": 13, "ai.onnx.ml": 1 };
  const model = onnx.ModelProto.create({
    irVersion: spec.irVersion ?? 7,
    producerName: spec.producerName ?? "sightline-demo",
    producerVersion: spec.producerVersion ?? "1",
    modelVersion: spec.modelVersion ?? 1,
    docString: spec.docString ?? "",
    opsetImport: Object.entries(opsets).map(([domain, version]) => onnx.OperatorSetIdProto.create({ domain, version })),
    metadataProps: Object.entries(spec.metadata ?? {}).map(([key, value]) => onnx.StringStringEntryProto.create({ key, value })),
    graph: onnx.GraphProto.create({
      name: spec.graphName,
      input: [...spec.inputs],
      output: [...spec.outputs],
      node: [...spec.nodes],
      initializer: [...(spec.initializers ?? [])],
    }),
  });
  const bytes = onnx.ModelProto.encode(model).finish();
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength).slice();
}
