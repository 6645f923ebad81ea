import { describeValue } from "./describe-value";
import { FLOAT32_CODE } from "./element-type";
import type { GraphProto, ModelProto, ValueInfoProto } from "./onnx-schema";
import { onnx } from "./onnx-schema";
import type { ZipMapSignature } from "./signature";

export interface GraphRewrite {
  /** The ZipMap that was replaced: its output name now carries the [N, C] probabilities tensor. */
  readonly replacedZipMap: ZipMapSignature | null;
  readonly changes: string[];
}

function floatTensorInfo(name: string, docString: string | null | undefined): ValueInfoProto {
  return onnx.ValueInfoProto.create({ name, docString: docString ?? "", type: { tensorType: { elemType: FLOAT32_CODE } } });
}

function stripShapes(values: ValueInfoProto[] | null | undefined): number {
  let stripped = 0;
  for (const value of values ?? []) {
    const tensor = value.type?.tensorType;
    if (tensor?.shape) {
      tensor.shape = null;
      stripped += 1;
    }
  }
  return stripped;
}

/**
 * Rewrites the decoded model in place so onnxruntime-web can run it and return plain tensors:
 * 1. a trailing ZipMap (skl2onnx/onnxmltools classifiers) becomes an Identity, so its output name
 *    carries the [N, C] float tensor instead of a sequence of maps;
 * 2. other non-tensor graph outputs are dropped (they cannot be fetched);
 * 3. declared shapes of outputs and value_info are removed: the runtime infers them, and a declared
 *    shape that differs from the real one would otherwise refuse the whole model.
 */
export function rewriteGraph(model: ModelProto, zipMap: ZipMapSignature | null): GraphRewrite {
  const graph: GraphProto = model.graph ?? {};
  const changes: string[] = [];
  let replacedZipMap: ZipMapSignature | null = null;

  if (zipMap?.trailing) {
    const node = (graph.node ?? []).find((n) => n.opType === "ZipMap" && n.domain === "ai.onnx.ml" && n.output?.[0] === zipMap.output);
    if (node) {
      node.opType = "Identity";
      node.domain = "";
      node.attribute = [];
      graph.output = (graph.output ?? []).map((o) => (o.name === zipMap.output ? floatTensorInfo(zipMap.output, o.docString) : o));
      const opsets = model.opsetImport ?? [];
      if (!opsets.some((o) => !o.domain || o.domain === "ai.onnx")) {
        model.opsetImport = [...opsets, onnx.OperatorSetIdProto.create({ domain: "", version: 13 })];
      }
      replacedZipMap = zipMap;
      changes.push(
        `Replaced the ZipMap '${zipMap.output}' (a sequence of maps, which onnxruntime-web cannot return) by its input tensor [N, ${zipMap.labels.length}]; columns follow the classes ${zipMap.labels.map((l) => `'${l}'`).join(", ")}.`,
      );
    }
  }

  const kept: ValueInfoProto[] = [];
  for (const output of graph.output ?? []) {
    if (output.type?.tensorType || !output.type) kept.push(output);
    else changes.push(`Dropped the output '${output.name ?? ""}' (${describeValue(output).typeText}): it is not a tensor and cannot be read.`);
  }
  graph.output = kept;

  const strippedOutputs = stripShapes(graph.output);
  const strippedInfo = stripShapes(graph.valueInfo);
  if (strippedOutputs + strippedInfo > 0) {
    changes.push("Removed declared output shapes so that the runtime's own shapes are used.");
  }
  model.graph = graph;
  return { replacedZipMap, changes };
}
