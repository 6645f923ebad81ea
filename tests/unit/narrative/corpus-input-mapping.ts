// The input mapping's templates (lib/narrative/input-mapping-words.ts), each filled at least twice.
import {
  INPUTS_DERIVED_NOTE,
  INPUTS_FIELD_HINT,
  INPUTS_INTRO,
  INPUTS_READ_ONLY_ROLE,
  INPUTS_SAVED,
  inputRowWords,
  inputTakesSentence,
  inputTakesWords,
  inputsLockedWords,
  mappingCountWords,
  mappingProposedWords,
  mappingRepeatedWords,
  mappingUnknownInputWords,
  mappingUnmappedWords,
  mappingUnreadableWords,
} from "@/lib/narrative/input-mapping-words";
import type { Filled } from "./corpus";

export function inputMappingFills(): Filled[] {
  const out: Filled[] = [];
  const push = (template: string, fill: string, text: string) => out.push({ template, fill, text });
  for (const [name, text] of Object.entries({ INPUTS_DERIVED_NOTE, INPUTS_FIELD_HINT, INPUTS_INTRO, INPUTS_READ_ONLY_ROLE, INPUTS_SAVED })) {
    push(name, "a", text);
    push(name, "b", text);
  }
  for (const surface of ["form", "page", "api"] as const) {
    push("mappingCountWords", surface, mappingCountWords({ input: "numbers", needs: 2, gives: 3 }, surface));
    push("mappingUnknownInputWords", surface, mappingUnknownInputWords("extra", ["numbers", "tenure"], surface));
    push("mappingUnmappedWords", surface, mappingUnmappedWords("numbers", surface === "page" ? null : 4, surface));
    push("mappingRepeatedWords", surface, mappingRepeatedWords("numbers", "age", surface));
    push("mappingUnreadableWords", surface, mappingUnreadableWords("numbers: List at least one column.", surface));
  }
  push("inputRowWords", "columns", inputRowWords({ input: "numbers", kind: "columns", columns: ["age", "income", "hours"] }));
  push("inputRowWords", "column", inputRowWords({ input: "tenure", kind: "column", columns: ["tenure"] }));
  push("inputTakesWords", "two", `It takes ${inputTakesWords({ kind: "columns", width: 2 })}.`);
  push("inputTakesWords", "one", `It takes ${inputTakesWords({ kind: "column", width: 1 })}.`);
  push("inputTakesWords", "unknown", `It takes ${inputTakesWords({ kind: "columns", width: null })}.`);
  push("inputTakesSentence", "numbers", inputTakesSentence({ kind: "columns", width: 2, typeText: "tensor(float)[N, 2]" }));
  push("inputTakesSentence", "text", inputTakesSentence({ kind: "column", width: 1, typeText: "tensor(string)[N, 1]" }));
  for (const status of ["in_review", "approved", "live", "rejected", "retired"]) push("inputsLockedWords", status, inputsLockedWords(3, status));
  push("mappingProposedWords", "one", mappingProposedWords(2, 1));
  push("mappingProposedWords", "two", mappingProposedWords(4, 2));
  return out;
}
