// The version page's Processing section (lib/narrative/processing-words.ts), each template filled at least twice.
import type { Processing } from "@/lib/contracts/processing";
import { MEANING_CHOICES, PROCESSING_WORDS, TRANSFORM_CHOICES, describeProcessing, rawScoreScorecardNote } from "@/lib/narrative/processing-words";
import type { Filled } from "./corpus";

const base: Processing = { derived: [], standardise: [], transform: { kind: "none" }, meaning: null };

export function processingFills(): Filled[] {
  const out: Filled[] = [];
  const add = (template: string, fill: string, text: string) => out.push({ template, fill, text });
  for (const [key, value] of Object.entries(PROCESSING_WORDS)) {
    if (typeof value === "string") {
      add(`PROCESSING_WORDS.${key}`, "as is", value);
      add(`PROCESSING_WORDS.${key}`, "as is, again", value);
    }
  }
  add("PROCESSING_WORDS.badLine", "3", PROCESSING_WORDS.badLine(3));
  add("PROCESSING_WORDS.badLine", "12", PROCESSING_WORDS.badLine(12));
  add("PROCESSING_WORDS.failed", "formula", PROCESSING_WORDS.failed("The formula for 'ratio' (income / debt) reads 'debt', which is not a column of the data."));
  add("PROCESSING_WORDS.failed", "json", PROCESSING_WORDS.failed(PROCESSING_WORDS.badJson));
  add("rawScoreScorecardNote", "0, churned", rawScoreScorecardNote(0, "churned"));
  add("rawScoreScorecardNote", "-1.5, no label", rawScoreScorecardNote(-1.5, null));
  for (const [key, value] of Object.entries(TRANSFORM_CHOICES)) for (const fill of ["as is", "as is, again"]) add(`TRANSFORM_CHOICES.${key}`, fill, value);
  for (const [key, value] of Object.entries(MEANING_CHOICES)) for (const fill of ["as is", "as is, again"]) add(`MEANING_CHOICES.${key}`, fill, value);
  const cases: [string, Processing, string | null][] = [
    ["nothing", base, null],
    ["one derived column and one scaled column", { ...base, derived: [{ name: "age_days", formula: "days_between(birth_date, visit_date)" }], standardise: [{ column: "age", mean: 38.58, scale: 13.64 }] }, null],
    ["many scaled columns and a log10 target", { ...base, standardise: [{ column: "a", mean: 1, scale: 2 }, { column: "b", mean: 0.5, scale: 3 }], transform: { kind: "pow10" }, meaning: { kind: "number", unit: "EUR" } }, null],
    ["a natural log target", { ...base, transform: { kind: "exp" }, meaning: { kind: "number", unit: "days" } }, null],
    ["a raw score through the sigmoid", { ...base, transform: { kind: "sigmoid" }, meaning: { kind: "probability" } }, ">50K"],
    ["a raw score with a cut-off", { ...base, meaning: { kind: "raw_score", threshold: 0.25 } }, "churned"],
    ["softmax over classes", { ...base, transform: { kind: "softmax" }, meaning: { kind: "class" } }, null],
    ["a rescaled target", { ...base, transform: { kind: "affine", mean: 180_921.2, scale: 79_415.29 }, meaning: { kind: "number", unit: "$" } }, null],
    ["a sigmoid number", { ...base, derived: [{ name: "ratio", formula: "income / max(debt, 1)" }], transform: { kind: "sigmoid" } }, null],
  ];
  for (const [fill, processing, positive] of cases) {
    for (const [i, sentence] of describeProcessing(processing, positive).entries()) add("describeProcessing", `${fill} (${i + 1})`, sentence);
  }
  return out;
}
