// The sample of scored rows (lib/narrative/scored-rows-words.ts) and the API's refusals of a model's description
// (lib/narrative/api-words.ts), each filled at least twice.
import { API_MODEL_WORDS } from "@/lib/narrative/api-words";
import { SCORED_ROWS_WORDS, rawScoreThresholdNote, scoredSampleLead, thresholdNote } from "@/lib/narrative/scored-rows-words";
import type { Filled } from "./corpus";

export function rowsAndApiFills(): Filled[] {
  const out: Filled[] = [];
  const add = (template: string, fill: string, text: string) => out.push({ template, fill, text });
  for (const [key, value] of Object.entries(SCORED_ROWS_WORDS)) {
    if (typeof value === "string") {
      add(`SCORED_ROWS_WORDS.${key}`, "as is", value);
      add(`SCORED_ROWS_WORDS.${key}`, "as is, again", value);
    }
  }
  add("SCORED_ROWS_WORDS.failed", "memory", SCORED_ROWS_WORDS.failed(SCORED_ROWS_WORDS.overMemory(4096)));
  add("SCORED_ROWS_WORDS.failed", "columns", SCORED_ROWS_WORDS.failed("The model needs the column age, which this data does not have."));
  add("SCORED_ROWS_WORDS.overTime", "60", SCORED_ROWS_WORDS.overTime(60));
  add("SCORED_ROWS_WORDS.overTime", "3600", SCORED_ROWS_WORDS.overTime(3600));
  add("SCORED_ROWS_WORDS.overMemory", "4096", SCORED_ROWS_WORDS.overMemory(4096));
  add("SCORED_ROWS_WORDS.overMemory", "1536", SCORED_ROWS_WORDS.overMemory(1536.4));
  add("scoredSampleLead", "20 of 1,500", scoredSampleLead(20, 1500, "2026-07", 1));
  add("scoredSampleLead", "7 of 7", scoredSampleLead(7, 7, "the reference data", 2));
  add("thresholdNote", ">50K at 0.5", thresholdNote(">50K", 0.5));
  add("thresholdNote", "churned at 0.35", thresholdNote("churned", 0.35));
  add("rawScoreThresholdNote", "1 at 0", rawScoreThresholdNote("1", 0));
  add("rawScoreThresholdNote", "churned at -1.25", rawScoreThresholdNote("churned", -1.25));
  for (const [key, value] of Object.entries(API_MODEL_WORDS)) {
    if (typeof value === "string") {
      add(`API_MODEL_WORDS.${key}`, "as is", value);
      add(`API_MODEL_WORDS.${key}`, "as is, again", value);
    }
  }
  add("API_MODEL_WORDS.unknown", "one", API_MODEL_WORDS.unknown(["sensitive_attributes"]));
  add("API_MODEL_WORDS.unknown", "two", API_MODEL_WORDS.unknown(["label", "owner"]));
  return out;
}
