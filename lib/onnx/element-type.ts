/** ONNX tensor element types by name, and the subset Sightline can build from a table. */
export type ElementType =
  | "float32"
  | "float64"
  | "float16"
  | "bfloat16"
  | "int8"
  | "uint8"
  | "int16"
  | "uint16"
  | "int32"
  | "uint32"
  | "int64"
  | "uint64"
  | "bool"
  | "string"
  | "complex64"
  | "complex128"
  | "float8"
  | "int4"
  | "uint4"
  | "float4"
  | "undefined";

/** Element types that encodeBatch can produce from numeric or categorical columns. */
export type FeedElementType =
  | "float32"
  | "float64"
  | "int8"
  | "uint8"
  | "int16"
  | "uint16"
  | "int32"
  | "uint32"
  | "int64"
  | "uint64"
  | "bool"
  | "string";

const BY_CODE: Readonly<Record<number, ElementType>> = {
  0: "undefined",
  1: "float32",
  2: "uint8",
  3: "int8",
  4: "uint16",
  5: "int16",
  6: "int32",
  7: "int64",
  8: "string",
  9: "bool",
  10: "float16",
  11: "float64",
  12: "uint32",
  13: "uint64",
  14: "complex64",
  15: "complex128",
  16: "bfloat16",
  17: "float8",
  18: "float8",
  19: "float8",
  20: "float8",
  21: "uint4",
  22: "int4",
  23: "float4",
};

/** ONNX TensorProto.DataType code of each feedable type (used when a graph is rewritten). */
export const FLOAT32_CODE = 1;

export function elementTypeFromCode(code: number | null | undefined): ElementType {
  return BY_CODE[code ?? 0] ?? "undefined";
}

const FEEDABLE: ReadonlySet<ElementType> = new Set<ElementType>([
  "float32",
  "float64",
  "int8",
  "uint8",
  "int16",
  "uint16",
  "int32",
  "uint32",
  "int64",
  "uint64",
  "bool",
  "string",
]);

export function isFeedable(type: ElementType | null): type is FeedElementType {
  return type !== null && FEEDABLE.has(type);
}

/** ONNX's own spelling, used in messages: tensor(float), tensor(int64), tensor(string). */
export function onnxTypeName(type: ElementType): string {
  switch (type) {
    case "float32":
      return "float";
    case "float64":
      return "double";
    default:
      return type;
  }
}
