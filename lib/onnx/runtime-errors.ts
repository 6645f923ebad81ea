import { OnnxModelError } from "./errors";

/** onnxruntime-web prefixes its messages with "Can't create a session. ERROR_CODE: 1, ERROR_MESSAGE: ". */
export function runtimeMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/^.*?ERROR_MESSAGE:\s*/s, "").trim();
}

/** Translates a failure of `InferenceSession.create` into an OnnxModelError that says what to do. */
export function loadError(error: unknown): OnnxModelError {
  if (error instanceof OnnxModelError) return error;
  const message = runtimeMessage(error);
  const noKernel =
    /(?:No Op registered for|Could not find an implementation for) (\w+)(?:\((\d+)\))?(?: with domain_version of (\d+))?/.exec(message) ??
    /(?:[\w.]*:)?(\w+)\((-?\d+)\) is not a registered function\/op/.exec(message);
  if (noKernel) {
    const op = noKernel[1] ?? "an operator";
    const version = noKernel[2] ?? noKernel[3];
    const opset = version && !version.startsWith("-") ? ` (opset ${version})` : "";
    return new OnnxModelError(
      "MODEL_LOAD_FAILED",
      `The model uses the operator ${op}${opset}, which onnxruntime-web 1.30 cannot run (${message}). Re-export the model with an operator set it supports (for scikit-learn: skl2onnx with a lower target_opset), or without that operator.`,
      { operator: op, runtime: message },
    );
  }
  if (/opset|ir version|IR_VERSION/i.test(message) && /unsupported|not supported|too new|higher/i.test(message)) {
    return new OnnxModelError(
      "MODEL_LOAD_FAILED",
      `The model was exported for a newer ONNX version than onnxruntime-web 1.30 runs (${message}). Re-export it with a lower target opset.`,
      { runtime: message },
    );
  }
  return new OnnxModelError(
    "MODEL_LOAD_FAILED",
    `onnxruntime-web could not load the model: ${message}. Check that the file loads in onnxruntime (Python: onnxruntime.InferenceSession(path)) and export it again.`,
    { runtime: message },
  );
}

/** Translates a failure of `session.run` on rows [start, end) into an OnnxModelError. */
export function runError(error: unknown, start: number, end: number): OnnxModelError {
  if (error instanceof OnnxModelError) return error;
  const message = runtimeMessage(error);
  const rows = end - start === 1 ? `row ${start + 1}` : `rows ${start + 1} to ${end}`;
  let advice = "Check that the data matches what the model was trained on, or export the model again.";
  if (/broadcast|incompatible dimensions|dimension mismatch|K dimension|MatMul|Gemm/i.test(message)) {
    // The model file does not declare how many values per row an input takes, and the mapping gave another count.
    advice =
      "The model may need a different number of columns than the mapping gives for one of its inputs. Check the mapping on the version page (each input needs exactly the columns the model was trained on, in order), or export the model with its real input shapes.";
  } else if (/invalid dimensions|invalid rank|shape/i.test(message)) {
    advice = "The model expects differently shaped inputs than its declaration says; export it with its real input shapes ([N, F] or [N, 1] per column).";
  } else if (/Unexpected input data type|type/i.test(message)) {
    advice = "The model expects a different input type than it declares; export it with the input types it really uses.";
  }
  return new OnnxModelError("RUN_FAILED", `onnxruntime-web failed while scoring ${rows}: ${message}. ${advice}`, { runtime: message, start, end });
}
