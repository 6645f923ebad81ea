import { describeValue } from "./describe-value";
import { featureNamesFromMetadata } from "./feature-names";
import { int64ToNumber } from "./int64";
import { classLabelsOf } from "./node-attributes";
import type { ModelProto } from "./onnx-schema";
import { decodeModel } from "./read-model";
import type { ClassifierSignature, ModelSignature, OperatorCount, ZipMapSignature } from "./signature";

const ML_DOMAIN = "ai.onnx.ml";
const CLASSIFIER_OPS: ReadonlySet<string> = new Set(["LinearClassifier", "TreeEnsembleClassifier", "SVMClassifier"]);

/** Reads a model's signature without running it. Throws OnnxModelError for files that are not ONNX. */
export function inspectModel(bytes: Uint8Array): ModelSignature {
  return signatureOf(decodeModel(bytes));
}

export function signatureOf(model: ModelProto): ModelSignature {
  const graph = model.graph ?? {};
  const nodes = graph.node ?? [];
  const initializers = new Set((graph.initializer ?? []).map((t) => t.name ?? ""));
  const outputNames = new Set((graph.output ?? []).map((o) => o.name ?? ""));

  const inputs = (graph.input ?? []).filter((i) => !initializers.has(i.name ?? "")).map(describeValue);
  const outputs = (graph.output ?? []).map(describeValue);

  const metadata: Record<string, string> = {};
  for (const prop of model.metadataProps ?? []) if (prop.key) metadata[prop.key] = prop.value ?? "";

  let zipMap: ZipMapSignature | null = null;
  let classifier: ClassifierSignature | null = null;
  const counts = new Map<string, OperatorCount>();
  for (const node of nodes) {
    const domain = node.domain || "ai.onnx";
    const opType = node.opType ?? "";
    const key = `${domain}\u0000${opType}`;
    counts.set(key, { domain, opType, count: (counts.get(key)?.count ?? 0) + 1 });
    if (node.domain !== ML_DOMAIN) continue;
    if (opType === "ZipMap") {
      const labels = classLabelsOf(node);
      const output = node.output?.[0] ?? "";
      const candidate: ZipMapSignature = {
        node: node.name ?? "",
        input: node.input?.[0] ?? "",
        output,
        labels: labels?.labels ?? [],
        labelType: labels?.labelType ?? "string",
        trailing: outputNames.has(output),
      };
      if (!zipMap || (candidate.trailing && !zipMap.trailing)) zipMap = candidate;
    } else if (CLASSIFIER_OPS.has(opType)) {
      const labels = classLabelsOf(node);
      if (labels && !classifier) classifier = { node: node.name ?? "", opType, labels: labels.labels, labelType: labels.labelType };
    }
  }

  const batchFixedToOne = inputs.some((i) => i.kind === "tensor" && i.shape !== null && (i.shape.length === 0 || i.shape[0] === 1));

  return {
    irVersion: int64ToNumber(model.irVersion),
    producerName: model.producerName ?? "",
    producerVersion: model.producerVersion ?? "",
    domain: model.domain ?? "",
    modelVersion: int64ToNumber(model.modelVersion),
    docString: model.docString ?? "",
    graphName: graph.name ?? "",
    opsets: (model.opsetImport ?? []).map((o) => ({ domain: o.domain || "ai.onnx", version: int64ToNumber(o.version) })),
    inputs,
    outputs,
    metadata,
    featureNames: featureNamesFromMetadata(metadata),
    zipMap,
    classifier,
    batchFixedToOne,
    operators: [...counts.values()],
  };
}
