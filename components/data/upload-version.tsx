"use client";

import { FileUpload } from "./file-upload";

export function UploadVersion({ modelId }: { modelId: string }) {
  return (
    <FileUpload
      label="Model file (.onnx)"
      hint="Export your model to ONNX (skl2onnx, onnxmltools, torch.onnx). Sightline reads it and runs it on one test row before accepting it."
      accept=".onnx"
      endpoint={`/api/v1/models/${modelId}/versions`}
      buttonText="Upload version"
      onDone={(body) => {
        const created = body as { version?: number; requiredColumns?: string[] };
        return `Version ${created.version ?? "?"} was accepted. It reads these columns: ${(created.requiredColumns ?? []).join(", ")}.`;
      }}
    />
  );
}
