// The model pages' templates (lib/narrative/model-page-words.ts), each filled at least twice.
import type { VersionRow } from "@/lib/contracts/model-view";
import type { VersionStatus } from "@/lib/contracts/model-health";
import {
  NOT_STORED_WORDS,
  OVERVIEW_WORDS,
  PERFORMANCE_WORDS,
  VERSION_STATUS_MEANING,
  VIEW_PICKER_WORDS,
  answersAlongSummary,
  calibrationSummary,
  confusionCountsCaption,
  confusionSentences,
  errorSpreadSummary,
  heatmapSummary,
  intervalWords,
  metricChangeWords,
  modelHeaderWords,
  outcomeUnitNote,
  predictedActualSummary,
  referenceStatusWords,
  versionResultsWords,
  versionsLead,
  viewCaption,
} from "@/lib/narrative";
import type { Filled } from "./corpus";

const version = (n: number, status: VersionStatus): VersionRow => ({
  id: `v${n}`,
  version: n,
  status,
  note: null,
  artifactName: "model.onnx",
  artifactSha256: "0".repeat(64),
  uploadedBy: "Ann Analyst",
  uploadedAt: new Date("2026-05-01T10:00:00Z"),
  isLive: status === "live",
  isShown: true,
  results: 7,
});

export function modelPageFills(): Filled[] {
  const out: Filled[] = [];
  const add = (template: string, fill: string, text: string | null | undefined) => {
    if (text) out.push({ template, fill, text: /[.!?]$/.test(text) ? text : `${text}.` });
  };
  // Labels, titles and one-line captions ("Live: version 1", "Uploaded by Ann on 2026-05-01", "Period shown") are
  // not sentences; only the sentences are read for ease.
  for (const [fill, m] of [
    ["in review", { live: null, shown: version(2, "in_review"), lightWindow: "2026-10" }],
    ["changes asked", { live: null, shown: version(3, "changes_requested"), lightWindow: null }],
  ] as const) {
    add("modelHeaderWords.version (nothing live)", fill, modelHeaderWords(m).version);
  }
  for (const [status, text] of Object.entries(VERSION_STATUS_MEANING)) {
    add("VERSION_STATUS_MEANING", `${status} a`, text);
    add("VERSION_STATUS_MEANING", `${status} b`, text);
  }
  for (const [count, live] of [[1, 1], [3, null], [2, 2]] as const) add("versionsLead", `${count} ${live}`, versionsLead(count, live));
  for (const [n, shown] of [[0, false], [1, true], [7, true]] as const) add("versionResultsWords", `${n} ${shown}`, versionResultsWords(n, shown));
  add("VIEW_PICKER_WORDS.unknownWindow", "a", VIEW_PICKER_WORDS.unknownWindow);
  add("VIEW_PICKER_WORDS.unknownWindow", "b", VIEW_PICKER_WORDS.unknownWindow);
  const july = { label: "2026-07", isReference: false };
  const june = { label: "2026-06", isReference: false };
  const ref = { label: "Reference data", isReference: true };
  add("viewCaption", "vs reference", viewCaption(july, ref, "reference"));
  add("viewCaption", "vs previous", viewCaption(july, june, "previous"));
  add("viewCaption", "first period", viewCaption(june, null, "previous"));
  add("viewCaption", "no reference", viewCaption(june, null, "reference"));
  add("viewCaption", "reference itself", viewCaption(ref, null, "reference"));
  add("viewCaption", "nothing", viewCaption(null, null, "reference"));
  const sentences = [...Object.entries(OVERVIEW_WORDS), ["overTimeLead", PERFORMANCE_WORDS.overTimeLead], ["noScorecard", PERFORMANCE_WORDS.noScorecard], ...Object.entries(NOT_STORED_WORDS)];
  for (const [key, text] of sentences) {
    add(`page words ${key}`, "a", text);
    add(`page words ${key}`, "b", text);
  }
  for (const [metric, now, before, unit] of [["accuracy", 0.805, 0.852, undefined], ["mae", 63.9, 25.9, "$"], ["rocAuc", 0.884, 0.884, undefined]] as const) {
    add("metricChangeWords", `${metric} vs reference`, metricChangeWords(metric, now, before, "Reference data", "2026-10", unit));
    add("metricChangeWords", `${metric} vs previous`, metricChangeWords(metric, now, before, "2026-09", "2026-10", unit));
    add("intervalWords", metric, intervalWords(metric, now * 0.95, now * 1.05, unit));
  }
  for (const [rowNoun, positive] of [["applicants", ">50K"], ["rows", "1"], ["customers", "churn"]] as const) {
    confusionSentences({ tp: 287, fp: 102, tn: 920, fn: 191 }, positive, rowNoun).forEach((line, i) => add(`confusionSentences #${i}`, `${rowNoun} ${positive}`, line));
    add("confusionCountsCaption", rowNoun, confusionCountsCaption(1500, rowNoun));
  }
  const bins = (shift: number) => Array.from({ length: 10 }, (_, i) => ({ meanScore: (i + 0.5) / 10, fractionPositive: Math.min(1, Math.max(0, (i + 0.5) / 10 + shift)), rows: 120 }));
  add("calibrationSummary", "well calibrated", calibrationSummary(bins(0.01), "applicants"));
  add("calibrationSummary", "over-confident", calibrationSummary(bins(-0.12), "rows"));
  add("heatmapSummary", "3 classes", heatmapSummary(["cat", "dog", "eel"], [[50, 4, 1], [6, 40, 2], [0, 3, 30]]));
  add("heatmapSummary", "2 classes", heatmapSummary(["low", "high"], [[80, 12], [9, 60]]));
  add("predictedActualSummary", "bikes", predictedActualSummary(96.6, 120, undefined, "2012-12"));
  add("predictedActualSummary", "dollars", predictedActualSummary(1250, 1190, "$", "2026-07"));
  const groups = (k: number, slope: number) =>
    Array.from({ length: k }, (_, i) => ({ actual: 10 + 40 * i, predictedMedian: 12 + 40 * slope * i, predictedLow: 5 + 35 * i, predictedHigh: 20 + 45 * i, rows: 435 }));
  add("answersAlongSummary", "bikes", answersAlongSummary(groups(20, 0.9), "cnt", "2012-12"));
  add("answersAlongSummary", "one group", answersAlongSummary(groups(1, 1), "$", "2026-07"));
  add("answersAlongSummary", "dollars", answersAlongSummary(groups(8, 1.1), "$", "Reference data"));
  const edges = Array.from({ length: 21 }, (_, i) => -200 + 20 * i);
  add("errorSpreadSummary", "centred", errorSpreadSummary({ edges, counts: edges.slice(1).map((_, i) => 100 - Math.abs(i - 10) * 9) }, "cnt"));
  add("errorSpreadSummary", "skewed", errorSpreadSummary({ edges: edges.map((e) => e / 100), counts: edges.slice(1).map((_, i) => (i < 4 ? 300 : 10)) }, "days"));
  add("referenceStatusWords", "in use", referenceStatusWords(undefined));
  add("referenceStatusWords", "replaced", referenceStatusWords(new Date("2026-12-07T10:00:00Z")));
  add("outcomeUnitNote", "count", outcomeUnitNote("count"));
  add("outcomeUnitNote", "price", outcomeUnitNote("price"));
  return out;
}
