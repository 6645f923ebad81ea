"use client";

import { useId, useState } from "react";
import { columnOrderFromText } from "@/lib/contracts/input-mapping";
import { mappingProposedWords } from "@/lib/narrative/input-mapping-words";
import { inputClass } from "../ui/field";
import { FileUpload } from "./file-upload";

function queryOf(text: string): string {
  const { featureNames, inputMapping } = columnOrderFromText(text);
  if (inputMapping) return `?inputMapping=${encodeURIComponent(JSON.stringify(inputMapping))}`;
  if (featureNames?.length) return `?featureNames=${encodeURIComponent(featureNames.join(","))}`;
  return "";
}

export function UploadVersion({ modelId }: { modelId: string }) {
  const id = useId();
  const [columnOrder, setColumnOrder] = useState("");
  return (
    <div className="space-y-3">
      <FileUpload
        label="Model file (.onnx)"
        hint="Export your model to ONNX (skl2onnx, onnxmltools, torch.onnx). Sightline reads it and runs it on a few test rows before accepting it."
        accept=".onnx"
        endpoint={`/api/v1/models/${modelId}/versions${queryOf(columnOrder)}`}
        buttonText="Upload version"
        onDone={(body) => {
          const created = body as { version?: number; inputMapping?: Record<string, unknown> };
          return mappingProposedWords(created.version ?? 0, Object.keys(created.inputMapping ?? {}).length || 1);
        }}
      />
      <details className="text-sm">
        <summary className="cursor-pointer text-slate-700">The model does not name its columns, or has several inputs?</summary>
        <div className="mt-2 max-w-xl">
          <label htmlFor={`${id}-order`} className="block text-sm font-medium text-slate-800">
            Column order (optional)
          </label>
          <textarea
            id={`${id}-order`}
            data-testid="column-order"
            rows={3}
            className={`mt-1 ${inputClass}`}
            placeholder={"age, income, tenure_months\nor one line per model input:\nnumbers: age, income\nregion: region_code"}
            value={columnOrder}
            onChange={(e) => setColumnOrder(e.target.value)}
            aria-describedby={`${id}-order-hint`}
          />
          <p id={`${id}-order-hint`} className="mt-1 text-xs text-slate-500">
            For a model with one table input, list your columns in the order the model expects, split by commas. For a model with several
            inputs, write one line per input: its name, a colon, then its columns. Sightline proposes the rest; you can change it on the
            version page until you send the version for review.
          </p>
        </div>
      </details>
    </div>
  );
}
