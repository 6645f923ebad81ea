// Small tables from plain arrays, for the evaluation tests.
import type { Column, Table } from "@/lib/ingest/table";

export type Cells = readonly (number | null)[] | readonly (string | null)[];

/** A table from plain arrays: numbers (null = missing) become numeric columns, text becomes categories. */
export function makeTable(columns: Record<string, Cells | Column>): Table {
  const built: Column[] = [];
  let rows = 0;
  for (const [name, cells] of Object.entries(columns)) {
    if (!Array.isArray(cells)) {
      const column = cells as Column;
      built.push({ ...column, name });
      rows = "values" in column ? column.values.length : column.codes.length;
      continue;
    }
    rows = cells.length;
    if (cells.some((c) => typeof c === "string")) {
      const dictionary: string[] = [];
      const codes = Int32Array.from(cells as (string | null)[], (c) => {
        if (c === null) return -1;
        let i = dictionary.indexOf(c);
        if (i < 0) i = dictionary.push(c) - 1;
        return i;
      });
      built.push({ name, kind: "categorical", codes, dictionary });
    } else {
      built.push({ name, kind: "numeric", values: Float64Array.from(cells as (number | null)[], (c) => (c === null ? Number.NaN : c)) });
    }
  }
  return { file: "test.csv", format: "csv", rowCount: rows, firstRowNumber: 2, columns: built };
}

export const range = <T = number>(n: number, f: (i: number) => T = ((i: number) => i) as (i: number) => T): T[] => Array.from({ length: n }, (_, i) => f(i));
