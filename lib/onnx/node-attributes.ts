import { int64ToBigInt, int64ToNumber } from "./int64";
import type { AttributeProto, NodeProto } from "./onnx-schema";

const utf8 = new TextDecoder();

function bytesToString(bytes: Uint8Array | string | null | undefined): string {
  if (bytes === null || bytes === undefined) return "";
  return typeof bytes === "string" ? bytes : utf8.decode(bytes);
}

export function findAttribute(node: NodeProto, name: string): AttributeProto | undefined {
  return (node.attribute ?? []).find((a) => a.name === name);
}

export function stringsAttribute(node: NodeProto, name: string): string[] | null {
  const attribute = findAttribute(node, name);
  if (!attribute || (attribute.strings?.length ?? 0) === 0) return null;
  return (attribute.strings ?? []).map((s) => bytesToString(s));
}

export function stringAttribute(node: NodeProto, name: string): string | null {
  const attribute = findAttribute(node, name);
  return attribute ? bytesToString(attribute.s) : null;
}

export function intsAttribute(node: NodeProto, name: string): bigint[] | null {
  const attribute = findAttribute(node, name);
  if (!attribute || (attribute.ints?.length ?? 0) === 0) return null;
  return (attribute.ints ?? []).map((v) => int64ToBigInt(v));
}

export function intAttribute(node: NodeProto, name: string): number | null {
  const attribute = findAttribute(node, name);
  return attribute && attribute.i !== null && attribute.i !== undefined ? int64ToNumber(attribute.i) : null;
}

/** Class labels of a classifier or ZipMap node: strings first, then int64 (as decimal strings). */
export function classLabelsOf(node: NodeProto): { labels: string[]; labelType: "string" | "int64" } | null {
  const strings = stringsAttribute(node, "classlabels_strings");
  if (strings) return { labels: strings, labelType: "string" };
  const ints = intsAttribute(node, "classlabels_int64s") ?? intsAttribute(node, "classlabels_ints");
  if (ints) return { labels: ints.map((v) => v.toString()), labelType: "int64" };
  return null;
}
