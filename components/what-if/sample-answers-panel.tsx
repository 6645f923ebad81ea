"use client";
// The example rows with the model's answers, scored in this browser and saved as a CSV file: nothing is sent to
// the server (the file is made from a Blob in the page).
import { useState } from "react";
import { WHATIF_ANALYSIS_WORDS, sampleAnswersDone } from "@/lib/narrative";
import { casesToColumns } from "@/lib/what-if/batch";
import { sampleAnswersTable } from "@/lib/what-if/sample-answers";
import type { AnalysisContext } from "./analysis-context";

function fileName(modelName: string, version: number): string {
  const slug = modelName.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "model";
  return `${slug}-v${version}-example-answers.csv`;
}

export function SampleAnswersPanel({ context }: { context: AnalysisContext }) {
  const { setup, scoreBatch } = context;
  const [state, setState] = useState<{ kind: "idle" } | { kind: "busy" } | { kind: "done"; rows: number } | { kind: "failed"; message: string }>({ kind: "idle" });
  const rows = setup.sample?.rows ?? [];

  async function download() {
    setState({ kind: "busy" });
    try {
      const answer = await scoreBatch(casesToColumns(setup.features, rows));
      const table = sampleAnswersTable(setup.features, rows, answer.outputs, { task: setup.task, positiveLabel: setup.positiveLabel, threshold: setup.decisionThreshold, rawScore: setup.rawScore === true });
      const { default: Papa } = await import("papaparse");
      const csv = `${Papa.unparse([table.header, ...table.rows], { newline: "\r\n", escapeFormulae: false })}\r\n`;
      const url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
      const link = document.createElement("a");
      link.href = url;
      link.download = fileName(setup.modelName, setup.version);
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setState({ kind: "done", rows: table.rows.length });
    } catch (e) {
      setState({ kind: "failed", message: e instanceof Error ? e.message : String(e) });
    }
  }

  if (rows.length === 0) return <p className="text-sm text-slate-700">{WHATIF_ANALYSIS_WORDS.answersNoRows}</p>;
  return (
    <div className="space-y-3" data-testid="whatif-answers">
      <p className="text-sm text-slate-800">{WHATIF_ANALYSIS_WORDS.answersLead}</p>
      <button
        type="button"
        onClick={() => void download()}
        disabled={state.kind === "busy"}
        className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-60"
        data-testid="whatif-answers-download"
      >
        {state.kind === "busy" ? WHATIF_ANALYSIS_WORDS.pdpWorking : WHATIF_ANALYSIS_WORDS.answersDownload}
      </button>
      {state.kind === "done" ? (
        <p role="status" className="text-sm text-slate-700">
          {sampleAnswersDone(state.rows)}
        </p>
      ) : null}
      {state.kind === "failed" ? <p className="text-sm text-red-800">{state.message}</p> : null}
    </div>
  );
}
