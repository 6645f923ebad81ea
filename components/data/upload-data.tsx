"use client";

import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import type { JobView } from "@/lib/contracts/job-view";
import type { UploadPreview } from "@/lib/contracts/upload-preview";
import { Button } from "../ui/button";
import { inputClass } from "../ui/field";
import { Notice } from "../ui/notice";
import { JobProgress } from "./job-progress";
import { Providers } from "../providers";
import type { ApiFailure } from "./job-queries";

type Kind = "reference" | "production" | "labels";
type RoleKey = "label" | "id" | "timestamp";

const KINDS: { value: Kind; label: string; hint: string }[] = [
  { value: "reference", label: "Reference data", hint: "The data the model was tested on before it went live, with the true outcome of each row. New data is compared with it." },
  { value: "production", label: "New data (a batch of recent cases)", hint: "Recent cases the model saw. With a date column, Sightline can split the file into days, weeks or months." },
  { value: "labels", label: "Late outcomes (labels)", hint: "A file with each row's id and its true outcome, for cases uploaded earlier without one." },
];

const ROLE_TEXT: Record<RoleKey, { label: string; hint: string }> = {
  label: { label: "True outcome", hint: "What really happened for each row." },
  id: { label: "Row id", hint: "Lets late outcomes be matched to rows." },
  timestamp: { label: "Date", hint: "Used to split the file into periods." },
};

interface Accepted {
  jobId?: string;
  rows?: number;
  matchedRows?: number;
  windows?: string[];
}

async function post(url: string, file: File): Promise<{ ok: true; body: unknown } | { ok: false; message: string }> {
  try {
    const response = await fetch(url, { method: "POST", body: file, headers: { "Content-Type": file.type || "application/octet-stream" } });
    const body: unknown = await response.json().catch(() => ({}));
    if (!response.ok) return { ok: false, message: (body as ApiFailure).error?.message ?? `The upload failed (HTTP ${response.status}). Try again.` };
    return { ok: true, body };
  } catch {
    return { ok: false, message: "The connection to Sightline broke during the upload. Check your network and try again." };
  }
}

export function UploadData({ modelId, hasReference, recentJobs }: { modelId: string; hasReference: boolean; recentJobs: JobView[] }) {
  const fileId = useId();
  const input = useRef<HTMLInputElement>(null);
  const router = useRouter();
  const [kind, setKind] = useState<Kind>(hasReference ? "production" : "reference");
  const [splitBy, setSplitBy] = useState("month");
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [preview, setPreview] = useState<UploadPreview | null>(null);
  const [roles, setRoles] = useState<Partial<Record<RoleKey, string>>>({});
  const [firstRowIsData, setFirstRowIsData] = useState(false);
  const [jobs, setJobs] = useState<string[]>([]);
  const chosen = KINDS.find((k) => k.value === kind)!;

  const reset = () => {
    setPreview(null);
    setError(null);
    setDone(null);
  };
  const file = () => input.current?.files?.[0];
  // Every role the person has seen is sent, "none" included (the server then guesses nothing for it).
  const roleQuery = () =>
    Object.entries(roles)
      .filter(([, v]) => v)
      .map(([k, v]) => `&${k}=${encodeURIComponent(v!)}`)
      .join("");
  const dataUrl = (f: File, extra: string) =>
    `/api/v1/models/${modelId}/data?kind=${kind}&file=${encodeURIComponent(f.name)}${kind === "production" ? `&splitBy=${splitBy}` : ""}${firstRowIsData ? "&header=none" : ""}${extra}`;

  async function check() {
    const f = file();
    if (!f) return setError("Choose a file first.");
    reset();
    setBusy(`Checking ${f.name}…`);
    // A second check keeps the columns chosen after the first.
    const result = await post(dataUrl(f, `&preview=1${preview ? roleQuery() : ""}`), f);
    setBusy(null);
    if (!result.ok) return setError(result.message);
    const p = result.body as UploadPreview;
    setPreview(p);
    setRoles({ label: p.roles.label ?? "none", id: p.roles.id ?? "none", timestamp: p.roles.timestamp ?? "none" });
  }

  async function upload() {
    const f = file();
    if (!f) return setError("Choose a file first.");
    setError(null);
    setBusy(`Uploading ${f.name}…`);
    const url = kind === "labels" ? `/api/v1/models/${modelId}/labels?file=${encodeURIComponent(f.name)}` : dataUrl(f, roleQuery());
    const result = await post(url, f);
    setBusy(null);
    if (!result.ok) return setError(result.message);
    const accepted = result.body as Accepted;
    if (accepted.jobId) setJobs((list) => [accepted.jobId!, ...list]);
    setPreview(null);
    setDone(
      kind === "labels"
        ? `Outcomes matched ${(accepted.matchedRows ?? 0).toLocaleString("en-US")} rows in ${accepted.windows?.length ?? 0} period(s). Evaluating again…`
        : `${(accepted.rows ?? 0).toLocaleString("en-US")} rows accepted${accepted.windows && accepted.windows.length > 1 ? ` in ${accepted.windows.length} periods` : ""}. Scoring and evaluating now.`,
    );
    if (input.current) input.current.value = "";
    router.refresh();
  }

  const shownJobs = [...jobs, ...recentJobs.map((j) => j.id).filter((id) => !jobs.includes(id))].slice(0, 4);
  const roleKeys: RoleKey[] = kind === "production" ? ["label", "id", "timestamp"] : ["label", "id"];
  return (
    <div className="space-y-4">
      <div className="grid gap-3 sm:grid-cols-2">
        <div>
          <label htmlFor="data-kind" className="block text-sm font-medium text-slate-800">
            What are you uploading?
          </label>
          <select id="data-kind" value={kind} onChange={(e) => { setKind(e.target.value as Kind); reset(); }} className={`mt-1 ${inputClass}`}>
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
            <select id="split-by" value={splitBy} onChange={(e) => { setSplitBy(e.target.value); reset(); }} className={`mt-1 ${inputClass}`}>
              <option value="none">No: the file is one batch</option>
              <option value="day">By day</option>
              <option value="week">By week (Monday to Sunday, UTC)</option>
              <option value="month">By month (UTC)</option>
            </select>
          </div>
        ) : null}
      </div>
      <div>
        <label htmlFor={fileId} className="block text-sm font-medium text-slate-800">
          File (CSV, Parquet or JSON rows)
        </label>
        <input ref={input} id={fileId} type="file" accept=".csv,.tsv,.txt,.parquet,.json" onChange={reset}
          className="mt-1 block w-full text-sm text-slate-700 file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium hover:file:bg-slate-50" />
        <p className="mt-1 text-xs text-slate-500">
          Up to the upload limit (200 MB by default). Nothing is saved if the file has a problem: you get a message saying what to fix.
        </p>
        {kind !== "labels" ? (
          <label className="mt-2 flex items-center gap-2 text-sm text-slate-800">
            <input type="checkbox" checked={firstRowIsData} onChange={(e) => { setFirstRowIsData(e.target.checked); reset(); }} />
            First row is data (the file has no column names; columns are then called column_1, column_2, …)
          </label>
        ) : null}
      </div>
      {kind === "labels" ? (
        <Button type="button" onClick={() => void upload()} disabled={busy !== null}>
          {busy ?? "Upload outcomes"}
        </Button>
      ) : !preview ? (
        <Button type="button" onClick={() => void check()} disabled={busy !== null}>
          {busy ?? "Check file"}
        </Button>
      ) : (
        <div className="space-y-3 rounded-md border border-sky-200 bg-sky-50 p-4" data-testid="upload-preview">
          <p className="text-sm text-slate-800">
            <span className="font-medium">{preview.rows.toLocaleString("en-US")} rows</span> and {preview.columns.length} columns
            {preview.windows.length > 1 ? `, in ${preview.windows.length} periods (${preview.windows[0]} to ${preview.windows[preview.windows.length - 1]})` : ""}. Check the columns
            Sightline will use, then upload.
          </p>
          <div className="grid gap-3 sm:grid-cols-3">
            {roleKeys.map((key) => (
              <div key={key}>
                <label htmlFor={`role-${key}`} className="block text-sm font-medium text-slate-800">
                  {ROLE_TEXT[key].label}
                </label>
                <select id={`role-${key}`} value={roles[key] ?? ""} onChange={(e) => setRoles((r) => ({ ...r, [key]: e.target.value || undefined }))} className={`mt-1 ${inputClass}`}>
                  <option value="none">None</option>
                  {preview.columns.map((c) => (
                    <option key={c.name} value={c.name}>
                      {c.name} ({c.kind})
                    </option>
                  ))}
                </select>
                <p className="mt-1 text-xs text-slate-500">{preview.reasons[key] && roles[key] === preview.roles[key] ? `Detected: ${preview.reasons[key]}.` : ROLE_TEXT[key].hint}</p>
              </div>
            ))}
          </div>
          {preview.problems.length ? (
            <ul className="list-disc pl-5 text-sm text-red-800" role="alert" data-testid="upload-problems">
              {preview.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          ) : null}
          {preview.warnings.length ? (
            <ul className="list-disc pl-5 text-xs text-amber-900">
              {preview.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          ) : null}
          <div className="flex flex-wrap gap-2">
            <Button type="button" onClick={() => void upload()} disabled={busy !== null || preview.problems.length > 0}>
              {busy ?? "Upload and evaluate"}
            </Button>
            <Button type="button" variant="secondary" onClick={() => void check()} disabled={busy !== null}>
              Check again with these columns
            </Button>
            <Button type="button" variant="secondary" onClick={reset} disabled={busy !== null}>
              Start over
            </Button>
          </div>
        </div>
      )}
      {error ? <Notice tone="error">{error}</Notice> : null}
      {done ? <Notice tone="success">{done}</Notice> : null}
      {shownJobs.length > 0 ? (
        <div className="space-y-2">
          <h3 className="text-sm font-semibold">Recent uploads</h3>
          {/* TanStack Query ships only with the upload panel, the one place that polls (not with every page). */}
          <Providers>
            {shownJobs.map((id) => (
              <JobProgress key={id} jobId={id} initial={recentJobs.find((j) => j.id === id)} canControl />
            ))}
          </Providers>
        </div>
      ) : null}
    </div>
  );
}
