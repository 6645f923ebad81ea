// The data-quality page's tables, built on the server from the stored section, with every number formatted at the
// precision the page shows (the CSV gets the stored numbers). No React, no I/O.
import type { TableData } from "@/lib/contracts/chart";
import type { DataQualitySection } from "@/lib/contracts/snapshot-types";
import { formatCount, formatPercent, formatScore } from "@/lib/narrative";

export function missingTable(section: DataQualitySection): TableData {
  const rows = [...section.missing].sort((a, b) => b.share - a.share || (a.column < b.column ? -1 : 1));
  return {
    columns: [{ label: "Column" }, { label: "Missing values", numeric: true }, { label: "Share missing", unit: "%", numeric: true }],
    rows: rows.map((m) => [m.column, { text: formatCount(m.count), value: m.count }, { text: formatPercent(m.share), value: m.share }]),
    rowKeys: rows.map((m) => m.column),
  };
}

export function classBalanceTable(balance: NonNullable<DataQualitySection["classBalance"]>): TableData {
  return {
    columns: [{ label: "True outcome" }, { label: "Rows", numeric: true }, { label: "Share", unit: "%", numeric: true }],
    rows: balance.map((b) => [b.label, { text: formatCount(b.count), value: b.count }, { text: formatPercent(b.share), value: b.share }]),
    rowKeys: balance.map((b) => b.label),
  };
}

function points(change: number): string {
  const text = Math.abs(change).toFixed(1);
  if (Number(text) === 0) return "0 points";
  return `${change > 0 ? "+" : "−"}${text} points`;
}

export function groupSharesTable(shares: DataQualitySection["groupShares"]): TableData {
  return {
    columns: [{ label: "Group" }, { label: "Share now", unit: "%", numeric: true }, { label: "Share in the reference data", unit: "%", numeric: true }, { label: "Change", unit: "percentage points", numeric: true }],
    rows: shares.map((g) => [
      `${g.column} = ${g.group}`,
      { text: formatPercent(g.share, [g.referenceShare]), value: g.share },
      { text: formatPercent(g.referenceShare, [g.share]), value: g.referenceShare },
      { text: points(g.changePoints), value: g.changePoints },
    ]),
    rowKeys: shares.map((g) => `${g.column}=${g.group}`),
  };
}

export function leakageTable(leakage: DataQualitySection["leakage"]): TableData {
  return {
    columns: [{ label: "Column" }, { label: "Measure" }, { label: "Score", numeric: true }],
    rows: leakage.map((l) => [l.column, l.method === "roc_auc" ? "ROC AUC" : "Spearman", { text: l.method === "roc_auc" ? formatPercent(l.score, [0.98]) : formatScore(l.score, [0.98, -0.98]), value: l.score }]),
    rowKeys: leakage.map((l) => l.column),
  };
}

export function provenanceTable(p: NonNullable<DataQualitySection["provenance"]>): TableData {
  return {
    columns: [{ label: "What" }, { label: "Value" }],
    rows: [
      ["File", p.fileName],
      ["Rows", { text: formatCount(p.rows), value: p.rows }],
      ["Sent by", p.uploadedBy ?? "unknown"],
      ["Sent at (UTC)", { text: p.uploadedAt.replace("T", " ").replace(/\.\d+Z$/, "").replace(/Z$/, ""), value: p.uploadedAt }],
      ["SHA-256 fingerprint", p.sha256],
    ],
    rowKeys: ["file", "rows", "by", "at", "sha256"],
  };
}
