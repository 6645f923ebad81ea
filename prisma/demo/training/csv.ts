/** Minimal CSV for the demo files: comma separator, LF line ends, quotes only where needed. */

export interface CsvTable {
  readonly header: string[];
  readonly rows: string[][];
}

/** Parses the UCI copies (no quoted fields in them); refuses a ragged row. */
export function parseSimpleCsv(text: string, source: string): CsvTable {
  const lines = text.split(/\r?\n/).filter((l) => l.length > 0);
  const header = (lines[0] ?? "").split(",");
  const rows = lines.slice(1).map((line, i) => {
    const fields = line.split(",");
    if (fields.length !== header.length) throw new Error(`${source}: row ${i + 2} has ${fields.length} fields, expected ${header.length}.`);
    return fields;
  });
  return { header, rows };
}

function quote(field: string): string {
  return /[",\n\r]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

export function formatCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const out: string[] = [header.map(quote).join(",")];
  for (const row of rows) out.push(row.map(quote).join(","));
  return `${out.join("\n")}\n`;
}

export function columnIndex(table: CsvTable, name: string): number {
  const index = table.header.indexOf(name);
  if (index < 0) throw new Error(`Column '${name}' is missing (have: ${table.header.join(", ")}).`);
  return index;
}
