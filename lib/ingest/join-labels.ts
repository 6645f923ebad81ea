/**
 * Labels that arrive later: a labels file (an id column and a label column) joined onto a stored
 * table by row id. Ids are compared as text as the table shows them (numbers in plain form). A
 * label in the file replaces the row's label; rows the file does not mention keep theirs. Ids of
 * the labels file that the table lacks are counted (they may belong to another window), not
 * refused. A repeated id in the labels file is refused with both rows.
 */
import { rowContext } from "./build-table";
import { ColumnBuilder } from "./column-builder";
import type { RowContext } from "./convert-column";
import { inferKind } from "./infer-kind";
import { IngestError, quoteValue } from "./ingest-error";
import { MissingMatcher } from "./missing-values";
import { type Column, type Table, cellText, findColumn } from "./table";

/** The result of {@link joinLabels}. */
export interface LabelJoin {
  /** The target table with its label column added or updated. */
  table: Table;
  /** Rows of the target that got a label from the file. */
  matched: number;
  /** Ids in the labels file that the target does not have. */
  unmatched: number;
  /** Up to 10 of those ids, for the message to the user. */
  unmatchedExamples: string[];
}

/** Names of the columns to join on. */
export interface LabelJoinColumns {
  /** Id column of the target table. */
  targetId: string;
  /** Id column of the labels file; default the same name. */
  labelsId?: string;
  /** Label column of the labels file; it is written under the same name in the target. */
  label: string;
}

function need(table: Table, name: string, what: string): Column {
  const c = findColumn(table, name);
  if (c === undefined) {
    throw new IngestError({ code: "unknown_column", file: table.file, problem: `The ${what} column "${name}" is not in the file.`, fix: "Pick the column from the file's header, or check the spelling." });
  }
  return c;
}

/** Join a labels table onto `target` by id (see the module comment). */
export function joinLabels(target: Table, labels: Table, columns: LabelJoinColumns): LabelJoin {
  const targetId = need(target, columns.targetId, "id");
  const labelsId = need(labels, columns.labelsId ?? columns.targetId, "id");
  const newLabel = need(labels, columns.label, "label");
  const ctx = rowContext(labels);

  const rowOfId = new Map<string, number>();
  for (let i = 0; i < target.rowCount; i++) {
    const id = cellText(targetId, i);
    if (id !== "") rowOfId.set(id, i);
  }
  const seen = new Map<string, number>();
  const source = new Int32Array(target.rowCount).fill(-1);
  let matched = 0;
  let unmatched = 0;
  const unmatchedExamples: string[] = [];
  for (let j = 0; j < labels.rowCount; j++) {
    const id = cellText(labelsId, j);
    if (id === "") {
      throw new IngestError({ code: "missing_id", file: labels.file, row: ctx.rowNumber(j), column: labelsId.name, problem: "This row has no id, so its label cannot be matched.", fix: "Give every row the id of the row it labels." });
    }
    const prev = seen.get(id);
    if (prev !== undefined) {
      throw new IngestError({
        code: "duplicate_id",
        file: labels.file,
        row: ctx.rowNumber(j),
        column: labelsId.name,
        problem: `The id ${quoteValue(id)} is labelled twice; it first appears in row ${ctx.rowNumber(prev)}.`,
        fix: "Keep one label per id.",
      });
    }
    seen.set(id, j);
    const i = rowOfId.get(id);
    if (i === undefined) {
      unmatched++;
      if (unmatchedExamples.length < 10) unmatchedExamples.push(id);
      continue;
    }
    if (cellText(newLabel, j) === "") continue;
    source[i] = j;
    matched++;
  }

  const existing = findColumn(target, columns.label);
  const merged = mergeLabel(existing, newLabel, source, target.rowCount, rowContext(target));
  const columnsOut = existing === undefined ? [...target.columns, merged] : target.columns.map((c) => (c === existing ? merged : c));
  return { table: { ...target, columns: columnsOut }, matched, unmatched, unmatchedExamples };
}

/**
 * The label column of the target after the join: new labels where given, old ones elsewhere,
 * read again as text so its kind is inferred as at upload (0/1 -> boolean, words -> categorical).
 */
function mergeLabel(existing: Column | undefined, incoming: Column, source: Int32Array, n: number, ctx: RowContext): Column {
  const builder = new ColumnBuilder(existing?.name ?? incoming.name, new MissingMatcher([]), n);
  for (let i = 0; i < n; i++) {
    const j = source[i] as number;
    builder.push(j >= 0 ? cellText(incoming, j) : existing === undefined ? "" : cellText(existing, i));
  }
  return inferKind(builder.finish(), ctx).column;
}
