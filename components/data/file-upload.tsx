"use client";

import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import { Button } from "../ui/button";
import { Notice } from "../ui/notice";
import type { ApiFailure } from "./job-queries";


/**
 * Sends one file as the raw body of a POST (streamed by the browser, not buffered by us) and reports
 * the server's answer: its message on failure, `onDone` with the JSON on success.
 */
export function FileUpload({
  label,
  hint,
  accept,
  endpoint,
  buttonText,
  onDone,
  options,
  refusal,
}: {
  /** when set, the upload does not start and this is shown instead (a choice in `options` is not valid yet) */
  refusal?: string | null;
  /** choices that go with the file, shown between it and the button */
  options?: React.ReactNode;
  label: string;
  hint: string;
  accept: string;
  /** URL without the `file` query parameter; it may hold others */
  endpoint: string;
  buttonText: string;
  onDone?: (body: unknown) => string | void;
}) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const router = useRouter();
  const [state, setState] = useState<{ kind: "idle" } | { kind: "busy"; name: string } | { kind: "error" | "done"; message: string }>({ kind: "idle" });

  async function upload() {
    if (refusal) {
      setState({ kind: "error", message: refusal });
      return;
    }
    const file = input.current?.files?.[0];
    if (!file) {
      setState({ kind: "error", message: "Choose a file first." });
      return;
    }
    setState({ kind: "busy", name: file.name });
    const url = `${endpoint}${endpoint.includes("?") ? "&" : "?"}file=${encodeURIComponent(file.name)}`;
    try {
      const response = await fetch(url, { method: "POST", body: file, headers: { "Content-Type": file.type || "application/octet-stream" } });
      const body = (await response.json().catch(() => ({}))) as ApiFailure;
      if (!response.ok) {
        setState({ kind: "error", message: body.error?.message ?? `The upload failed (HTTP ${response.status}). Try again.` });
        return;
      }
      const message = onDone?.(body) ?? `${file.name} was uploaded.`;
      setState({ kind: "done", message });
      if (input.current) input.current.value = "";
      router.refresh();
    } catch {
      setState({ kind: "error", message: "The connection to Sightline broke during the upload. Check your network and try again." });
    }
  }

  return (
    <div className="space-y-3">
      <div>
        <label htmlFor={id} className="block text-sm font-medium text-slate-800">
          {label}
        </label>
        <input ref={input} id={id} type="file" accept={accept}
          className="mt-1 block w-full text-sm text-slate-700 file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium hover:file:bg-slate-50" />
        <p className="mt-1 text-xs text-slate-500">{hint}</p>
      </div>
      {options}
      <Button type="button" onClick={() => void upload()} disabled={state.kind === "busy"}>
        {state.kind === "busy" ? `Uploading ${state.name}…` : buttonText}
      </Button>
      {state.kind === "error" ? <Notice tone="error">{state.message}</Notice> : null}
      {state.kind === "done" ? <Notice tone="success">{state.message}</Notice> : null}
    </div>
  );
}
