import { OnnxModelError } from "./errors";
import { type ModelProto, onnx } from "./onnx-schema";

const EXPORT_HINT =
  "Export the model to ONNX (for example with skl2onnx, onnxmltools or torch.onnx.export) and upload the .onnx file itself.";

function sizeText(bytes: number): string {
  return bytes === 1 ? "1 byte" : `${bytes.toLocaleString("en-US")} bytes`;
}

/**
 * Decodes ONNX bytes into protobuf objects, or throws OnnxModelError (EMPTY_FILE, NOT_ONNX,
 * TRUNCATED, EXTERNAL_DATA) with a message that says what to do.
 */
export function decodeModel(bytes: Uint8Array): ModelProto {
  if (bytes.byteLength === 0) {
    throw new OnnxModelError("EMPTY_FILE", `The model file is empty (0 bytes). ${EXPORT_HINT}`);
  }
  let model: ModelProto;
  try {
    model = onnx.ModelProto.decode(bytes);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    // ONNX writers emit ir_version (field 1, varint) first, so a file that starts with that tag and
    // then runs past its end was cut off rather than being some other format.
    if (/index out of range/i.test(reason) && bytes[0] === 0x08) {
      throw new OnnxModelError(
        "TRUNCATED",
        `The model file ends too early (${sizeText(bytes.byteLength)}): it looks like an ONNX model cut off during upload or copying. Upload the complete .onnx file again.`,
        { bytes: bytes.byteLength },
      );
    }
    throw new OnnxModelError(
      "NOT_ONNX",
      `This file is not an ONNX model: its ${sizeText(bytes.byteLength)} are not an ONNX protobuf (${reason}). ${EXPORT_HINT}`,
      { bytes: bytes.byteLength },
    );
  }
  const graph = model.graph;
  if (!graph || ((graph.node?.length ?? 0) === 0 && (graph.output?.length ?? 0) === 0)) {
    throw new OnnxModelError(
      "NOT_ONNX",
      `This file is not an ONNX model: it decodes as protobuf but holds no graph (no nodes, no outputs). ${EXPORT_HINT}`,
      { bytes: bytes.byteLength },
    );
  }
  if (!model.irVersion || (model.opsetImport?.length ?? 0) === 0) {
    throw new OnnxModelError(
      "NOT_ONNX",
      `This file is not a complete ONNX model: it declares no IR version or no operator set. ${EXPORT_HINT}`,
      { bytes: bytes.byteLength },
    );
  }
  const external = (graph.initializer ?? []).find((t) => t.dataLocation === onnx.TensorProto.DataLocation.EXTERNAL);
  if (external) {
    const location = external.externalData?.find((e) => e.key === "location")?.value ?? "a separate file";
    throw new OnnxModelError(
      "EXTERNAL_DATA",
      `The model keeps its weights outside the .onnx file (tensor '${external.name ?? ""}' points to '${location}'). Save it as one self-contained file (in Python: onnx.save_model(model, path, save_as_external_data=False)) and upload that.`,
      { tensor: external.name ?? "" },
    );
  }
  return model;
}
