import type { ReactNode } from "react";

/** A white panel. `flush` drops the inner padding (for tables and lists that run edge to edge). */
export function Card({ children, className = "", flush = false }: { children: ReactNode; className?: string; flush?: boolean }) {
  return (
    <section className={`min-w-0 rounded-lg border border-slate-200 bg-white shadow-sm ${flush ? "" : "p-5"} ${className}`}>{children}</section>
  );
}

export function PageTitle({ title, lead, children }: { title: string; lead?: ReactNode; children?: ReactNode }) {
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-3">
      <div className="min-w-0">
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{title}</h1>
        {lead ? <p className="mt-1 max-w-2xl text-slate-600">{lead}</p> : null}
      </div>
      {children}
    </div>
  );
}
