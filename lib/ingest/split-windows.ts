/**
 * Splitting a table into time windows by its timestamp column, in UTC:
 * - `day`: label `2026-05-14`, from midnight to midnight;
 * - `week`: ISO 8601 weeks, Monday 00:00 to the next Monday, label `2026-W20` (the ISO year, which
 *   differs from the calendar year around New Year: 2024-12-30 is in `2025-W01`);
 * - `month`: label `2026-05`, from the 1st to the 1st of the next month.
 * `end` is exclusive. Windows come in time order and only periods with rows appear. Rows keep
 * their file order inside a window. A row without a timestamp stops the split with its row number.
 */
import { convertColumn } from "./convert-column";
import { rowContext } from "./build-table";
import { IngestError } from "./ingest-error";
import { sliceTable } from "./slice-table";
import { type Table, findColumn, isNumericStorage } from "./table";

/** Window length. */
export type WindowPeriod = "day" | "week" | "month";

/** One window of a table. */
export interface TableWindow {
  /** "2026-05-14", "2026-W20" or "2026-05". */
  label: string;
  period: WindowPeriod;
  /** Start (inclusive) and end (exclusive), ms since 1970 UTC and ISO 8601. */
  startMs: number;
  endMs: number;
  start: string;
  end: string;
  /** Indices of the rows in this window, in file order. */
  rows: Int32Array;
}

const DAY = 86_400_000;

function pad(n: number, w = 2): string {
  return String(n).padStart(w, "0");
}

/** Start, end and label of the window containing `ms`. */
export function windowOf(ms: number, period: WindowPeriod): { startMs: number; endMs: number; label: string } {
  const day = Math.floor(ms / DAY);
  if (period === "day") {
    const d = new Date(day * DAY);
    return { startMs: day * DAY, endMs: (day + 1) * DAY, label: `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` };
  }
  if (period === "week") {
    // 1970-01-01 was a Thursday: (day + 3) mod 7 is days since Monday.
    const monday = day - ((((day + 3) % 7) + 7) % 7);
    const thursday = new Date((monday + 3) * DAY);
    const isoYear = thursday.getUTCFullYear();
    const jan1 = Date.UTC(isoYear, 0, 1) / DAY;
    const week = Math.floor((monday + 3 - jan1) / 7) + 1;
    return { startMs: monday * DAY, endMs: (monday + 7) * DAY, label: `${isoYear}-W${pad(week)}` };
  }
  const d = new Date(ms);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  return { startMs: Date.UTC(y, m, 1), endMs: Date.UTC(y, m + 1, 1), label: `${y}-${pad(m + 1)}` };
}

/** Windows of `table` by the timestamp column `column` (converted to datetime if it is text or Unix time). */
export function splitWindows(table: Table, column: string, period: WindowPeriod): TableWindow[] {
  const found = findColumn(table, column);
  if (found === undefined) {
    throw new IngestError({ code: "unknown_column", file: table.file, problem: `The timestamp column "${column}" is not in the file.`, fix: "Choose the column that holds the date and time of each row." });
  }
  const ctx = rowContext(table);
  const col = convertColumn(found, "datetime", ctx);
  if (!isNumericStorage(col)) throw new Error("unreachable: datetime columns are numeric");
  const n = col.values.length;
  const keyOf = new Float64Array(n);
  const counts = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const t = col.values[i] as number;
    if (Number.isNaN(t)) {
      throw new IngestError({ code: "missing_timestamp", file: table.file, row: ctx.rowNumber(i), column, problem: "This row has no timestamp, so it belongs to no window.", fix: "Give every row its date and time, or remove the row." });
    }
    const start = windowOf(t, period).startMs;
    keyOf[i] = start;
    counts.set(start, (counts.get(start) ?? 0) + 1);
  }
  const starts = [...counts.keys()].sort((a, b) => a - b);
  const windows = new Map<number, { w: TableWindow; fill: number }>();
  for (const s of starts) {
    const info = windowOf(s, period);
    windows.set(s, {
      w: { label: info.label, period, startMs: info.startMs, endMs: info.endMs, start: new Date(info.startMs).toISOString(), end: new Date(info.endMs).toISOString(), rows: new Int32Array(counts.get(s) as number) },
      fill: 0,
    });
  }
  for (let i = 0; i < n; i++) {
    const e = windows.get(keyOf[i] as number) as { w: TableWindow; fill: number };
    e.w.rows[e.fill++] = i;
  }
  return starts.map((s) => (windows.get(s) as { w: TableWindow }).w);
}

/** The table of one window (see {@link sliceTable}). */
export function windowTable(table: Table, window: Pick<TableWindow, "rows">): Table {
  return sliceTable(table, window.rows);
}
