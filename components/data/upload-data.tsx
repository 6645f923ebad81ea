"use client";

import { useState } from "react";
import type { JobView } from "@/lib/db/jobs";
import { inputClass } from "../ui/field";
import { FileUpload } from "./file-upload";
import { JobProgress } from "./job-progress";

type Kind = "reference" | "production" | "labels";

const KINDS: { value: Kind; label: string; hint: string }[] = [
  { value: "reference", label: "Reference data", hint: "The data the model was tested on before it went live, with the true outcome of each row. New data is compared with it." },
  { value: "production", label: "New data (a batch of recent cases)", hint: "Recent cases the model saw. With a date column, Sightline can split the file into days, weeks or months." },
  { value: "labels", label: "Late outcomes (labels)", hint: "A file with each row's id and its true outcome, for cases uploaded earlier without one." },
];

interface Accepted {
  jobId?: string;
  rows?: number;
  matchedRows?: number;
  windows?: string[];
  roles?: { label?: string; id?: string; timestamp?: string };
}

export function UploadData({ modelId, hasReference, recentJobs }: { modelId: string; hasReference: boolean; recentJobs: JobView[] }) {
  const [kind, setKind] = useState<Kind>(hasReference ? "production" : "reference");
  const [splitBy, setSplitBy] = useState("month");
  const [jobs, setJobs] = useState<string[]>([]);
  const chosen = KINDS.find((k) => k.value === kind)!;
  const endpoint =
    kind === "labels"
      ? `/api/v1/models/${modelId}/labels`
      : `/api/v1/models/${modelId}/data?kind=${kind}${kind === "production" ? `&splitBy=${splitBy}` : ""}`;
  const shownJobs = [...jobs, ...recentJobs.map((j) => j.id).filter((id) => !jobs.includes(id))].slice(0, 4);
  return (
    <div className="space-y-4">
      <div className="grid gap-3 sm:grid-cols-2">
        <div>
          <label htmlFor="data-kind" className="block text-sm font-medium text-slate-800">
            What are you uploading?
          </label>
          <select id="data-kind" value={kind} onChange={(e) => setKind(e.target.value as Kind)} className={`mt-1 ${inputClass}`}>
            {KINDS.map((k) => (
              <option key={k.value} value={k.value} disabled={k.value !== "reference" && !hasReference}>
                {k.label}
                {k.value !== "reference" && !hasReference ? " (upload reference data first)" : ""}
              </option>
            ))}
          </select>
          <p className="mt-1 text-xs text-slate-500">{chosen.hint}</p>
        </div>
        {kind === "production" ? (
          <div>
            <label htmlFor="split-by" className="block text-sm font-medium text-slate-800">
              Split into periods by its date column
            </label>
            <select id="split-by" value={splitBy} onChange={(e) => setSplitBy(e.target.value)} className={`mt-1 ${inputClass}`}>
              <option value="none">No: the file is one batch</option>
              <option value="day">By day</option>
              <option value="week">By week (Monday to Sunday, UTC)</option>
              <option value="month">By month (UTC)</option>
            </select>
          </div>
        ) : null}
      </div>
      <FileUpload
        key={endpoint}
        label="File (CSV, Parquet or JSON rows)"
        hint="Up to the upload limit (200 MB by default). Nothing is saved if the file has a problem: you get a message saying what to fix."
        accept=".csv,.tsv,.txt,.parquet,.json"
        endpoint={endpoint}
        buttonText="Upload and evaluate"
        onDone={(body) => {
          const accepted = body as Accepted;
          if (accepted.jobId) setJobs((list) => [accepted.jobId!, ...list]);
          if (kind === "labels") return `Labels matched ${accepted.matchedRows ?? 0} rows in ${accepted.windows?.length ?? 0} period(s). Evaluating again…`;
          const roles = accepted.roles ?? {};
          const found = [roles.label ? `outcome "${roles.label}"` : null, roles.id ? `id "${roles.id}"` : null, roles.timestamp ? `date "${roles.timestamp}"` : null].filter(Boolean);
          return `${(accepted.rows ?? 0).toLocaleString("en-US")} rows accepted${accepted.windows && accepted.windows.length > 1 ? ` in ${accepted.windows.length} periods` : ""}. Columns used: ${found.length ? found.join(", ") : "none special"}. Scoring and evaluating now.`;
        }}
      />
      {shownJobs.length > 0 ? (
        <div className="space-y-2">
          <h3 className="text-sm font-semibold">Recent uploads</h3>
          {shownJobs.map((id) => (
            <JobProgress key={id} jobId={id} initial={recentJobs.find((j) => j.id === id)} canControl />
          ))}
        </div>
      ) : null}
    </div>
  );
}
