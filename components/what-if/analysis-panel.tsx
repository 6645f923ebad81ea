"use client";
// One collapsible panel of the what-if page's analysis: a native <details> (keyboard and screen-reader friendly);
// its body renders only while open, so a closed panel costs nothing (no batch, no chart library).
import { useState, type ReactNode } from "react";

export function AnalysisPanel({ title, testId, children }: { title: string; testId: string; children: () => ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="min-w-0 rounded-lg border border-slate-200 bg-white shadow-sm" onToggle={(e) => setOpen(e.currentTarget.open)} data-testid={testId}>
      <summary className="cursor-pointer rounded-lg px-5 py-3 hover:bg-slate-50">
        <h3 className="inline font-semibold text-slate-900">{title}</h3>
      </summary>
      {open ? <div className="min-w-0 border-t border-slate-200 px-5 pb-5 pt-3">{children()}</div> : null}
    </details>
  );
}
