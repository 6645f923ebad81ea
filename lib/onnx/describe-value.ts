import { elementTypeFromCode, onnxTypeName } from "./element-type";
import { int64ToNumber } from "./int64";
import type { TensorShapeProto, TypeProto, ValueInfoProto } from "./onnx-schema";
import type { Dim, ValueKind, ValueSignature } from "./signature";

function dimsOf(shape: TensorShapeProto | null | undefined): Dim[] | null {
  if (!shape) return null;
  return (shape.dim ?? []).map((d): Dim => {
    // protobufjs keeps absent fields on the prototype (dimValue 0, dimParam ""), present ones as own
    // properties, so ownership tells "declared 0" from "not declared".
    if (Object.hasOwn(d, "dimValue") && d.dimValue !== null && d.dimValue !== undefined) return int64ToNumber(d.dimValue);
    if (Object.hasOwn(d, "dimParam") && d.dimParam) return d.dimParam;
    return null;
  });
}

/** `[N, 3]`: the first undeclared dim reads N, others ?. */
export function formatShape(shape: readonly Dim[] | null): string {
  if (shape === null) return "[rank not declared]";
  return `[${shape.map((d, i) => (d === null ? (i === 0 ? "N" : "?") : String(d))).join(", ")}]`;
}

function kindOf(type: TypeProto | null | undefined): ValueKind {
  if (!type) return "unknown";
  if (type.tensorType) return "tensor";
  if (type.sequenceType) return "sequence";
  if (type.mapType) return "map";
  if (type.optionalType) return "optional";
  if (type.sparseTensorType) return "sparse_tensor";
  return "unknown";
}

export function typeText(type: TypeProto | null | undefined): string {
  if (!type) return "unknown";
  if (type.tensorType) {
    const shape = dimsOf(type.tensorType.shape);
    const base = `tensor(${onnxTypeName(elementTypeFromCode(type.tensorType.elemType))})`;
    return shape ? `${base}${formatShape(shape)}` : base;
  }
  if (type.sparseTensorType) return `sparse_tensor(${onnxTypeName(elementTypeFromCode(type.sparseTensorType.elemType))})`;
  if (type.sequenceType) return `seq(${typeText(type.sequenceType.elemType)})`;
  if (type.optionalType) return `optional(${typeText(type.optionalType.elemType)})`;
  if (type.mapType) return `map(${onnxTypeName(elementTypeFromCode(type.mapType.keyType))}, ${typeText(type.mapType.valueType)})`;
  return "unknown";
}

export function describeValue(info: ValueInfoProto): ValueSignature {
  const type = info.type;
  const kind = kindOf(type);
  const elemCode = type?.tensorType?.elemType ?? type?.sparseTensorType?.elemType;
  return {
    name: info.name ?? "",
    kind,
    elementType: kind === "tensor" || kind === "sparse_tensor" ? elementTypeFromCode(elemCode) : null,
    shape: kind === "tensor" ? dimsOf(type?.tensorType?.shape) : kind === "sparse_tensor" ? dimsOf(type?.sparseTensorType?.shape) : null,
    typeText: typeText(type),
    docString: info.docString ?? "",
  };
}
