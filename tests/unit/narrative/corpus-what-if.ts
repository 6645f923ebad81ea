// The what-if page's templates (lib/narrative/what-if-words.ts), each filled at least twice.
import {
  WHATIF_WORDS,
  backendLabel,
  binaryPredictionSentence,
  rawScorePredictionSentence,
  callTimeSentence,
  offGpuSentence,
  classPredictionSentence,
  numberPredictionSentence,
  outOfRangeWarning,
  predictionAnnouncement,
  unseenCategoryWarning,
} from "@/lib/narrative";
import type { Filled } from "./corpus";

export function whatIfFills(): Filled[] {
  const out: Filled[] = [];
  const add = (template: string, fill: string, text: string) => out.push({ template, fill, text });
  for (const [key, value] of Object.entries(WHATIF_WORDS)) {
    if (typeof value === "string") {
      add(`WHATIF_WORDS.${key}`, "as is", value);
      add(`WHATIF_WORDS.${key}`, "as is, again", value);
    }
  }
  add("WHATIF_WORDS.sampleRow", "1", WHATIF_WORDS.sampleRow(1));
  add("WHATIF_WORDS.sampleRow", "250", WHATIF_WORDS.sampleRow(250));
  add("WHATIF_WORDS.rangeHint", "age", WHATIF_WORDS.rangeHint("17", "74", "17", "90"));
  add("WHATIF_WORDS.rangeHint", "hours", WHATIF_WORDS.rangeHint("8", "80", "1", "99"));
  add("WHATIF_WORDS.categoryHint", "64%", WHATIF_WORDS.categoryHint("64%"));
  add("WHATIF_WORDS.categoryHint", "2.1%", WHATIF_WORDS.categoryHint("2.1%"));
  add("WHATIF_WORDS.failed", "no op", WHATIF_WORDS.failed("The model file could not be read. Try again."));
  add("WHATIF_WORDS.failed", "fetch", WHATIF_WORDS.failed("The model file could not be loaded."));
  for (const [backend, threads] of [["wasm", 4], ["wasm", 1]] as const) {
    add("callTimeSentence", `${backend} ${threads}`, callTimeSentence(backendLabel(backend, threads), 0.213));
  }
  add("callTimeSentence", "webgpu", callTimeSentence(backendLabel("webgpu", 1), 12.4));
  add("callTimeSentence", "webgpu and cpu", callTimeSentence(backendLabel("webgpu", 1, 2), 12.4));
  add("offGpuSentence", "trees", offGpuSentence(["ai.onnx.ml:TreeEnsembleClassifier", "ai.onnx.ml:OneHotEncoder", "ai.onnx.ml:Normalizer", "Identity"]));
  add("offGpuSentence", "standard", offGpuSentence(["Mod"]));
  for (const [score, threshold, label] of [[0.731, 0.5, ">50K"], [0.2, 0.5, null], [0.5, 0.5, "yes"]] as const) {
    const s = binaryPredictionSentence(score, threshold, label);
    add("binaryPredictionSentence", `${score} ${threshold}`, `${s.headline}. ${s.detail}`);
  }
  for (const [score, threshold, label] of [[1.37, 0, "1"], [-2.5, 0, null], [0.25, 0.25, ">50K"]] as const) {
    const s = rawScorePredictionSentence(score, threshold, label);
    add("rawScorePredictionSentence", `${score} ${threshold}`, `${s.headline}. ${s.detail}`);
  }
  for (const [label, p] of [["setosa", 0.91], ["churn", null]] as const) {
    const s = classPredictionSentence(label, p);
    add("classPredictionSentence", `${label}`, `${s.headline}. ${s.detail}`);
  }
  for (const [value, unit] of [[1234.5, "$"], [3.4, "days"]] as const) {
    const s = numberPredictionSentence(value, unit);
    add("numberPredictionSentence", `${value}`, `${s.headline}. ${s.detail}`);
  }
  for (const [value, column] of [[312, "cnt"], [41.5, "price"]] as const) {
    const s = numberPredictionSentence(value, undefined, column);
    add("numberPredictionSentence", `${value} in ${column}`, `${s.headline}. ${s.detail}`);
  }
  add("outOfRangeWarning", "above", outOfRangeWarning("age", 130, 17, 90));
  add("outOfRangeWarning", "below", outOfRangeWarning("hours per week", -3, 1, 99));
  add("unseenCategoryWarning", "workclass", unseenCategoryWarning("workclass", "Space agency"));
  add("unseenCategoryWarning", "country", unseenCategoryWarning("native country", "Atlantis"));
  add("predictionAnnouncement", "binary", predictionAnnouncement("73.1% chance of yes"));
  add("predictionAnnouncement", "class", predictionAnnouncement('"setosa"'));
  return out;
}
