"use client";

import { useState } from "react";
import { Field } from "../ui/field";
import { FileUpload } from "./file-upload";

export function UploadVersion({ modelId }: { modelId: string }) {
  const [featureNames, setFeatureNames] = useState("");
  const extra = featureNames.trim() ? `?featureNames=${encodeURIComponent(featureNames.trim())}` : "";
  return (
    <div className="space-y-3">
      <FileUpload
        label="Model file (.onnx)"
        hint="Export your model to ONNX (skl2onnx, onnxmltools, torch.onnx). Sightline reads it and runs it on one test row before accepting it."
        accept=".onnx"
        endpoint={`/api/v1/models/${modelId}/versions${extra}`}
        buttonText="Upload version"
        onDone={(body) => {
          const created = body as { version?: number; requiredColumns?: string[] };
          return `Version ${created.version ?? "?"} was accepted. It reads these columns: ${(created.requiredColumns ?? []).join(", ")}.`;
        }}
      />
      <details className="text-sm">
        <summary className="cursor-pointer text-slate-700">The model takes one table of numbers without column names?</summary>
        <div className="mt-2 max-w-xl">
          <Field
            id="feature-names"
            label="Column order (optional)"
            placeholder="age, income, tenure_months"
            value={featureNames}
            onChange={(e) => setFeatureNames(e.target.value)}
            hint="Only for a model with a single [rows × columns] input that does not name its columns: list your data's columns in the order the model expects, separated by commas."
          />
        </div>
      </details>
    </div>
  );
}
