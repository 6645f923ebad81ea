// A table as CSV (RFC 4180): what a "Download CSV" button saves. Pure.
import type { TableCell, TableData } from "@/lib/contracts/chart";

/** The value a cell contributes to the CSV: the stored value, not the rounded text. */
export function cellValue(cell: TableCell): string | number | null {
  return cell !== null && typeof cell === "object" ? cell.value : cell;
}

/** The text a cell shows on the page. */
export function cellText(cell: TableCell): string {
  if (cell === null) return "–";
  if (typeof cell === "object") return cell.text;
  return typeof cell === "number" ? String(cell) : cell;
}

function field(value: string | number | null): string {
  if (value === null) return "";
  const text = typeof value === "number" ? (Number.isFinite(value) ? String(value) : "") : value;
  // A leading =, +, - or @ would run as a formula in a spreadsheet (CSV injection); a quote makes it text.
  const safe = typeof value === "string" && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) || safe !== text ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function headerLabel(column: { label: string; unit?: string }): string {
  return column.unit ? `${column.label} (${column.unit})` : column.label;
}

export function tableToCsv(table: TableData): string {
  const lines = [table.columns.map((c) => field(headerLabel(c))).join(",")];
  for (const row of table.rows) lines.push(row.map((c) => field(cellValue(c))).join(","));
  return `${lines.join("\r\n")}\r\n`;
}

/** A file name from a title: lower case, words joined by hyphens, ".csv". */
export function csvFileName(title: string): string {
  const base = title
    .normalize("NFKD")
    .replace(/[^\w\s-]/g, "")
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, "-")
    .slice(0, 80);
  return `${base || "table"}.csv`;
}
