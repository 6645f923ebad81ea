import { describeValue } from "./describe-value";
import { type ModelLimits, checkModelLimits, modelTooLargeError } from "./model-limits";
import { signatureOf } from "./inspect-model";
import { onnx } from "./onnx-schema";
import type { PreparedModel, ScoringPlan } from "./plan";
import { planInputs } from "./plan-inputs";
import { planOutputs } from "./plan-outputs";
import { type PrepareOptions, parsePrepareOptions } from "./prepare-options";
import { decodeModel } from "./read-model";
import { rewriteGraph } from "./rewrite-graph";

/**
 * Reads an uploaded model, rewrites what onnxruntime-web cannot return (a trailing ZipMap, non-tensor
 * outputs, wrong declared output shapes) and works out how to feed it from a table and read its
 * answers. Throws OnnxModelError for what truly cannot run; `dryRun` then confirms with the runtime. With
 * `check`, an upload is first held to the static limits of model-limits.ts (stored versions are not re-checked).
 */
export function prepareModel(bytes: Uint8Array, options?: PrepareOptions, check?: { limits: ModelLimits }): PreparedModel {
  const parsedOptions = parsePrepareOptions(options);
  if (check && bytes.byteLength > check.limits.maxModelBytes) throw modelTooLargeError(check.limits);
  const model = decodeModel(bytes);
  // Uploads (check given) are held to the static limits before anything else reads the graph.
  if (check) checkModelLimits(model, check.limits);
  const signature = signatureOf(model);
  const { inputs, fixedBatchSize } = planInputs(signature, parsedOptions);

  const classifierNode = signature.classifier
    ? (model.graph?.node ?? []).find((n) => n.domain === "ai.onnx.ml" && n.opType === signature.classifier?.opType)
    : undefined;
  const classifierOutputs = (classifierNode?.output ?? []).slice();

  const rewrite = rewriteGraph(model, signature.zipMap);
  const outputs = (model.graph?.output ?? []).map(describeValue);
  const outputPlan = planOutputs(
    { outputs, zipMap: rewrite.replacedZipMap, classifier: signature.classifier, classifierOutputs },
    parsedOptions,
  );

  const requiredColumns = [...new Set(inputs.flatMap((f) => (f.kind === "column" ? [f.column] : f.features)))];
  const plan: ScoringPlan = { ...outputPlan, inputs, fixedBatchSize, requiredColumns };

  let prepared = bytes;
  if (rewrite.changes.length > 0) {
    const encoded = onnx.ModelProto.encode(model).finish();
    prepared = new Uint8Array(encoded.buffer, encoded.byteOffset, encoded.byteLength);
  }
  const changes = [...rewrite.changes];
  if (fixedBatchSize !== null) {
    changes.push(
      fixedBatchSize === 1
        ? "The model accepts one row per run (its batch dimension is fixed to 1): rows are scored one by one."
        : `The model accepts exactly ${fixedBatchSize} rows per run: rows are scored in groups of ${fixedBatchSize}, the last group padded.`,
    );
  }
  return { bytes: prepared, signature, plan, changes };
}
