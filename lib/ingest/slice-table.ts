/**
 * A table restricted to some rows, in the order given. Column buffers are copied (a window is a
 * fraction of the file); dictionaries are shared. Row numbers follow the rows, so errors found in
 * a slice still point at the right line of the original file.
 */
import { type Column, type Table, isNumericStorage, rowNumberOf } from "./table";

/** The rows `rows` (data row indices) of `table`. */
export function sliceTable(table: Table, rows: Int32Array): Table {
  const n = rows.length;
  const columns: Column[] = table.columns.map((c) => {
    if (isNumericStorage(c)) {
      const values = new Float64Array(n);
      for (let i = 0; i < n; i++) values[i] = c.values[rows[i] as number] as number;
      return { ...c, values };
    }
    const codes = new Int32Array(n);
    for (let i = 0; i < n; i++) codes[i] = c.codes[rows[i] as number] as number;
    return { ...c, codes };
  });
  const rowNumbers = new Int32Array(n);
  for (let i = 0; i < n; i++) rowNumbers[i] = rowNumberOf(table, rows[i] as number);
  return { file: table.file, format: table.format, rowCount: n, columns, firstRowNumber: rowNumbers[0] ?? table.firstRowNumber, rowNumbers };
}

/** Indices of the rows where `column` has a value (e.g. the labelled rows). */
export function rowsWithValue(column: Column): Int32Array {
  const n = isNumericStorage(column) ? column.values.length : column.codes.length;
  const out = new Int32Array(n);
  let k = 0;
  if (isNumericStorage(column)) {
    for (let i = 0; i < n; i++) if (!Number.isNaN(column.values[i] as number)) out[k++] = i;
  } else {
    for (let i = 0; i < n; i++) if ((column.codes[i] as number) >= 0) out[k++] = i;
  }
  return out.slice(0, k);
}
