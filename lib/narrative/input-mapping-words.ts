// The words of the input mapping: which data columns feed each model input (lib/contracts/input-mapping.ts). Each
// refusal speaks the language of the surface that received it: the upload form's field, the version page's fields,
// or the API's inputMapping parameter.
import type { InputMappingRow } from "@/lib/contracts/input-mapping";

/** Where a mapping came from: the upload form, the version page's "Inputs" form, or the API. */
export type MappingSurface = "form" | "page" | "api";

export const INPUTS_TITLE = "Inputs";

export const INPUTS_INTRO = "These columns of your data go into the model. Sightline scores every upload through them.";

export const INPUTS_DERIVED_NOTE = "This version was stored before Sightline kept a mapping. This is how it reads your data now.";

export const INPUTS_SAVED = "The mapping was saved. Sightline scores the stored data again with it.";

export const INPUTS_FIELD_HINT = "Type the column names in order, split by commas.";

export const INPUTS_READ_ONLY_ROLE = "Owners and analysts can change the mapping. You can read it.";

const values = (n: number) => (n === 1 ? "1 value" : `${n.toLocaleString("en-US")} values`);
const columnsWord = (n: number) => (n === 1 ? "1 column" : `${n.toLocaleString("en-US")} columns`);

function whereToFix(input: string, surface: MappingSurface): string {
  if (surface === "api") return `Fix the list for '${input}' in the inputMapping parameter.`;
  if (surface === "form") return `Fix the line for '${input}' in the Column order field.`;
  return `Fix the field for '${input}' below.`;
}

/** "The model's input 'X' needs N values per row; the mapping gives M." plus where to fix it. */
export function mappingCountWords(problem: { input: string; needs: number; gives: number }, surface: MappingSurface): string {
  return (
    `The model's input '${problem.input}' needs ${values(problem.needs)} per row; the mapping gives ${problem.gives.toLocaleString("en-US")}. ` +
    `${whereToFix(problem.input, surface)} List ${columnsWord(problem.needs)}, in the order the model was trained on.`
  );
}

export function mappingUnknownInputWords(input: string, inputs: readonly string[], surface: MappingSurface): string {
  const list = inputs.map((i) => `'${i}'`).join(", ");
  const fix = surface === "api" ? "Use those names in the inputMapping parameter." : surface === "form" ? "Use those names in the Column order field." : "Use those names.";
  return `The mapping names an input '${input}' that the model does not have. Its inputs are ${list}. ${fix}`;
}

export function mappingUnmappedWords(input: string, width: number | null, surface: MappingSurface): string {
  const takes = width === null ? "several values per row" : `${values(width)} per row`;
  const fix =
    surface === "api"
      ? `Give them in the inputMapping parameter, for example {"${input}": ["age", "income"]}.`
      : surface === "form"
        ? `Add a line for it in the Column order field: '${input}:' and then the columns.`
        : `Fill in the field for '${input}' below.`;
  return `Sightline cannot tell which columns go into the model's input '${input}'. It takes ${takes}, and the model file names none. ${fix}`;
}

export function mappingRepeatedWords(input: string, column: string, surface: MappingSurface): string {
  return `The mapping lists the column '${column}' twice for the input '${input}'. Each place takes its own column. ${whereToFix(input, surface)}`;
}

/** The mapping JSON could not be read (API) or a field is empty (forms). */
export function mappingUnreadableWords(detail: string, surface: MappingSurface): string {
  return surface === "api"
    ? `The inputMapping parameter is not a mapping Sightline can read (${detail}). Send JSON such as {"numbers": ["age", "income"], "region": "region"}.`
    : `The mapping is not complete (${detail}). Give each input its columns.`;
}

/** One row of the version page's "Inputs" section, in words. */
export function inputRowWords(row: Pick<InputMappingRow, "input" | "kind" | "columns">): string {
  if (row.kind === "column" || row.columns.length === 1) return `The input '${row.input}' reads the column '${row.columns[0] ?? ""}'.`;
  return `The input '${row.input}' reads ${columnsWord(row.columns.length)}, in this order: ${row.columns.join(", ")}.`;
}

/** What an input takes, for its field label. */
export function inputTakesWords(row: Pick<InputMappingRow, "kind" | "width">): string {
  if (row.kind === "column") return "1 column";
  return row.width === null ? "some columns, in order" : `${columnsWord(row.width)}, in order`;
}

/**
 * What one input takes, for people: "Takes 2 columns, in order, as numbers." The ONNX type (`tensor(float)[N, 2]`)
 * stays out of the sentence; the page keeps it as a tooltip for whoever exported the model.
 */
export function inputTakesSentence(row: Pick<InputMappingRow, "kind" | "width" | "typeText">): string {
  const element = /^tensor\((\w+)\)/.exec(row.typeText)?.[1] ?? "";
  const as = element === "string" ? ", as text" : element === "bool" ? ", as yes/no values" : element ? ", as numbers" : "";
  return `Takes ${inputTakesWords(row)}${as}.`;
}

/** Why the mapping can no longer change. */
export function inputsLockedWords(version: number, status: string): string {
  const why =
    status === "in_review"
      ? "is waiting for its review"
      : status === "approved"
        ? "was approved"
        : status === "live"
          ? "is live"
          : status === "rejected"
            ? "was turned down"
            : "was retired";
  return `The mapping is fixed now: version ${version} ${why}, and reviewers judge it as it is. To change the mapping, upload the model as a new version.`;
}

/** The upload's success note: the proposed mapping, to check on the version page. */
export function mappingProposedWords(version: number, inputs: number): string {
  return `Version ${version} was accepted. Sightline chose which columns feed its ${inputs === 1 ? "input" : `${inputs} inputs`}: check them on the version page, under Inputs.`;
}
